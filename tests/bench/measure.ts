import type { LiveMemory } from "./inspector";
import type { RawData } from "ws";
import { openClient, openPusher, paragraphText, type BenchClient, type Target } from "./clients";
import { mapLimit, median, quantile, sleep, until, withTimeout } from "./stats";
import { plainText, type TypingHistory } from "./typing";

/**
 * The measurements, each against one server through `Target`. Every phase opens its own
 * documents and closes its clients when done, so phases do not see each other's state.
 */

export type Log = (line: string) => void;

async function openSynced(target: Target, key: string, count: number): Promise<BenchClient[]> {
  const clients = Array.from({ length: count }, () => openClient(target, key));
  try {
    await Promise.all(clients.map((c) => c.synced()));
  } catch (error) {
    for (const c of clients) c.destroy();
    throw error;
  }
  return clients;
}

/** Runs `body` with a writer and `clients - 1` readers on one document, closing them all afterwards. */
async function withDocument<T>(
  target: Target,
  key: string,
  clients: number,
  body: (writer: BenchClient, readers: BenchClient[]) => Promise<T>,
): Promise<T> {
  const [writer, ...readers] = await openSynced(target, key, clients);
  try {
    paragraphText(writer!.doc);
    await until(() => readers.every((r) => r.doc.getXmlFragment("default").length === 1), 10_000, "paragraph");
    return await body(writer!, readers);
  } finally {
    for (const c of [writer!, ...readers]) c.destroy();
  }
}

/** Writer and readers agree on the text once the readers' queued updates are applied. */
function converged(writer: BenchClient, readers: BenchClient[]): boolean {
  for (const reader of readers) reader.flush();
  const expected = plainText(writer.doc);
  return readers.every((r) => plainText(r.doc) === expected);
}

/** The sequence number the writer put in an update's text ("{123}"); the text is plain UTF-8 in the update. */
function sequenceOf(update: Uint8Array): number | null {
  const match = /\{(\d+)\}/.exec(Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString("latin1"));
  return match ? Number(match[1]) : null;
}

/** Median of a few RSS readings `everyMs` apart: a single reading can catch a GC in the middle. */
async function settledRss(target: Target, settleMs: number, samples = 3, everyMs = 700): Promise<number> {
  await sleep(settleMs);
  const readings: number[] = [];
  for (let i = 0; i < samples; i++) {
    if (i > 0) await sleep(everyMs);
    readings.push(target.server.rssBytes());
  }
  return median(readings);
}

export type MemoryResult = {
  /**
   * What each further document keeps alive: growth of heap + external memory after a full GC
   * between the first half of the documents and all of them, per document. Costs paid once
   * (compiled code, caches, pools) fall before the halfway mark and do not count.
   */
  liveBytesPerDocument: number;
  /** The same growth from no document to all of them: fixed costs included. */
  liveAverageBytesPerDocument: number;
  /** Growth of the resident set size per document: what the operating system sees, GC timing included. */
  rssBytesPerDocument: number;
  before: LiveMemory;
  after: LiveMemory;
  documents: number;
};

const live = (m: LiveMemory) => m.heapUsed + m.external;

/**
 * Memory growth of the server as `documents` documents open, two clients each, after sync and
 * one small edit per document (relayed to the other client): live memory after a full GC
 * (at none, half and all of the documents) and RSS.
 */
export async function memoryPerDocument(target: Target, documents: number, log: Log): Promise<MemoryResult> {
  // Load every code path once so that the baseline includes compiled code and module state.
  const warm = await openSynced(target, "memory-warmup", 2);
  paragraphText(warm[0]!.doc).insert(0, "échauffement");
  await until(() => plainText(warm[1]!.doc) === "échauffement", 10_000, "warm-up edit");
  for (const c of warm) c.destroy();
  const rssBefore = await settledRss(target, 1500);
  const before = await target.server.liveMemory();

  const clients: BenchClient[] = [];
  let opened = 0;
  const open = (from: number, to: number) =>
    mapLimit(
      Array.from({ length: to - from }, (_, i) => from + i),
      25,
      async (i) => {
        const pair = await openSynced(target, `memory-${i}`, 2);
        clients.push(...pair);
        const words = `Note ${i} : premières observations au marché.`;
        paragraphText(pair[0]!.doc).insert(0, words);
        await until(() => plainText(pair[1]!.doc) === words, 30_000, `edit of memory-${i}`);
        if (++opened % 500 === 0) log(`  ${target.server.kind}: ${opened}/${documents} documents open`);
      },
    );
  try {
    const half = Math.floor(documents / 2);
    await open(0, half);
    await sleep(2000);
    const middle = await target.server.liveMemory();
    await open(half, documents);
    const rssAfter = await settledRss(target, 2000);
    const after = await target.server.liveMemory();
    return {
      liveBytesPerDocument: (live(after) - live(middle)) / (documents - half),
      liveAverageBytesPerDocument: (live(after) - live(before)) / documents,
      rssBytesPerDocument: (rssAfter - rssBefore) / documents,
      before,
      after,
      documents,
    };
  } finally {
    for (const c of clients) c.destroy();
  }
}

