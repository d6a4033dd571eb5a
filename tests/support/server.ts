import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { inject } from "vitest";
import { PrismaClient } from "~/generated/prisma/client";
import { ROOT, TMP } from "./paths";

export type TestServer = {
  url: string;
  databaseFile: string;
  /** A Prisma client on the server's own database file, for factories and assertions. */
  db: PrismaClient;
  /** What the server wrote to stderr so far. */
  stderr: () => string;
  stop: () => Promise<void>;
  /** Kills the process without letting it clean up (kill -9), keeping the database file. */
  crash: () => Promise<void>;
  /** Sends SIGTERM and resolves with the exit code, keeping the database file. */
  terminate: () => Promise<number | null>;
};

/**
 * Starts the real server (`server/index.ts`, production mode, built app) on an ephemeral
 * port over a private copy of the migrated base database.
 */
export async function startServer({
  env = {},
  databaseFile = path.join(TMP, `test-${crypto.randomUUID()}.db`),
}: { env?: Record<string, string>; databaseFile?: string } = {}): Promise<TestServer> {
  // A restart after crash() reuses the same file.
  if (!fs.existsSync(databaseFile)) fs.copyFileSync(inject("baseDatabase"), databaseFile);
  // Node itself with tsx's loader, not the `tsx` command: that one is a wrapper process, and
  // kill -9 on a wrapper would leave the real server running.
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${databaseFile}`,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await waitForListening(child, () => stderr);
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: databaseFile, timeout: 5000 }) });
  return {
    url,
    databaseFile,
    db,
    stderr: () => stderr,
    async stop() {
      await db.$disconnect();
      // A process killed by a signal (crash()) has no exit code, only a signal code.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(databaseFile + suffix, { force: true });
    },
    async terminate() {
      await db.$disconnect();
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      return exited;
    },
    async crash() {
      await db.$disconnect();
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    },
  };
}

function waitForListening(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    const timer = setTimeout(() => reject(new Error(`Server did not start:\n${stdout}\n${stderr()}`)), 30_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Server exited with ${code}:\n${stdout}\n${stderr()}`));
    });
  });
}
