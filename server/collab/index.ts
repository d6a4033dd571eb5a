import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import type { AccessReader } from "./access-reader";
import type { Authorized } from "./auth";
import { authorizeUpgrade, COLLAB_PATH } from "./auth";
import type { CollabOptions } from "./options";
import type { DocumentStore } from "./persistence";
import { writeProjection, type Editor } from "./projections/index";
import { handleMessage } from "./protocol";
import { revalidateClients } from "./revalidation";
import { Room } from "./room";

export type CollabServer = {
  rooms: Map<string, Room>;
  /** Flushes every document (projection, snapshot), closes every socket with 1001. */
  close: () => Promise<void>;
};

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** Answers a refused upgrade with a plain HTTP status, then destroys the socket. */
function refuse(socket: Duplex, status: number): void {
  if (!socket.destroyed) {
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? "Error"}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
    );
  }
  socket.destroy();
}

/**
 * The y-websocket protocol at /collab/<document name>, on the web server's own port. One
 * concern per module: auth.ts decides who connects, room.ts keeps a document and its
 * sockets, protocol.ts reads messages, persistence.ts stores updates, projections.ts keeps
 * SQL rows in step, revalidation.ts closes sockets whose session or membership ended.
 */
export function attachCollaboration(
  httpServer: Server,
  {
    store,
    access,
    options,
    log = (line) => console.log(`[collab] ${line}`),
  }: { store: DocumentStore; access: AccessReader; options: CollabOptions; log?: (line: string) => void },
): CollabServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
  const rooms = new Map<string, Room>();
  const unloadTimers = new Map<Room, NodeJS.Timeout>();
  const projections = new Map<
    Room,
    { timer: NodeJS.Timeout | null; editor: Editor | null; firstChangeAt: number; lastChangeAt: number }
  >();
  const connectionLimiter = new RateLimiterMemory({ points: options.connectionsPerMinute, duration: 60 });

  const flushProjection = async (room: Room) => {
    const state = projections.get(room);
    if (!state) return;
    if (state.timer) clearTimeout(state.timer);
    projections.delete(room);
    try {
      await writeProjection(room.name, room.doc, state.editor);
    } catch (error) {
      log(`${room.name.name}: projection failed (${String(error)})`);
    }
  };

  // A projection is written once the document has been quiet for projectionDelayMs, or after
  // projectionMaxWaitMs of continuous typing: lists stay fresh within seconds, and a
  // projection (a walk of the document and a write) does not land in the middle of every
  // second of someone's typing, holding back everyone's keystrokes.
  const projectWhenQuiet = (room: Room) => {
    const state = projections.get(room);
    if (!state) return;
    const now = Date.now();
    const quietFor = now - state.lastChangeAt;
    if (quietFor < options.projectionDelayMs && now - state.firstChangeAt < options.projectionMaxWaitMs) {
      state.timer = setTimeout(() => projectWhenQuiet(room), options.projectionDelayMs - quietFor);
      return;
    }
    void flushProjection(room);
  };

  const hooks = {
    log,
    changed(room: Room, editor: Editor) {
      const now = Date.now();
      const state = projections.get(room);
      if (state) {
        // No timer reset per keystroke: the timer checks the quiet time when it fires.
        state.editor = editor;
        state.lastChangeAt = now;
        return;
      }
      const timer = setTimeout(() => projectWhenQuiet(room), options.projectionDelayMs);
      projections.set(room, { timer, editor, firstChangeAt: now, lastChangeAt: now });
    },
    emptied(room: Room) {
      clearTimeout(unloadTimers.get(room));
      unloadTimers.set(
        room,
        setTimeout(() => void unload(room), options.unloadAfterMs),
      );
    },
  };

  async function unload(room: Room) {
    unloadTimers.delete(room);
    if (!room.idle) {
      if (room.size === 0) hooks.emptied(room); // writes still pending: try again later
      return;
    }
    rooms.delete(room.name.name);
    await flushProjection(room);
    room.compact();
    room.destroy();
  }

  function roomFor(auth: Authorized): Room {
    let room = rooms.get(auth.doc.name);
    if (!room) {
      room = new Room(auth.doc, auth.projectId, store, options, hooks);
      room.load();
      rooms.set(auth.doc.name, room);
    }
    return room;
  }

  // One copy of a session's identity however many sockets it opens (tabs, documents): the
  // strings read at each upgrade would otherwise stay alive once per socket.
  const sessions = new Map<string, { userId: string; sessionHash: string; sockets: number }>();
  // Which room each open socket is in. The socket handlers below are created once and shared
  // by every socket, reading this map, rather than three closures (and their scope) per socket.
  const roomOf = new WeakMap<WebSocket, Room>();

  function onMessage(this: WebSocket, data: RawData, isBinary: boolean) {
    const room = roomOf.get(this);
    const client = room?.clients.get(this);
    if (!room || !client) return;
    if (!isBinary) {
      log(`${room.name.name}: text frame from ${client.userId}, closing`);
      this.close(1003, "binary messages only");
      return;
    }
    try {
      handleMessage(room, client, toBytes(data));
    } catch (error) {
      // Only this socket pays for a bad message; everyone else carries on.
      log(`${room.name.name}: invalid message from ${client.userId}, closing (${String(error)})`);
      this.close(1007, "invalid message");
    }
  }

  function onError(this: WebSocket, error: Error) {
    log(`${roomOf.get(this)?.name.name ?? "collab"}: socket error (${error.message})`);
  }

  function onClose(this: WebSocket) {
    const room = roomOf.get(this);
    const client = room?.clients.get(this);
    if (!room || !client) return;
    room.leave(this);
    const session = sessions.get(client.sessionHash);
    if (session && --session.sockets === 0) sessions.delete(session.sessionHash);
  }

  function connect(socket: WebSocket, room: Room, auth: Authorized) {
    clearTimeout(unloadTimers.get(room));
    unloadTimers.delete(room);
    let session = sessions.get(auth.sessionHash);
    if (!session) {
      session = { userId: auth.userId, sessionHash: auth.sessionHash, sockets: 0 };
      sessions.set(auth.sessionHash, session);
    }
    session.sockets++;
    roomOf.set(socket, room);
    socket.on("error", onError);
    socket.on("message", onMessage);
    socket.on("close", onClose);
    room.join({
      socket,
      userId: session.userId,
      readOnly: auth.readOnly,
      awarenessIds: new Set(),
      dropped: 0,
      sessionHash: session.sessionHash,
      sentStored: false,
    });
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    socket.on("error", destroySocket);
    if (!req.url?.startsWith(COLLAB_PATH)) return refuse(socket, 404);
    const address = req.socket.remoteAddress ?? "unknown";
    try {
      await connectionLimiter.consume(address);
    } catch {
      return refuse(socket, 429);
    }
    const auth = authorizeUpgrade(req, access);
    if (!auth.ok) {
      log(`refused ${req.url.slice(0, 80)} (${auth.status}: ${auth.reason})`);
      return refuse(socket, auth.status);
    }
    if (socket.destroyed) return;
    const room = roomFor(auth);
    if (room.size >= options.maxClientsPerDocument) return refuse(socket, 503);
    wss.handleUpgrade(req, socket, head, (ws) => connect(ws, room, auth));
  }

  httpServer.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgrade(req, socket, head).catch((error: unknown) => {
      log(`upgrade failed (${String(error)})`);
      refuse(socket, 500);
    });
  });

  const revalidation = setInterval(() => {
    try {
      revalidateClients(rooms, access, log);
    } catch (error) {
      log(`revalidation failed (${String(error)})`);
    }
  }, options.revalidateEveryMs);
  revalidation.unref();

  return {
    rooms,
    async close() {
      clearInterval(revalidation);
      for (const timer of unloadTimers.values()) clearTimeout(timer);
      for (const room of rooms.values()) {
        for (const client of room.clients.values()) client.socket.close(1001, "server shutting down");
        await flushProjection(room);
        room.compact();
        room.destroy();
      }
      rooms.clear();
      wss.close();
      store.close();
      access.close();
    },
  };
}

/**
 * A plain function rather than a closure: a closure would keep this upgrade's whole scope
 * (request, authorisation, room) alive for as long as the socket lives.
 */
function destroySocket(this: Duplex): void {
  this.destroy();
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
