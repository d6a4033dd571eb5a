/**
 * Where document updates live. The collaboration server only talks to this interface, so that
 * another store (PostgreSQL, docs/ARCHITECTURE.md "Growth path") is one more implementation, not a
 * change of the protocol code. Every method is asynchronous for that reason, even where
 * SQLite answers at once. Nothing else writes the update log: rooms append and compact
 * through it, and the app removes documents through the server (documents-service.ts).
 */
export interface DocumentStore {
  /**
   * The latest snapshot, every update appended after it in order, and the id of the last
   * update ever appended (0 for a new document): the next one is numbered after it. One
   * consistent read: a compaction running meanwhile must not make updates disappear from it.
   */
  load(docName: string): Promise<StoredDocument>;
  /**
   * Appends updates durably, in one transaction, numbered `afterId + 1`, `afterId + 2`…
   * Rejects — having written nothing — on failure, including when one of those ids is taken.
   * Resolves only once the updates would survive the process being killed.
   */
  appendMany(docName: string, afterId: number, updates: Uint8Array[]): Promise<void>;
  /**
   * Replaces updates up to `uptoId` by `state`, in one transaction. A snapshot never goes
   * back: one older than the stored snapshot changes nothing.
   */
  compact(docName: string, state: Uint8Array, uptoId: number): Promise<void>;
  /** Deletes the document's snapshot and updates for good. */
  remove(docName: string): Promise<void>;
  close(): Promise<void>;
}

export type StoredUpdate = { id: number; update: Uint8Array };
export type StoredDocument = { snapshot: Uint8Array | null; updates: StoredUpdate[]; lastId: number };
