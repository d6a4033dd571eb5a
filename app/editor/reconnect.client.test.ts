import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { installJitteredReconnect } from "./reconnect.client";

/**
 * The backoff hooked into a real y-websocket 3.1.0 provider (Node, `ws` as its WebSocket),
 * against a server that closes every connection with a given code.
 */
type Harness = { attempts: number[]; provider: WebsocketProvider; dispose: () => void; close: () => Promise<void> };
const harnesses: Harness[] = [];

afterEach(async () => {
  for (const harness of harnesses.splice(0)) {
    harness.dispose();
    harness.provider.destroy();
    await harness.close();
  }
});

async function start(options: {
  closeCode: number;
  random: () => number;
  baseMs?: number;
  target?: EventTarget;
  isOnline?: () => boolean;
}): Promise<Harness> {
  const server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const started = Date.now();
  const attempts: number[] = [];
  server.on("connection", (socket) => {
    attempts.push(Date.now() - started);
    socket.close(options.closeCode, "test");
  });
  const { port } = server.address() as AddressInfo;
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}`, "note:test", new Y.Doc(), {
    connect: false,
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const dispose = installJitteredReconnect(provider, {
    baseMs: options.baseMs ?? 1000,
    random: options.random,
    target: options.target ?? new EventTarget(),
    isOnline: options.isOnline ?? (() => true),
  });
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  const harness = { attempts, provider, dispose, close };
  harnesses.push(harness);
  return harness;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("installJitteredReconnect on a real WebsocketProvider", () => {
  test("the stock 200 ms retry never fires; ours waits for the jittered delay", async () => {
    // A draw near 1 makes the first window (base 1000 ms) last ~999 ms; stock would retry at 200 ms.
    const { attempts } = await start({ closeCode: 1011, random: () => 0.999 });
    await sleep(700);
    expect(attempts).toHaveLength(1);
    await sleep(700);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(900);
  });

  test("a draw of 0 retries at once, long before the stock schedule would", async () => {
    const { attempts } = await start({ closeCode: 4429, random: () => 0, baseMs: 50 });
    await sleep(150);
    // Stock: 200 ms, then 400 ms... — at most one retry in 150 ms.
    expect(attempts.length).toBeGreaterThanOrEqual(3);
  });

  test("close code 4403 stops reconnecting and reports 'closed'", async () => {
    const harness = await start({ closeCode: 4403, random: () => 0, baseMs: 50 });
    const closed = new Promise<number>((resolve) => harness.provider.once("closed", (event) => resolve(event.code)));
    expect(await closed).toBe(4403);
    await sleep(400);
    expect(harness.attempts).toHaveLength(1);
    expect(harness.provider.shouldConnect).toBe(false);
  });

  test("close code 1009 (a change too big) stops reconnecting instead of sending it again and again", async () => {
    const harness = await start({ closeCode: 1009, random: () => 0, baseMs: 50 });
    const closed = new Promise<number>((resolve) => harness.provider.once("closed", (event) => resolve(event.code)));
    expect(await closed).toBe(1009);
    await sleep(400);
    expect(harness.attempts).toHaveLength(1);
  });

  test("close code 4410 (the note went to the trash) stops reconnecting and reports 'closed'", async () => {
    const harness = await start({ closeCode: 4410, random: () => 0, baseMs: 50 });
    const closed = new Promise<number>((resolve) => harness.provider.once("closed", (event) => resolve(event.code)));
    expect(await closed).toBe(4410);
    await sleep(400);
    expect(harness.attempts).toHaveLength(1);
    expect(harness.provider.shouldConnect).toBe(false);
  });

  test("waits for the network: offline closes and stops, online reconnects", async () => {
    const target = new EventTarget();
    let online = true;
    const harness = await start({ closeCode: 1011, random: () => 0.5, baseMs: 100, target, isOnline: () => online });
    await sleep(30);
    online = false;
    target.dispatchEvent(new Event("offline"));
    const before = harness.attempts.length;
    await sleep(400);
    expect(harness.attempts.length).toBe(before);
    online = true;
    target.dispatchEvent(new Event("online"));
    await sleep(200);
    expect(harness.attempts.length).toBeGreaterThan(before);
  });
});

describe("a refused upgrade (HTTP 404), which a browser cannot tell from a network failure", () => {
  async function refusingServer(checkAccess: () => Promise<"allowed" | "denied" | "unknown">) {
    let upgrades = 0;
    let checks = 0;
    const server = http.createServer();
    server.on("upgrade", (_request, socket) => {
      upgrades++;
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const provider = new WebsocketProvider(`ws://127.0.0.1:${port}`, "note:test", new Y.Doc(), {
      connect: false,
      disableBc: true,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    // ws reports the refusal as an error event, then closes with 1006, like a browser.
    provider.on("connection-error", () => undefined);
    const dispose = installJitteredReconnect(provider, {
      baseMs: 20,
      random: () => 0.5,
      target: new EventTarget(),
      isOnline: () => true,
      checkAccess: () => {
        checks++;
        return checkAccess();
      },
    });
    const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    harnesses.push({ attempts: [], provider, dispose, close });
    return { provider, upgrades: () => upgrades, checks: () => checks };
  }

  test("asked after the second failure: 'denied' stops reconnecting and reports 4403", async () => {
    const refused = await refusingServer(async () => "denied");
    const closed = new Promise<number>((resolve) => refused.provider.once("closed", (event) => resolve(event.code)));
    expect(await closed).toBe(4403);
    const upgrades = refused.upgrades();
    expect(upgrades).toBe(2);
    expect(refused.checks()).toBe(1);
    await sleep(300);
    expect(refused.upgrades()).toBe(upgrades);
  });

  test("'unknown' (no answer, a server error) keeps retrying with the backoff", async () => {
    const refused = await refusingServer(async () => "unknown");
    let closed = false;
    refused.provider.on("closed", () => (closed = true));
    await sleep(600);
    expect(refused.upgrades()).toBeGreaterThanOrEqual(3);
    expect(refused.checks()).toBeGreaterThanOrEqual(2);
    expect(closed).toBe(false);
  });
});
