import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { WebSocketServer } from "ws";
import type { RightsReader } from "../../app/models/documents/document-access.server";
import { authorizeUpgrade, COLLAB_PATH } from "./authorize";
import type { Connections } from "./connections";
import type { CollabExtension } from "./extension";
import type { CollabOptions } from "./options";
import type { RoomRegistry } from "./room-registry";

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
 * Takes websocket upgrades at /collab/<document name> on the web server's own port, in order:
 * the session and the rights (authorize.ts: 400, 401, 403); attempts per signed-in session and
 * per user, or per address for attempts without a valid session (429); each extension's
 * onAuthenticate (403 if one throws); the clients per document (503); then the socket joins
 * its room. Signed-in people are counted as themselves, not by address: forty people behind
 * one town-hall address reconnect together after a restart without being refused.
 */
export function acceptUpgrades(
  httpServer: Server,
  parts: {
    reader: RightsReader;
    registry: RoomRegistry;
    connections: Connections;
    extensions: readonly CollabExtension[];
    options: CollabOptions;
    log: (line: string) => void;
  },
): { close: () => void } {
  const { reader, registry, connections, extensions, options, log } = parts;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
  const anonymous = new RateLimiterMemory({ points: options.refusalsPerMinute, duration: 60, keyPrefix: "address" });
  const perSession = new RateLimiterMemory({
    points: options.connectionsPerMinute,
    duration: 60,
    keyPrefix: "session",
  });
  // A person may have a few devices open (phone, computer, a colleague's tablet): three sessions' worth.
  const perUser = new RateLimiterMemory({ points: 3 * options.connectionsPerMinute, duration: 60, keyPrefix: "user" });

  /** Counts an attempt; false when its owner (session and user, or address) is over the limit. */
  async function admitted(session: { userId: string; sessionHash: string } | undefined, address: string) {
    try {
      if (!session) await anonymous.consume(address);
      else await Promise.all([perSession.consume(session.sessionHash), perUser.consume(session.userId)]);
      return true;
    } catch {
      return false;
    }
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    socket.on("error", destroySocket);
    if (!req.url?.startsWith(COLLAB_PATH)) return refuse(socket, 404);
    const auth = await authorizeUpgrade(req, reader);
    const session = auth.ok ? { userId: auth.userId, sessionHash: auth.sessionHash } : auth.session;
    if (!(await admitted(session, req.socket.remoteAddress ?? "unknown"))) {
      log(`refused ${req.url.slice(0, 80)} (429: too many attempts by ${session?.userId ?? "this address"})`);
      return refuse(socket, 429);
    }
    if (!auth.ok) {
      log(`refused ${req.url.slice(0, 80)} (${auth.status}: ${auth.reason})`);
      return refuse(socket, auth.status);
    }
    for (const extension of extensions) {
      try {
        await extension.onAuthenticate?.(req, auth);
      } catch (error) {
        log(`refused ${auth.doc.name} by ${extension.name} (${String(error)})`);
        return refuse(socket, 403);
      }
    }
    if (socket.destroyed) return;
    const room = await registry.open(auth.doc);
    if (room.size >= options.maxClientsPerDocument) return refuse(socket, 503);
    wss.handleUpgrade(req, socket, head, (ws) => connections.connect(ws, room, auth));
  }

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgrade(req, socket, head).catch((error: unknown) => {
      log(`upgrade failed (${String(error)})`);
      refuse(socket, 500);
    });
  };
  httpServer.on("upgrade", onUpgrade);
  return {
    close() {
      httpServer.off("upgrade", onUpgrade);
      wss.close();
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