export type LatencyResult = {
  samples: number[];
  lost: number;
  converged: boolean;
  /** Updates the readers sent: any would be stored and relayed by one server and not the other. */
  readerEdits: number;
};

/**
 * On each target, one writer types `updates` small insertions, `intervalMs` apart, into a
 * document that `clients - 1` readers also have open; each reader notes when each update
 * reaches it. Latency = arrival at a reader - the moment just before the writer's insert, same
 * clock. The targets take turns update by update (each still gets one every `intervalMs`), so
 * a hiccup of this machine or of this process lands on every server alike instead of on
 * whichever happened to be measured at that second.
 */
export async function fanOutLatency<K extends string>(
  targets: Record<K, Target>,
  key: string,
  clients: number,
  { updates = 200, warmup = 20, intervalMs = 10 } = {},
): Promise<Record<K, LatencyResult>> {
  const kinds = Object.keys(targets) as K[];
  const opened: { kind: K; writer: BenchClient; readers: BenchClient[] }[] = [];
  try {
    for (const kind of kinds) {
      const [writer, ...readers] = await openSynced(targets[kind], key, clients);
      opened.push({ kind, writer: writer!, readers });
      paragraphText(writer!.doc);
      await until(() => readers.every((r) => r.doc.getXmlFragment("default").length === 1), 10_000, "paragraph");
    }
    const total = warmup + updates;
    const runs = opened.map(({ kind, writer, readers }) => {
      const sentAt: number[] = [];
      const samples: number[] = [];
      const received = readers.map(() => 0);
      readers.forEach((reader, index) => {
        reader.tap = (update, at) => {
          const seq = sequenceOf(update);
          if (seq === null) return;
          received[index]!++;
          if (seq >= warmup) samples.push(at - sentAt[seq]!);
        };
      });
      return { kind, writer, readers, text: paragraphText(writer.doc), sentAt, samples, received };
    });
    const turn = intervalMs / runs.length;
    for (let seq = 0; seq < total; seq++) {
      for (const run of runs) {
        run.sentAt[seq] = performance.now();
        run.text.insert(run.text.length, `{${seq}} `);
        await sleep(turn);
      }
    }
    const results = {} as Record<K, LatencyResult>;
    for (const run of runs) {
      // A missing delivery is reported, not fatal.
      await until(() => run.received.every((n) => n >= total), 15_000, "every update at every reader").catch(() => {});
      results[run.kind] = {
        samples: run.samples,
        lost: run.received.reduce((sum, n) => sum + (total - n), 0),
        converged: converged(run.writer, run.readers),
        readerEdits: run.readers.reduce((sum, reader) => sum + reader.localEdits, 0),
      };
    }
    return results;
  } finally {
    for (const { writer, readers } of opened) for (const c of [writer, ...readers]) c.destroy();
  }
}

export type CpuResult = { microsPerDelivery: number; cpuMicros: number; deliveries: number; converged: boolean };

/**
 * Server CPU (user + system, from /proc) spent while one writer sends `updates` small updates
 * in batches of `batch` to `clients - 1` readers, waiting for each batch to reach every reader
 * before the next, plus `settleMs` afterwards so that deferred work (our projection write) is
 * counted too. Divided by the number of deliveries, updates × readers.
 */
