/**
 * The one Node process: HTTP for the Remix app and (next) the websocket upgrade for
 * collaboration, on one port. Started by `npm start` (after `server/setup.ts`) and by
 * `npm run dev` through `remix dev --manual`.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import express from "express";
import { getEnv } from "../app/utils/env.server";
import { attachCollaboration } from "./collab/index";
import { collabOptionsFromEnv } from "./collab/options";
import { startNoteTrashPurge } from "./jobs/note-trash";
import { startSaisineDueReminders } from "./jobs/saisine-due";
import { startMailDigest } from "./jobs/mail-digest";
import { startMailWorker } from "./jobs/mail-worker";
import { SqliteRightsReader } from "./collab/rights-reader";
import { SqliteDocumentStore } from "./collab/sqlite-document-store";
import { cspNonce, limitBodySize, refuseCrossSite, refuseUndecodablePath, securityHeaders } from "./security";

const env = getEnv();
const development = env.NODE_ENV === "development";
const BUILD_PATH = path.resolve("build/index.js");
const VERSION_PATH = path.resolve("build/version.txt");

async function importBuild(): Promise<ServerBuild> {
  // The query string defeats Node's module cache so that a rebuilt app is picked up in dev.
  const url = pathToFileURL(BUILD_PATH).href + (development ? `?t=${Date.now()}` : "");
  return (await import(url)) as ServerBuild;
}

let build = await importBuild();

const app = express();
app.disable("x-powered-by");
// A hop count, never `true`: with `true` the client-written leftmost X-Forwarded-For would count.
app.set("trust proxy", env.TRUST_PROXY);
app.use(cspNonce);
app.use(securityHeaders({ development }));
app.use(refuseUndecodablePath);
app.use(refuseCrossSite);
app.use(limitBodySize);

// Fingerprinted assets can be cached forever; everything else in public/ for an hour.
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

const server = http.createServer(app);
// Longer than the usual proxy and client idle times (60 s): a server closing an idle keep-alive
// connection first races the client's next request on it ("other side closed").
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
const collab = attachCollaboration(server, {
  store: new SqliteDocumentStore(env.databaseFile),
  reader: new SqliteRightsReader(env.databaseFile),
  options: collabOptionsFromEnv(),
});

function remixHandler() {
  return createRequestHandler({
    build: async () => build,
    mode: env.NODE_ENV,
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
      documents: collab.documents,
      // Remix writes a streamed body without waiting for the socket (no backpressure): streamed
      // exports wait on this before reading their next batch, so a slow client costs no memory.
      responseDrained: () =>
        res.writableNeedDrain && !res.destroyed
          ? new Promise<void>((resolve) => {
              const done = () => {
                res.off("drain", done);
                res.off("close", done);
                resolve();
              };
              res.on("drain", done);
              res.on("close", done);
            })
          : Promise.resolve(),
    }),
  });
}
app.all("*", remixHandler());
const stopNoteTrashPurge = startNoteTrashPurge(collab.documents.removeDocument);
const stopSaisineDueReminders = startSaisineDueReminders();
// E-mail only with SMTP_URL: the outbox's sender, and the daily digest that fills it.
const stopMail = env.SMTP_URL
  ? [
      startMailWorker({
        smtpUrl: env.SMTP_URL,
        from: env.MAIL_FROM,
        pollMs: env.MAIL_POLL_MS,
        maxAttempts: env.MAIL_MAX_ATTEMPTS,
        leaseMs: env.MAIL_LEASE_MS,
        firstRetryMs: env.MAIL_POLL_MS < 1000 ? env.MAIL_POLL_MS : undefined,
      }),
      startMailDigest({ hour: env.MAIL_DIGEST_HOUR, everySeconds: env.MAIL_DIGEST_EVERY_SECONDS }),
    ]
  : [];
server.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  const host = env.HOST === "0.0.0.0" ? "localhost" : env.HOST;
  console.log(`Maillage listening on http://${host}:${port}`);
  if (development) broadcastDevReady(build);
});

if (development) {
  // `remix dev` rewrites build/version.txt after every rebuild.
  fs.watch(path.dirname(VERSION_PATH), async (_event, file) => {
    if (file !== "version.txt") return;
    build = await importBuild();
    broadcastDevReady(build);
  });
}

async function shutdown(signal: string) {
  console.log(`${signal} received, closing`);
  // Documents first: every accepted update is already stored; this writes snapshots and
  // projections so the next start loads fast.
  stopNoteTrashPurge();
  stopSaisineDueReminders();
  // Messages on the wire finish (or are given back to the outbox) before the process leaves.
  await Promise.all(stopMail.map((stop) => stop()));
  await collab.close();
  server.close(() => process.exit(0));
  // Keep-alive connections would hold close() open; give them a moment, then leave.
  setTimeout(() => process.exit(0), 3000).unref();
  server.closeIdleConnections();
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
