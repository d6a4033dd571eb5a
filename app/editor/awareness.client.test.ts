import type { AddressInfo } from "node:net";
import * as decoding from "lib0/decoding";
import { describe, expect, test } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { reannounceOnReconnect, sendOwnAwarenessOnly } from "./awareness.client";

const WebSocketPolyfill = WebSocket as unknown as typeof globalThis.WebSocket;

/** What another client knows of us, after the server announced that our last socket closed. */
function peerThatSawUsLeave(ours: Awareness): Awareness {
  const server = new Awareness(new Y.Doc());
  const peer = new Awareness(new Y.Doc());
  const relay = (to: Awareness, from: Awareness) =>
    applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [ours.clientID]), "relay");
  relay(server, ours);
  relay(peer, server);
  expect(peer.getStates().has(ours.clientID)).toBe(true);
  removeAwarenessStates(server, [ours.clientID], "socket closed"); // clock + 1
  relay(peer, server);
  expect(peer.getStates().has(ours.clientID)).toBe(false);
  return peer;
}

describe("reannounceOnReconnect", () => {
  test("the others see us again right after we reconnect", () => {
    const provider = new WebsocketProvider("ws://127.0.0.1:9", "note:test", new Y.Doc(), {
      connect: false,
      disableBc: true,
      WebSocketPolyfill,
    });
    const ours = provider.awareness;
    ours.setLocalStateField("user", { id: "u1", name: "Camille", color: "#1d4f91" });
    const peer = peerThatSawUsLeave(ours);

    // Without the fix: what y-websocket re-sends on open carries the old clock and is ignored.
    applyAwarenessUpdate(peer, encodeAwarenessUpdate(ours, [ours.clientID]), "reconnect");
    expect(peer.getStates().has(ours.clientID)).toBe(false);

    const stop = reannounceOnReconnect(provider);
    provider.emit("status", [{ status: "connected" }]);
    applyAwarenessUpdate(peer, encodeAwarenessUpdate(ours, [ours.clientID]), "reconnect");
    expect(peer.getStates().get(ours.clientID)?.user?.name).toBe("Camille");

    stop();
    provider.destroy();
  });
});

/** Client ids in every awareness message the server receives. */
async function awarenessServer() {
  const server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const ids: number[] = [];
  server.on("connection", (socket) =>
    socket.on("message", (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== 1) return;
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      const count = decoding.readVarUint(update);
      for (let i = 0; i < count; i++) {
        ids.push(decoding.readVarUint(update));
        decoding.readVarUint(update);
        decoding.readVarString(update);
      }
    }),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `ws://127.0.0.1:${port}`, ids, close: () => new Promise((resolve) => server.close(resolve)) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("sendOwnAwarenessOnly", () => {
  test.each([
    ["stock y-websocket echoes other people's states", false],
    ["with the filter only our own state is sent", true],
  ])("%s", async (_title, filtered) => {
    const server = await awarenessServer();
    const provider = new WebsocketProvider(server.url, "note:test", new Y.Doc(), {
      disableBc: true,
      WebSocketPolyfill,
    });
    const stop = filtered ? sendOwnAwarenessOnly(provider) : () => undefined;
    provider.awareness.setLocalStateField("user", { name: "Camille" });
    await new Promise<void>((resolve) => provider.on("status", ({ status }) => status === "connected" && resolve()));

    // Someone else's caret arrives from the server, then they leave.
    const other = new Awareness(new Y.Doc());
    other.setLocalStateField("user", { name: "Ali" });
    applyAwarenessUpdate(provider.awareness, encodeAwarenessUpdate(other, [other.clientID]), provider);
    removeAwarenessStates(provider.awareness, [other.clientID], provider);
    await sleep(100);

    expect(server.ids).toContain(provider.awareness.clientID);
    expect(server.ids.includes(other.clientID)).toBe(!filtered);
    stop();
    provider.destroy();
    await server.close();
  });
});
