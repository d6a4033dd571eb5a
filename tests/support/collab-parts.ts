import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { inject } from "vitest";
import { TMP } from "./paths";

/**
 * For tests of the collaboration server's parts in this process: a private copy of the
 * migrated base database, named in DATABASE_URL *before* any app module opens Prisma (call
 * this first, then import app and server modules dynamically).
 */
export function useDatabaseCopy(): string {
  const file = path.join(TMP, `parts-${crypto.randomUUID()}.db`);
  fs.copyFileSync(inject("baseDatabase"), file);
  process.env.DATABASE_URL = `file:${file}`;
  return file;
}

export function removeDatabaseCopy(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}

/** A plain HTTP server on an ephemeral port of 127.0.0.1, answering 404 to everything but upgrades. */
export async function listen(): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${address.port}` };
}
