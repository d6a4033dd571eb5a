import * as Y from "yjs";
import type { DocumentName } from "../../app/models/documents/registry.server";
import type { DocumentStore } from "./document-store";
import { runHook, type CollabExtension } from "./extension";
import type { CollabOptions } from "./options";
import { Room, type RoomEvents } from "./room";

/** Close code the editor understands: the document was deleted (moved to the trash); do not reconnect. */
export const CLOSE_DOCUMENT_DELETED = 4410;

/**
 * The documents in memory, one room each: opened on the first socket (one load however many
 * sockets arrive at once), unloaded `unloadAfterMs` after the last one leaves and nothing is
 * left to write (extensions store what they keep, then the log is compacted), removed for
 * good on request. A room being unloaded finishes before the same document is opened again.
 */
export class RoomRegistry {
  readonly rooms = new Map<string, Room>();
  private readonly opening = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly unloadTimers = new Map<Room, NodeJS.Timeout>();

  constructor(
    private readonly store: DocumentStore,
    private readonly options: CollabOptions,
    private readonly extensions: readonly CollabExtension[],
    private readonly log: (line: string) => void,
  ) {}

  /** The document's room, loaded from the store if it is not in memory. */
  async open(doc: DocumentName): Promise<Room> {
    const open = this.rooms.get(doc.name);
    if (open) return this.keep(open);
    let opening = this.opening.get(doc.name);
    if (!opening) {
      opening = this.load(doc).finally(() => this.opening.delete(doc.name));
      this.opening.set(doc.name, opening);
    }
    return this.keep(await opening);
  }

  /** One set of callbacks for every room (not three closures per room: a server holds thousands). */
  private readonly events: RoomEvents = {
    log: (line) => this.log(line),
    changed: (room, updates, editor) => {
      // Synchronous and per batch of updates: this is the hot path.
      for (const extension of this.extensions) extension.onChange?.(room, { updates, editor });
    },
    emptied: (room) => this.scheduleUnload(room),
  };

  private async load(doc: DocumentName): Promise<Room> {
    await this.unloading.get(doc.name);
    const room = new Room(doc, this.store, this.options, this.events);
    await room.load();
    this.rooms.set(doc.name, room);
    await runHook(this.extensions, "onLoadDocument", this.log, room);
    // Nobody may have joined by the time a slow load ends: the room must still leave memory.
    if (room.size === 0) this.scheduleUnload(room);
    return room;
  }

  /** Someone is about to join: the room stays. */
  private keep(room: Room): Room {
    clearTimeout(this.unloadTimers.get(room));
    this.unloadTimers.delete(room);
    return room;
  }

  private scheduleUnload(room: Room): void {
    clearTimeout(this.unloadTimers.get(room));
    this.unloadTimers.set(
      room,
      setTimeout(() => this.unload(room), this.options.unloadAfterMs),
    );
  }

  private unload(room: Room): void {
    this.unloadTimers.delete(room);
    if (this.rooms.get(room.name.name) !== room) return;
    if (!room.idle) {
      if (room.size === 0) this.scheduleUnload(room); // writes still pending: try again later
      return;
    }
    this.rooms.delete(room.name.name);
    const done = this.retire(room).finally(() => this.unloading.delete(room.name.name));
    this.unloading.set(room.name.name, done);
  }

  /** Extensions keep what they need, the log becomes one snapshot, the memory is freed. */
  private async retire(room: Room): Promise<void> {
    await runHook(this.extensions, "onStoreDocument", this.log, room);
    await room.compact();
    room.destroy();
  }

  /**
   * The document as stored, as one update: from its room when it is in memory (what the room
   * holds has been stored), else from the store, without opening a room. Null when nothing was
   * ever stored.
   */
  async read(name: string): Promise<Uint8Array | null> {
    const room = this.rooms.get(name);
    if (room) {
      room.ensureLoaded();
      return Y.encodeStateAsUpdate(room.doc);
    }
    await this.unloading.get(name);
    const { snapshot, updates } = await this.store.load(name);
    if (!snapshot && updates.length === 0) return null;
    const doc = new Y.Doc();
    try {
      Y.transact(doc, () => {
        if (snapshot) Y.applyUpdate(doc, snapshot);
        for (const { update } of updates) Y.applyUpdate(doc, update);
      });
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }

  /** Closes every open socket on the document, which stays stored (a note moved to the trash). */
  closeDocument(name: string, code = CLOSE_DOCUMENT_DELETED, reason = "document deleted"): void {
    this.rooms.get(name)?.closeAll(code, reason);
  }

  /** Closes the document's sockets, forgets it in memory and removes it from the store for good. */
  async remove(name: string): Promise<void> {
    const room = this.rooms.get(name) ?? (await this.opening.get(name)?.catch(() => undefined));
    if (room) {
      this.rooms.delete(name);
      this.keep(room);
      room.closeAll(CLOSE_DOCUMENT_DELETED, "document deleted");
      await room.stopWriting();
      for (const extension of this.extensions) extension.onRemoveDocument?.(room);
      room.destroy();
    }
    await this.unloading.get(name);
    await this.store.remove(name);
  }

  /** Server shutdown: every socket closed with 1001, every room stored and freed. */
  async close(): Promise<void> {
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    await Promise.all([...this.opening.values()].map((opening) => opening.catch(() => undefined)));
    for (const room of this.rooms.values()) {
      room.closeAll(1001, "server shutting down");
      await room.flushed();
      await this.retire(room);
    }
    this.rooms.clear();
    await Promise.all(this.unloading.values());
  }
}
