import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket, { type RawData } from "ws";
import { messageSync, WebsocketProvider } from "y-websocket";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { BenchServer } from "./servers";

/**
 * The bench's clients: real y-websocket 3.1 providers in this process, carrying the session
 * cookie and Origin a browser would send (tests/support/collab-client.ts does the same).
 */

/** One server as the clients see it: where to connect, with which headers, to which documents. */
export type Target = {
  server: BenchServer;
  headers: Record<string, string>;
  /** The server's name for a bench document: a seeded note for ours, the key itself for the stock server. */
  docName: (key: string) => string;
};

export function stockTarget(server: BenchServer): Target {
  return { server, headers: { origin: server.url }, docName: (key) => `bench-${key}` };
}

/** Each bench key gets its own seeded note; keys are never reused across phases. */
export function oursTarget(server: BenchServer, cookie: string, noteIds: string[]): Target {
  const assigned = new Map<string, string>();
  let next = 0;
  return {
    server,
    headers: { origin: server.url, cookie },
    docName(key) {
      let name = assigned.get(key);
      if (!name) {
        const id = noteIds[next++];
        if (!id) throw new Error(`not enough seeded notes for document "${key}"`);
        name = `note:${id}`;
        assigned.set(key, name);
      }
      return name;
    },
  };
}

/** POST /login as a browser would (form body, this site's Origin); returns the Cookie header to send. */
export async function login(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    headers: { origin: url },
    redirect: "manual",
  });
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith("maillage_session="));
  if (!cookie) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return cookie.split(";")[0]!;
}

type MessageListener = (data: RawData, at: number) => void;

/** A `ws` WebSocket class for y-websocket's WebSocketPolyfill option, with fixed headers. */
function socketClass(headers: Record<string, string>, onRawMessage?: MessageListener) {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
      // Registered before the provider's own handler, so it sees a message first.
      if (onRawMessage) this.on("message", (data: RawData) => onRawMessage(data, performance.now()));
    }
  };
}

export type BenchClient = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /**
   * While set, document updates from the server are only timestamped and queued: applying
   * them at once would make the 50th client in this process wait for the 49 before it, and
   * that queueing is the bench's, not the server's. `flush()` applies the queue afterwards.
   */
  tap: ((update: Uint8Array, at: number) => void) | null;
  flush: () => void;
  /** Changes this client made itself and so sent to the server: a reader must make none. */
  localEdits: number;
  synced: () => Promise<void>;
  destroy: () => void;
};

export function openClient(target: Target, key: string, { onRawMessage }: { onRawMessage?: MessageListener } = {}) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(target.server.wsBase, target.docName(key), doc, {
    WebSocketPolyfill: socketClass(target.headers, onRawMessage) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const pending: Uint8Array[] = [];
  const client: BenchClient = {
    doc,
    provider,
    tap: null,
    localEdits: 0,
    flush() {
      // The transaction's origin must be the provider: nested applyUpdate calls share the outer
      // transaction, and with no origin the provider would send the whole text back as a new edit.
      Y.transact(
        doc,
        () => {
          for (const update of pending.splice(0)) Y.applyUpdate(doc, update, provider);
        },
        provider,
      );
    },
    // The provider's own "sync" event, not polling: the cold-load phase times this moment.
    synced: () =>
      provider.synced
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no sync of ${key} on ${target.server.kind}`)), 60_000);
            const onSync = (state: boolean) => {
              if (!state) return;
              clearTimeout(timer);
              provider.off("sync", onSync);
              resolve();
            };
            provider.on("sync", onSync);
          }),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  // The provider sends every update whose origin is not itself; count them.
  doc.on("update", (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider) client.localEdits++;
  });
  const handleSync = provider.messageHandlers[messageSync]!;
  provider.messageHandlers[messageSync] = (encoder, decoder, provider_, emitSynced, messageType) => {
    if (client.tap) {
      const peek = decoding.clone(decoder);
      if (decoding.readVarUint(peek) === syncProtocol.messageYjsUpdate) {
        const update = decoding.readVarUint8Array(peek);
        client.tap(update, performance.now());
        pending.push(update);
        decoder.pos = peek.pos;
        return;
      }
    }
    handleSync(encoder, decoder, provider_, emitSynced, messageType);
  };
  return client;
}

/** The paragraph's text node of a Tiptap-shaped document ("default" fragment), created on first use. */
export function paragraphText(doc: Y.Doc): Y.XmlText {
  const fragment = doc.getXmlFragment("default");
  if (fragment.length === 0) {
    doc.transact(() => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText()]);
      fragment.insert(0, [paragraph]);
    });
  }
  return (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

/**
 * A bare authenticated socket that sends pre-recorded updates as y-websocket sync messages,
 * to push a long typing history without re-typing it in this process. It ignores what the
 * server sends back.
 */
export async function openPusher(target: Target, key: string) {
  const socket = new WebSocket(`${target.server.wsBase}/${target.docName(key)}`, { headers: target.headers });
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
    socket.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  return {
    send(update: Uint8Array) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageSync);
      syncProtocol.writeUpdate(encoder, update);
      socket.send(encoding.toUint8Array(encoder));
    },
    /**
     * Both servers handle a socket's messages one by one, synchronously, in order; the `ws`
     * library answers a ping as it reads it. So a pong means every earlier message was handled
     * (for ours: stored in SQLite and applied).
     */
    barrier: () =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no pong within 60 s")), 60_000);
        socket.once("pong", () => {
          clearTimeout(timer);
          resolve();
        });
        socket.ping();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once("close", () => resolve());
        socket.close();
        // A server that never answers the close handshake does not hold the bench.
        setTimeout(() => {
          socket.terminate();
          resolve();
        }, 5000).unref();
      }),
  };
}
