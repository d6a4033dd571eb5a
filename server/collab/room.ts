import * as encoding from "lib0/encoding";
import type { WebSocket } from "ws";
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { DocumentName } from "../../app/models/document-access.server";
import type { CollabOptions } from "./options";
import type { DocumentStore } from "./persistence";
import type { Editor } from "./projections";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

/** One socket in a room: who it is and what it may do. */
export type Client = {
  socket: WebSocket;
  userId: string;
  sessionId: string;
  projectId: string;
  readOnly: boolean;
  /** Awareness client ids this socket introduced; only it may change or remove them. */
  awarenessIds: Set<number>;
  /** Updates dropped because the client is read-only (for tests and logs). */
  dropped: number;
};

export type RoomHooks = {
  log: (line: string) => void;
  /** A client's update was stored and applied. */
  changed: (room: Room, editor: Editor) => void;
  /** The last client left. */
  emptied: (room: Room) => void;
};

// A client that cannot keep up (slow phone link) is closed rather than buffered without end.
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/**
 * A document in memory: its Y.Doc, awareness and sockets. Every update from a client is
 * appended to the store *before* it is applied and broadcast, so any edit another client has
 * seen is on disk. When a write fails the update waits in `pending` (in order, not applied,
 * not broadcast) and the write is retried; the room stays loaded until it succeeds.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new Awareness(this.doc);
  readonly clients = new Map<WebSocket, Client>();
  private lastStoredId = 0;
  private storedSinceCompaction = 0;
  private readonly pending: { update: Uint8Array; client: Client }[] = [];
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelay: number;

  constructor(
    readonly name: DocumentName,
    private readonly store: DocumentStore,
    private readonly options: CollabOptions,
    private readonly hooks: RoomHooks,
  ) {
    this.retryDelay = options.retryWriteMs;
    // The server's own awareness state is never set; only clients' states are relayed.
    this.awareness.setLocalState(null);
    this.doc.on("update", (update: Uint8Array, origin: unknown) => this.broadcastUpdate(update, origin));
    this.awareness.on("update", (change: AwarenessChange, origin: unknown) => this.relayAwareness(change, origin));
  }

  /** Loads the snapshot and the updates after it. An unreadable stored update is skipped, not fatal. */
  load(): void {
    const { snapshot, updates } = this.store.load(this.name.name);
    Y.transact(this.doc, () => {
      if (snapshot) Y.applyUpdate(this.doc, snapshot, "store");
      for (const { id, update } of updates) {
        try {
          Y.applyUpdate(this.doc, update, "store");
        } catch (error) {
          this.hooks.log(`${this.name.name}: stored update ${id} unreadable, skipped (${String(error)})`);
        }
        this.lastStoredId = id;
      }
    });
    this.storedSinceCompaction = updates.length;
  }

  get size(): number {
    return this.clients.size;
  }

  /** Nothing would be lost by dropping this room from memory. */
  get idle(): boolean {
    return this.clients.size === 0 && this.pending.length === 0;
  }

  join(client: Client): void {
    this.clients.set(client.socket, client);
    // Start the sync: our state vector (the client answers with what we miss), then presence.
    const sync = encoding.createEncoder();
    encoding.writeVarUint(sync, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(sync, this.doc);
    this.send(client, encoding.toUint8Array(sync));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) this.send(client, awarenessMessage(encodeAwarenessUpdate(this.awareness, states)));
  }

  leave(socket: WebSocket): void {
    const client = this.clients.get(socket);
    if (!client) return;
    this.clients.delete(socket);
    removeAwarenessStates(this.awareness, [...client.awarenessIds], client);
    if (this.clients.size === 0) this.hooks.emptied(this);
  }

  /** A document update from a client, already decoded and validated. */
  receive(update: Uint8Array, client: Client): void {
    if (this.pending.length > 0) {
      this.pending.push({ update, client });
      return;
    }
    if (!this.storeAndApply(update, client)) {
      this.pending.push({ update, client });
      this.scheduleRetry();
    }
  }

  private storeAndApply(update: Uint8Array, client: Client): boolean {
    try {
      this.lastStoredId = this.store.append(this.name.name, update);
    } catch (error) {
      this.hooks.log(`${this.name.name}: write failed, will retry (${String(error)})`);
      return false;
    }
    this.storedSinceCompaction++;
    Y.applyUpdate(this.doc, update, client);
    this.hooks.changed(this, { userId: client.userId, at: new Date() });
    if (this.storedSinceCompaction >= this.options.compactEvery) this.compact();
    return true;
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      while (this.pending.length > 0) {
        const next = this.pending[0]!;
        if (!this.storeAndApply(next.update, next.client)) {
          this.retryDelay = Math.min(this.retryDelay * 2, 5000);
          this.scheduleRetry();
          return;
        }
        this.pending.shift();
      }
      this.retryDelay = this.options.retryWriteMs;
    }, this.retryDelay);
  }

  /** Merges the update log into one snapshot. A failure leaves the log as it was. */
  compact(): void {
    if (this.storedSinceCompaction === 0 || this.lastStoredId === 0) return;
    try {
      this.store.compact(this.name.name, Y.encodeStateAsUpdate(this.doc), this.lastStoredId);
      this.storedSinceCompaction = 0;
    } catch (error) {
      this.hooks.log(`${this.name.name}: compaction failed, log kept (${String(error)})`);
    }
  }

  send(client: Client, message: Uint8Array): void {
    const socket = client.socket;
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.close(1013, "too slow");
      return;
    }
    socket.send(message);
  }

  private broadcastUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === "store") return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    // The sender already has its own update.
    for (const client of this.clients.values()) if (client !== origin) this.send(client, message);
  }

  private relayAwareness({ added, updated, removed }: AwarenessChange, origin: unknown): void {
    const owner = origin as Client | null;
    if (owner && this.clients.get(owner.socket) === owner) {
      for (const id of added) owner.awarenessIds.add(id);
      for (const id of removed) owner.awarenessIds.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    const message = awarenessMessage(encodeAwarenessUpdate(this.awareness, changed));
    for (const client of this.clients.values()) this.send(client, message);
  }

  destroy(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
