import type { RawData, WebSocket } from "ws";
import type { Authorized } from "./authorize";
import { runHook, type CollabExtension } from "./extension";
import { handleMessage, ProtocolError, type PresenceLimits } from "./protocol";
import type { Room } from "./room";

/**
 * Open sockets: joins them to their room and handles their messages, errors and close. The
 * handlers are created once and shared by every socket, reading `roomOf`, rather than three
 * closures (and their scope) per socket; one copy of a session's identity is kept however
 * many sockets it opens (tabs, documents).
 */
export class Connections {
  private readonly sessions = new Map<string, { userId: string; sessionHash: string; sockets: number }>();
  private readonly roomOf = new WeakMap<WebSocket, Room>();
  private readonly onMessage;
  private readonly onError;
  private readonly onClose;

  private readonly presenceLimits: PresenceLimits;

  constructor(limits: PresenceLimits, extensions: readonly CollabExtension[], log: (line: string) => void) {
    this.presenceLimits = { maxPresenceBytes: limits.maxPresenceBytes, presencePerSecond: limits.presencePerSecond };
    const roomOf = this.roomOf;
    const presenceLimits = this.presenceLimits;
    const sessions = this.sessions;
    this.onMessage = function (this: WebSocket, data: RawData, isBinary: boolean) {
      const room = roomOf.get(this);
      const client = room?.clients.get(this);
      if (!room || !client) return;
      if (!isBinary) {
        log(`${room.name.name}: text frame from ${client.userId}, closing`);
        this.close(1003, "binary messages only");
        return;
      }
      const bytes = toBytes(data);
      const kindLimit = room.name.kind.maxMessageBytes;
      if (kindLimit !== undefined && bytes.byteLength > kindLimit) {
        log(`${room.name.name}: message of ${bytes.byteLength} bytes from ${client.userId}, closing`);
        this.close(1009, "message too big");
        return;
      }
      try {
        handleMessage(room, client, bytes, presenceLimits);
      } catch (error) {
        // Only this socket pays for a bad message; everyone else carries on.
        log(`${room.name.name}: invalid message from ${client.userId}, closing (${String(error)})`);
        if (error instanceof ProtocolError && error.closeCode !== 1007) this.close(error.closeCode, error.message);
        else this.close(1007, "invalid message");
      }
    };
    this.onError = function (this: WebSocket, error: Error) {
      log(`${roomOf.get(this)?.name.name ?? "collab"}: socket error (${error.message})`);
    };
    this.onClose = function (this: WebSocket) {
      const room = roomOf.get(this);
      const client = room?.leave(this);
      if (!room || !client) return;
      const session = sessions.get(client.sessionHash);
      if (session && --session.sockets === 0) sessions.delete(session.sessionHash);
      void runHook(extensions, "onDisconnect", log, room, client);
    };
  }

  connect(socket: WebSocket, room: Room, auth: Authorized): void {
    let session = this.sessions.get(auth.sessionHash);
    if (!session) {
      session = { userId: auth.userId, sessionHash: auth.sessionHash, sockets: 0 };
      this.sessions.set(auth.sessionHash, session);
    }
    session.sockets++;
    this.roomOf.set(socket, room);
    socket.on("error", this.onError);
    socket.on("message", this.onMessage);
    socket.on("close", this.onClose);
    room.join({
      socket,
      userId: session.userId,
      readOnly: auth.readOnly,
      awarenessIds: new Set(),
      dropped: 0,
      sessionHash: session.sessionHash,
      sentStored: false,
      presenceBudget: 2 * this.presenceLimits.presencePerSecond,
      presenceAt: Date.now(),
    });
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