export async function cpuPerDelivery(
  target: Target,
  key: string,
  { clients = 10, updates = 2000, batch = 20, settleMs = 1300 } = {},
): Promise<CpuResult> {
  return withDocument(target, key, clients, async (writer, readers) => {
    const text = paragraphText(writer.doc);
    const received = readers.map(() => 0);
    let goal = 0;
    let wake: (() => void) | null = null;
    readers.forEach((reader, index) => {
      reader.tap = () => {
        received[index]!++;
        if (wake && received[index] === goal && Math.min(...received) >= goal) wake();
      };
    });
    const sendBatch = async (count: number) => {
      goal += count;
      const delivered = new Promise<void>((resolve) => (wake = resolve));
      for (let i = 0; i < count; i++) text.insert(text.length, "mot ");
      await withTimeout(delivered, 30_000, "a batch to reach every reader");
      wake = null;
    };

    for (let i = 0; i < 10; i++) await sendBatch(batch); // warm-up, not counted
    await sleep(settleMs);
    const cpuBefore = target.server.cpuMicros();
    for (let sent = 0; sent < updates; sent += batch) await sendBatch(Math.min(batch, updates - sent));
    await sleep(settleMs);
    const cpuMicros = target.server.cpuMicros() - cpuBefore;
    const deliveries = updates * readers.length;
    return { microsPerDelivery: cpuMicros / deliveries, cpuMicros, deliveries, converged: converged(writer, readers) };
  });
}

/** Sends a recorded typing history over one authenticated socket, pausing every `chunk` updates until the server caught up. */
export async function pushHistory(target: Target, key: string, history: TypingHistory, log: Log): Promise<number> {
  const started = performance.now();
  const pusher = await openPusher(target, key);
  const chunk = 2000;
  try {
    for (let start = 0; start < history.updates.length; start += chunk) {
      for (const update of history.updates.slice(start, start + chunk)) pusher.send(update);
      await pusher.barrier();
      if ((start / chunk) % 25 === 24) log(`  ${target.server.kind}: ${start + chunk} updates pushed`);
    }
  } finally {
    await pusher.close();
  }
  return performance.now() - started;
}

export type LoadResult = { ms: number; stateArrivedMs: number; identical: boolean };

/**
 * A new provider connects to `key` and reaches `synced`. Also notes when the big sync-step-2
 * message arrived (before the client applied it), which separates server time from client time.
 */
export async function loadOnce(target: Target, key: string, expectedText: string): Promise<LoadResult> {
  let stateArrivedAt = NaN;
  const onRawMessage = (data: RawData, at: number) => {
    const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer).byteLength;
    if (size > 64 * 1024) stateArrivedAt = at;
  };
  const started = performance.now();
  const client = openClient(target, key, { onRawMessage });
  try {
    await client.synced();
    const ms = performance.now() - started;
    return { ms, stateArrivedMs: stateArrivedAt - started, identical: plainText(client.doc) === expectedText };
  } finally {
    client.destroy();
  }
}

export type PageTiming = {
  status: number;
  median: number;
  p90: number;
  bytes: number;
  /** Links to note pages in the HTML: how many cards the page showed. */
  cards: number;
  serverTiming: string | null;
  /** Median of the sum of the header's `dur=` values, NaN without the header. */
  serverTimingMedian: number;
};

/** Sum of the `dur=` figures of a Server-Timing header (ms). */
function serverTimingTotal(header: string): number {
  return [...header.matchAll(/dur=([\d.]+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
}

/**
 * Wall time of GET requests on loopback, body included (keep-alive, so after the warm-ups
 * this is the server's time plus a little of fetch's). Stops early on a non-200 answer.
 */
export async function timePage(
  url: string,
  cookie: string,
  path: string,
  { warmups = 5, runs = 30 } = {},
): Promise<PageTiming> {
  const times: number[] = [];
  const serverTimes: number[] = [];
  let last = { status: 0, body: "", serverTiming: null as string | null };
  for (let i = 0; i < warmups + runs; i++) {
    const started = performance.now();
    const response = await fetch(url + path, { headers: { cookie }, redirect: "manual" });
    const body = await response.text();
    const elapsed = performance.now() - started;
    last = { status: response.status, body, serverTiming: response.headers.get("server-timing") };
    if (response.status !== 200) break;
    if (i < warmups) continue;
    times.push(elapsed);
    if (last.serverTiming) serverTimes.push(serverTimingTotal(last.serverTiming));
  }
  const projectPath = path.split("?")[0]!;
  const cards = new Set(last.body.match(new RegExp(`${projectPath}/(?!new)[a-z0-9]{8,40}`, "g")) ?? []).size;
  return {
    status: last.status,
    median: median(times),
    p90: quantile(times, 0.9),
    bytes: Buffer.byteLength(last.body),
    cards,
    serverTiming: last.serverTiming,
    serverTimingMedian: median(serverTimes),
  };
}
