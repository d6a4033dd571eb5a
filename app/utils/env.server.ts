import path from "node:path";
import { z } from "zod";

/**
 * Environment, parsed once at start-up. Every option with its default:
 * - PORT (3000): HTTP and websocket port.
 * - HOST (127.0.0.1): interface to listen on; put a reverse proxy in front for the internet.
 * - DATABASE_URL (file:prisma/data/maillage.db): SQLite file, relative to the project root.
 * - DEMO_DATA (true): seed the demo coalition when the database is empty; "false" for a real deployment.
 * - TRUST_PROXY (false): how many reverse proxies stand in front ("true" = 1). Only then are
 *   X-Forwarded-For/-Proto read, and only the entries those proxies added (a client cannot
 *   spoof its address to dodge the login throttle).
 * - SESSION_DAYS (30): session lifetime; renewed while in use (sliding).
 * - PUBLIC_URL (unset): the address people use, scheme and host only (`https://maillage.example`).
 *   Requests whose Host or Origin names another site are refused (DNS rebinding, decision 015);
 *   unset, only `localhost`, `127.0.0.1` and `[::1]` are answered. With `https:` the session
 *   cookie is `__Host-maillage_session`, always Secure.
 * - SMTP_URL (unset): the mail server (`smtp://user:pass@host:587`, `smtps://…`). Unset: in-app
 *   notifications only, no e-mail is written to the outbox.
 * - MAIL_FROM (`Maillage <no-reply@localhost>`): the sender of every e-mail.
 * - MAIL_DIGEST_HOUR (7): the hour (0–23, server time) the daily digest goes out.
 * - MAIL_DIGEST_EVERY_SECONDS (0): when above 0, a digest run every that many seconds instead
 *   of daily (tests and demos).
 * - MAIL_POLL_MS (5000): how often the mail worker looks for e-mail to send.
 * - MAIL_MAX_ATTEMPTS (8): attempts before an e-mail is given up (backoff doubles, at most 1 h).
 * - MAIL_LEASE_MS (120000): how long a worker holds an e-mail it is sending; a worker that died
 *   holding it (kill -9) delays that e-mail by this much.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z.string().startsWith("file:").optional(),
  DEMO_DATA: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((value) => value === "true" || value === "1"),
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((value, ctx) => {
      if (value === "false") return 0;
      if (value === "true") return 1;
      const hops = Number(value);
      if (Number.isInteger(hops) && hops >= 0 && hops <= 10) return hops;
      ctx.addIssue({ code: "custom", message: 'expected "true", "false" or a number of proxies' });
      return z.NEVER;
    }),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  PUBLIC_URL: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const url = URL.canParse(value) ? new URL(value) : null;
      const bare = url && url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
      if (url && bare && (url.protocol === "https:" || url.protocol === "http:")) return url.origin;
      ctx.addIssue({ code: "custom", message: "expected http(s)://host[:port], without a path" });
      return z.NEVER;
    }),
  SMTP_URL: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => !value || /^smtps?:\/\//.test(value), "expected smtp://… or smtps://…"),
  MAIL_FROM: z.string().min(3).default("Maillage <no-reply@localhost>"),
  MAIL_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  MAIL_DIGEST_EVERY_SECONDS: z.coerce.number().int().min(0).default(0),
  MAIL_POLL_MS: z.coerce.number().int().min(50).max(3_600_000).default(5000),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  MAIL_LEASE_MS: z.coerce.number().int().min(500).default(120_000),
});

export type Env = z.infer<typeof schema> & { databaseFile: string };

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  cached = { ...parsed.data, databaseFile: resolveDatabaseFile(parsed.data.DATABASE_URL) };
  return cached;
}

/** `file:` URLs are resolved against the current directory (npm scripts run from the root). */
export function resolveDatabaseFile(url: string | undefined): string {
  if (!url) return path.resolve("prisma/data/maillage.db");
  return path.resolve(url.slice("file:".length));
}
