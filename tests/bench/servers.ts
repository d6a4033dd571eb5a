import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { migrateDatabase, removeDatabase } from "../support/migrate";
import { BIN, ROOT, TMP } from "../support/paths";
import { liveMemory, type LiveMemory } from "./inspector";
import { sleep } from "./stats";

/**
 * The two servers under test, each a child process on 127.0.0.1 and an ephemeral port, and
 * what the bench reads about them from /proc. Both run as `node --import tsx <file>`: the
 * `tsx` command would put a wrapper process in front of the server, and /proc figures must
 * be the server's own.
 */
export type ServerKind = "stock" | "ours";

export type BenchServer = {
  kind: ServerKind;
  /** http://127.0.0.1:<port> */
  url: string;
  /** What y-websocket providers take as `serverUrl` (the document name is appended to it). */
  wsBase: string;
  pid: number;
  /** User + system CPU time of the server process so far, in microseconds. */
  cpuMicros: () => number;
  /** Resident set size of the server process now, in bytes. */
  rssBytes: () => number;
  /** Live memory after a full garbage collection, read through the server's inspector. */
  liveMemory: () => Promise<LiveMemory>;
  /** The last lines the server printed (stdout and stderr), for error reports. */
  output: () => string;
  stop: () => Promise<void>;
};

const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
export const clockTicksPerSecond = CLOCK_TICKS;

/** utime + stime from /proc/<pid>/stat (fields 14 and 15, counted after the parenthesised name). */
export function cpuMicros(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1_000_000) / CLOCK_TICKS;
}

export function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) * 1024;
}

/** The soft limit on open files of this process (children inherit it). */
export function openFileLimit(): number {
  const limits = fs.readFileSync("/proc/self/limits", "utf8");
  const match = /^Max open files\s+(\d+|unlimited)/m.exec(limits);
  return !match || match[1] === "unlimited" ? Infinity : Number(match[1]);
}

/** The server imports build/index.js; build it once when it is missing (a few seconds). */
export function ensureBuild(log: (line: string) => void): void {
  if (fs.existsSync(path.join(ROOT, "build/index.js"))) return;
  log("build/index.js is missing: running `npx remix build`…");
  execFileSync(BIN("remix"), ["build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
}

/** A fresh migrated SQLite file, as the test suite's base database. */
export const createDatabase = migrateDatabase;
export { removeDatabase };

// Every child ever started, so that an exception or Ctrl-C anywhere still stops them all.
const children = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

/** Set BENCH_CPU_PROF=ours (or stock, or both) to write V8 CPU profiles of that server on exit, under PROFILE_DIR/<kind>. */
export const PROFILE_DIR = path.join(TMP, "bench-profiles");
function profileFlags(kind: ServerKind): string[] {
  const wanted = process.env.BENCH_CPU_PROF ?? "";
  if (wanted !== kind && wanted !== "both") return [];
  // Node's default file names: tsx's module-loader thread writes a profile of its own (the small one).
  return ["--cpu-prof", `--cpu-prof-dir=${path.join(PROFILE_DIR, kind)}`];
}

async function spawnServer(kind: ServerKind, script: string, env: NodeJS.ProcessEnv): Promise<BenchServer> {
  // BENCH_NODE_FLAGS: extra flags for the servers when investigating (e.g. --heapsnapshot-signal=SIGUSR2).
  const extraFlags = (process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean);
  // The inspector lets the bench collect garbage and read live memory in either server (inspector.ts).
  const inspect = "--inspect=127.0.0.1:0";
  const child = spawn(process.execPath, [inspect, ...profileFlags(kind), ...extraFlags, "--import", "tsx", script], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} server did not start:\n${output}`)), 60_000);
    const onData = () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off("data", onData);
      resolve(match[1]!);
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${kind} server exited with ${code}:\n${output}`));
    });
  });
  const inspectorUrl = /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1];
  if (!inspectorUrl) throw new Error(`${kind} server did not print its inspector URL:\n${output}`);
  const pid = child.pid!;
  return {
    kind,
    url,
    wsBase: url.replace(/^http/, "ws") + (kind === "ours" ? "/collab" : ""),
    pid,
    cpuMicros: () => cpuMicros(pid),
    rssBytes: () => rssBytes(pid),
    liveMemory: () => liveMemory(inspectorUrl),
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        // Ours flushes its documents on SIGTERM; do not wait for ever.
        await Promise.race([exited, sleep(10_000)]);
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      }
      children.delete(child);
    },
  };
}

/** The stock server, in memory only: no persistence, no webhook. */
export function startStock(): Promise<BenchServer> {
  const { YPERSISTENCE: _persistence, CALLBACK_URL: _callback, ...env } = process.env;
  return spawnServer("stock", "tests/bench/stock-server.ts", { ...env, NODE_ENV: "production" });
}

/**
 * Our server (server/index.ts, built app, production mode) over `databaseFile`. Only the
 * throttles that would refuse the bench's own connections are raised, plus a short unload
 * delay so that the cold-load phase really loads from SQLite; everything else keeps its default.
 */
export function startOurs(databaseFile: string, extraEnv: Record<string, string> = {}): Promise<BenchServer> {
  return spawnServer("ours", "server/index.ts", {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: "0",
    DATABASE_URL: `file:${databaseFile}`,
    DEMO_DATA: "false",
    COLLAB_CONNECTIONS_PER_MINUTE: "1000000",
    COLLAB_MAX_CLIENTS_PER_DOCUMENT: "10000",
    COLLAB_UNLOAD_AFTER_MS: String(OURS_UNLOAD_AFTER_MS),
    ...extraEnv,
  });
}

export const OURS_UNLOAD_AFTER_MS = 200;
/** COLLAB_PROJECTION_DELAY_MS keeps its default: the CPU phase waits this long so the projection write is counted. */
export const OURS_PROJECTION_DELAY_MS = 1_000;
