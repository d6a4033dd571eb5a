import { z } from "zod";

/**
 * Every option of the collaboration server, with its default. Each can be set from the
 * environment (name in brackets) so that tests and benchmarks tune them without code.
 */
export type CollabOptions = {
  /** Largest websocket message accepted; bigger frames close the socket with 1009. [COLLAB_MAX_MESSAGE_BYTES] 1 MiB */
  maxMessageBytes: number;
  /** Clients at once in one document; more are refused at the upgrade with 503. [COLLAB_MAX_CLIENTS_PER_DOCUMENT] 100 */
  maxClientsPerDocument: number;
  /**
   * Connection attempts per signed-in session per minute (a user gets three times as many over
   * all their sessions); more are refused with 429. Counted per person, not per address: a
   * workshop on one town-hall Wi-Fi shares an address. [COLLAB_CONNECTIONS_PER_MINUTE] 120
   */
  connectionsPerMinute: number;
  /** Attempts without a valid session per client address per minute; more get 429. [COLLAB_REFUSALS_PER_MINUTE] 30 */
  refusalsPerMinute: number;
  /** Largest presence (awareness) state of one client, in bytes; more closes the socket (4413). [COLLAB_MAX_PRESENCE_BYTES] 4 KiB */
  maxPresenceBytes: number;
  /** Presence messages a socket may send per second, sustained (bursts of twice as many); more closes it (4429). [COLLAB_PRESENCE_PER_SECOND] 30 */
  presencePerSecond: number;
  /** Updates appended before the log is compacted into a snapshot. [COLLAB_COMPACT_EVERY] 500 */
  compactEvery: number;
  /** How long a document stays in memory after its last client left. [COLLAB_UNLOAD_AFTER_MS] 10 s */
  unloadAfterMs: number;
  /** How often open sockets are re-checked against sessions and memberships. [COLLAB_REVALIDATE_EVERY_MS] 2 s */
  revalidateEveryMs: number;
  /** Quiet time before a document's SQL projection (title, excerpt…) is refreshed. [COLLAB_PROJECTION_DELAY_MS] 1 s */
  projectionDelayMs: number;
  /** Longest a projection waits for quiet while people keep typing. [COLLAB_PROJECTION_MAX_WAIT_MS] 10 s */
  projectionMaxWaitMs: number;
  /** First retry delay after a failed write; doubles up to 5 s. [COLLAB_RETRY_WRITE_MS] 100 ms */
  retryWriteMs: number;
};

const schema = z.object({
  maxMessageBytes: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  maxClientsPerDocument: z.coerce.number().int().min(1).default(100),
  connectionsPerMinute: z.coerce.number().int().min(1).default(120),
  refusalsPerMinute: z.coerce.number().int().min(1).default(30),
  maxPresenceBytes: z.coerce.number().int().min(256).default(4096),
  presencePerSecond: z.coerce.number().int().min(1).default(30),
  compactEvery: z.coerce.number().int().min(1).default(500),
  unloadAfterMs: z.coerce.number().int().min(0).default(10_000),
  revalidateEveryMs: z.coerce.number().int().min(100).default(2_000),
  projectionDelayMs: z.coerce.number().int().min(0).default(1_000),
  projectionMaxWaitMs: z.coerce.number().int().min(0).default(10_000),
  retryWriteMs: z.coerce.number().int().min(10).default(100),
});

const ENV_NAMES: Record<keyof CollabOptions, string> = {
  maxMessageBytes: "COLLAB_MAX_MESSAGE_BYTES",
  maxClientsPerDocument: "COLLAB_MAX_CLIENTS_PER_DOCUMENT",
  connectionsPerMinute: "COLLAB_CONNECTIONS_PER_MINUTE",
  refusalsPerMinute: "COLLAB_REFUSALS_PER_MINUTE",
  maxPresenceBytes: "COLLAB_MAX_PRESENCE_BYTES",
  presencePerSecond: "COLLAB_PRESENCE_PER_SECOND",
  compactEvery: "COLLAB_COMPACT_EVERY",
  unloadAfterMs: "COLLAB_UNLOAD_AFTER_MS",
  revalidateEveryMs: "COLLAB_REVALIDATE_EVERY_MS",
  projectionDelayMs: "COLLAB_PROJECTION_DELAY_MS",
  projectionMaxWaitMs: "COLLAB_PROJECTION_MAX_WAIT_MS",
  retryWriteMs: "COLLAB_RETRY_WRITE_MS",
};

export function collabOptionsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<CollabOptions> = {},
): CollabOptions {
  const raw = Object.fromEntries(Object.entries(ENV_NAMES).map(([key, name]) => [key, env[name] || undefined]));
  return { ...schema.parse(raw), ...overrides };
}
