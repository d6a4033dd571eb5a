import * as encoding from "lib0/encoding";
import type { WebSocket } from "ws";
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { DocumentName } from "../../app/models/documents/document-access.server";
import type { CollabOptions } from "./options";
import type { DocumentStore, StoredDocument } from "./persistence";
import type { Editor } from "./projections/index";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

/**
 * One socket in a room: who it is and what it may do. Kept small — a server holds one per
 * open socket; the project belongs to the room.
 */
export type Client = {
  socket: WebSocket;
  userId: string;
  readOnly: boolean;
  /** Awareness client ids this socket introduced; only it may change or remove them. */
  awarenessIds: Set<number>;
  /** Updates dropped because the client is read-only (for tests and logs). */
  dropped: number;
  /** SHA-256 of the session id, as stored, for the periodic re-check. */
  sessionHash: string;
  /** Was sent the stored bytes of a cold document; its first sync step 1 predates them. */
  sentStored: boolean;
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
 * seen is on disk. When a write fails the updates wait in `queue` (in order, not applied,
 * not broadcast) and the write is retried; the room stays loaded until it succeeds.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new Awareness(this.doc);
  readonly clients = new Map<WebSocket, Client>();
  private lastStoredId = 0;
  private storedSinceCompaction = 0;
  /** What the store held when the room opened, until it is applied to `doc` (see join, ensureLoaded). */
  private stored: Omit<StoredDocument, "lastId"> | null = null;
  /** The state the stored bytes gave, for clients that were sent those bytes directly (see join). */
  loadedStateVector: Uint8Array | null = null;
  /** Accepted updates not stored yet, in arrival order: written together at the end of the tick. */
  private readonly queue: { update: Uint8Array; client: Client }[] = [];
  private flushScheduled = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelay: number;

  constructor(
    readonly name: DocumentName,
    /** The document's project: a document never moves between projects. */
    readonly projectId: string,
    private readonly store: DocumentStore,
    private readonly options: CollabOptions,
    private readonly hooks: RoomHooks,
  ) {
    this.retryDelay = options.retryWriteMs;
    // The server's own awareness state is never set; only clients' states are relayed.
    this.awareness.setLocalState(null);
    this.awareness.on("update", (change: AwarenessChange, origin: unknown) => this.relayAwareness(change, origin));
  }

  /** Reads the snapshot and the updates after it; they are applied to `doc` on first need. */
  load(): void {
    const { lastId, ...stored } = this.store.load(this.name.name);
    this.stored = stored;
    this.lastStoredId = lastId;
    this.storedSinceCompaction = this.stored.updates.length;
    if (!this.stored.snapshot && this.stored.updates.length === 0) this.stored = null;
  }

  /** Builds the Y.Doc from what was stored. An unreadable stored update is skipped, not fatal. */
  ensureLoaded(): void {
    if (!this.stored) return;
    const { snapshot, updates } = this.stored;
    this.stored = null;
    Y.transact(this.doc, () => {
      if (snapshot) Y.applyUpdate(this.doc, snapshot, "store");
      for (const { id, update } of updates) {
        try {
          Y.applyUpdate(this.doc, update, "store");
        } catch (error) {
          this.hooks.log(`${this.name.name}: stored update ${id} unreadable, skipped (${String(error)})`);
        }
      }
    });
    this.loadedStateVector = Y.encodeStateVector(this.doc);
  }

  get size(): number {
    return this.clients.size;
  }

  /** Nothing would be lost by dropping this room from memory. */
  get idle(): boolean {
    return this.clients.size === 0 && this.queue.length === 0;
  }

  /** The Y.Doc holds everything stored: built, or nothing was stored. */
  get loaded(): boolean {
    return this.stored === null;
  }

  join(client: Client): void {
    this.clients.set(client.socket, client);
    if (this.stored && this.trySendStored(client, this.stored)) {
      // Cold document: the stored bytes go as they are, and our state vector is read from
      // them. The Y.Doc is built only when an update arrives: people who only read a long
      // note cost the server neither the time to build it nor the memory to hold it.
      client.sentStored = true;
      this.sendStoredStateVector(client, this.stored.snapshot!);
    } else {
      this.ensureLoaded();
      this.sendSyncStep1(client);
    }
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) this.send(client, awarenessMessage(encodeAwarenessUpdate(this.awareness, states)));
  }

  private sendStoredStateVector(client: Client, stored: Uint8Array): void {
    this.loadedStateVector ??= Y.encodeStateVectorFromUpdate(stored);
    const sync = encoding.createEncoder();
    encoding.writeVarUint(sync, MESSAGE_SYNC);
    encoding.writeVarUint(sync, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(sync, this.loadedStateVector);
    this.send(client, encoding.toUint8Array(sync));
  }

  /** Our state vector: the client answers with what we miss. */
  private sendSyncStep1(client: Client): void {
    const sync = encoding.createEncoder();
    encoding.writeVarUint(sync, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(sync, this.doc);
    this.send(client, encoding.toUint8Array(sync));
  }

  /**
   * The stored bytes as one sync step 2: the client counts itself synced on receiving it, so
   * it must hold everything. A compacted document is a single snapshot, sent as it is.
   */
  private trySendStored(client: Client, stored: Omit<StoredDocument, "lastId">) {
    const parts = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates.map((u) => u.update)];
    let merged: Uint8Array;
    try {
      merged = parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
    } catch {
      return false; // an unreadable stored update: the slow path skips it (ensureLoaded)
    }
    // Merged once: the next reader of this cold document gets the same bytes without the work.
    stored.snapshot = merged;
    stored.updates = [];
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, merged);
    this.send(client, encoding.toUint8Array(encoder));
    return true;
  }

  leave(socket: WebSocket): void {
    const client = this.clients.get(socket);
    if (!client) return;
    this.clients.delete(socket);
    removeAwarenessStates(this.awareness, [...client.awarenessIds], client);
    if (this.clients.size === 0) this.hooks.emptied(this);
  }

  /**
   * A document update from a client, already validated. Updates accepted during one tick are
   * stored in one transaction (a commit costs more than the rows in it), then applied and
   * broadcast in order — never broadcast before they are stored.
   */
  receive(update: Uint8Array, client: Client): void {
    this.queue.push({ update, client });
    if (this.retryTimer || this.flushScheduled) return; // a failed write is retried first: wait in line
    this.flushScheduled = true;
    // A microtask runs once ws has emitted every frame of the TCP chunk being read: a burst is
    // one transaction, a lone keystroke is written without waiting for the next loop turn.
    queueMicrotask(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.queue.length === 0) return;
    const batch = this.queue.splice(0);
    try {
      this.store.appendMany(
        this.name.name,
        this.lastStoredId,
        batch.map((entry) => entry.update),
      );
    } catch (error) {
      // Nothing was written (one transaction); keep the batch first in line and retry.
      this.queue.unshift(...batch);
      this.hooks.log(`${this.name.name}: write failed, will retry (${String(error)})`);
      this.scheduleRetry();
      return;
    }
    this.retryDelay = this.options.retryWriteMs;
    this.lastStoredId += batch.length;
    this.storedSinceCompaction += batch.length;
    // Relayed as received and stored (what others get is what is on disk) before the server's
    // own copy is updated: that copy serves later joiners and projections, not the people
    // already here, so applying it need not hold their keystrokes back.
    for (const { update, client } of batch) this.relay(update, client);
    this.ensureLoaded();
    for (const { update, client } of batch) {
      try {
        Y.applyUpdate(this.doc, update, client);
      } catch (error) {
        this.hooks.log(`${this.name.name}: stored update could not be applied (${String(error)})`);
      }
    }
    this.hooks.changed(this, { userId: batch.at(-1)!.client.userId, at: new Date() });
    if (this.storedSinceCompaction >= this.options.compactEvery) this.compact();
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.flush();
    }, this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, 5000);
  }

  /** Merges the update log into one snapshot. A failure leaves the log as it was. */
  compact(): void {
    if (this.stored || this.storedSinceCompaction === 0 || this.lastStoredId === 0) return;
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

  private relay(update: Uint8Array, sender: Client): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    // The sender already has its own update.
    for (const client of this.clients.values()) if (client !== sender) this.send(client, message);
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
