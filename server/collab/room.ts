import type { WebSocket } from "ws";
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import * as Y from "yjs";
import type { Editor } from "../../app/models/documents/document-kind";
import type { DocumentName } from "../../app/models/documents/registry.server";
import type { DocumentStore, StoredDocument } from "./document-store";
import type { CollabOptions } from "./options";
import { RoomLog } from "./room-log";
import { awarenessMessage, syncStep1, syncStep2, updateMessage } from "./messages";

/**
 * One socket in a room: who it is and what it may do. Kept small — a server holds one per
 * open socket.
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
  /** Presence messages it may still send now, and when that was counted (protocol.ts). */
  presenceBudget: number;
  presenceAt: number;
};

export type RoomEvents = {
  log: (line: string) => void;
  /** A client's updates were stored, relayed and applied. */
  changed: (room: Room, updates: Uint8Array[], editor: Editor) => void;
  /** The last client left. */
  emptied: (room: Room) => void;
};

// A client that cannot keep up (slow phone link) is closed rather than buffered without end.
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/**
 * A document in memory: its Y.Doc, awareness and sockets. Client updates go through the
 * room's log (room-log.ts): stored first, then relayed to the others, then applied to the
 * server's copy. A cold document (loaded, nobody wrote yet) is not built into a Y.Doc: readers
 * get the stored bytes as they are (see join).
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new Awareness(this.doc);
  readonly clients = new Map<WebSocket, Client>();
  private readonly log: RoomLog<Client>;
  /** What the store held when the room opened, until it is applied to `doc` (see join, ensureLoaded). */
  private stored: Omit<StoredDocument, "lastId"> | null = null;
  /** The state the stored bytes gave, for clients that were sent those bytes directly (see join). */
  loadedStateVector: Uint8Array | null = null;

  constructor(
    readonly name: DocumentName,
    private readonly store: DocumentStore,
    options: CollabOptions,
    private readonly events: RoomEvents,
  ) {
    this.log = new RoomLog(name.name, store, options, this, events.log);
    // The server's own awareness state is never set; only clients' states are relayed.
    this.awareness.setLocalState(null);
    this.awareness.on("update", (change: AwarenessChange, origin: unknown) => this.relayAwareness(change, origin));
  }

  /** Reads the snapshot and the updates after it; they are applied to `doc` on first need. */
  async load(): Promise<void> {
    const { lastId, ...stored } = await this.store.load(this.name.name);
    this.log.resume(lastId, stored.updates.length);
    this.stored = stored.snapshot || stored.updates.length > 0 ? stored : null;
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
          this.events.log(`${this.name.name}: stored update ${id} unreadable, skipped (${String(error)})`);
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
    return this.clients.size === 0 && this.log.settled;
  }

  /** The Y.Doc holds everything stored: built, or nothing was stored. */
  get loaded(): boolean {
    return this.stored === null;
  }

  join(client: Client): void {
    this.clients.set(client.socket, client);
    const merged = this.stored ? this.mergeStored(this.stored) : null;
    if (merged) {
      // Cold document: the stored bytes go as they are, as one sync step 2 (the client counts
      // itself synced on it), and our state vector is read from them. The Y.Doc is built only
      // when an update arrives: people who only read a long note cost the server neither the
      // time to build it nor the memory to hold it.
      client.sentStored = true;
      this.send(client, syncStep2(merged));
      this.loadedStateVector ??= Y.encodeStateVectorFromUpdate(merged);
      this.send(client, syncStep1(this.loadedStateVector));
    } else {
      this.ensureLoaded();
      this.send(client, syncStep1(Y.encodeStateVector(this.doc)));
    }
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) this.send(client, awarenessMessage(encodeAwarenessUpdate(this.awareness, states)));
  }

  /** The stored bytes as one update, merged once for every later reader; null if unreadable. */
  private mergeStored(stored: Omit<StoredDocument, "lastId">): Uint8Array | null {
    const parts = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates.map((u) => u.update)];
    try {
      stored.snapshot = parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
      stored.updates = [];
      return stored.snapshot;
    } catch {
      return null; // an unreadable stored update: the slow path skips it (ensureLoaded)
    }
  }

  leave(socket: WebSocket): Client | undefined {
    const client = this.clients.get(socket);
    if (!client) return undefined;
    this.clients.delete(socket);
    removeAwarenessStates(this.awareness, [...client.awarenessIds], client);
    if (this.clients.size === 0) this.events.emptied(this);
    return client;
  }

  /** A document update from a client, already validated: stored, then relayed and applied. */
  receive(update: Uint8Array, client: Client): void {
    this.log.push(update, client);
  }

  /** Called by the room's log once a batch is stored: relay it, then apply it. */
  relayAndApply(batch: { update: Uint8Array; client: Client }[]): void {
    // Relayed as received and stored (what others get is what is on disk) before the server's
    // own copy is updated: that copy serves later joiners and projections, not the people
    // already here, so applying it need not hold their keystrokes back.
    for (const { update, client } of batch) this.relay(update, client);
    this.ensureLoaded();
    for (const { update, client } of batch) {
      try {
        Y.applyUpdate(this.doc, update, client);
      } catch (error) {
        this.events.log(`${this.name.name}: stored update could not be applied (${String(error)})`);
      }
    }
    const updates = batch.map((entry) => entry.update);
    this.events.changed(this, updates, { userId: batch.at(-1)!.client.userId, at: new Date() });
    if (this.log.wantsCompaction) void this.compact();
  }

  /** Merges the update log into one snapshot of the built document. */
  compact(): Promise<void> {
    if (this.stored) return this.log.flushed(); // never built: the log is what it was
    return this.log.compact(Y.encodeStateAsUpdate(this.doc));
  }

  /** Waits for writes and compactions in flight. */
  flushed(): Promise<void> {
    return this.log.flushed();
  }

  /** Stops writing (pending updates are dropped): the document is being removed for good. */
  stopWriting(): Promise<void> {
    return this.log.stop();
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

  /** Closes every socket in the room with this code and reason. */
  closeAll(code: number, reason: string): void {
    for (const client of this.clients.values()) client.socket.close(code, reason);
  }

  private relay(update: Uint8Array, sender: Client): void {
    const message = updateMessage(update);
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
    void this.log.stop();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };
