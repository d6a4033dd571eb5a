import Database from "better-sqlite3";
import { startWalCheckpointer, type WalCheckpointer } from "./wal-checkpointer";

/**
 * Where document updates live. One interface so that storage can move (PostgreSQL, Redis
 * fan-out across processes: ARCHITECTURE.md) without touching the protocol code.
 */
export interface DocumentStore {
  /**
   * The latest snapshot, every update appended after it in order, and the id of the last
   * update ever appended (0 for a new document): the next one is numbered after it.
   */
  load(docName: string): StoredDocument;
  /**
   * Appends updates durably, in one transaction, numbered `afterId + 1`, `afterId + 2`… Throws —
   * having written nothing — on failure, including when one of those ids is taken.
   */
  appendMany(docName: string, afterId: number, updates: Uint8Array[]): void;
  /** Replaces updates up to `uptoId` by `state`, in one transaction. */
  compact(docName: string, state: Uint8Array, uptoId: number): void;
  close(): void;
}

export type StoredUpdate = { id: number; update: Uint8Array };
export type StoredDocument = { snapshot: Uint8Array | null; updates: StoredUpdate[]; lastId: number };

/**
 * SQLite through better-sqlite3 directly, not Prisma: appending is the hot path (every
 * keystroke of every client) and a prepared statement is ~30× faster than a Prisma call
 * (notes/stack.md). WAL with synchronous=NORMAL: a committed append survives the process
 * being killed (kill -9); only an operating-system crash or power cut can lose the last ones.
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly appendInOneTransaction;
  private readonly checkpointer: WalCheckpointer;

  constructor(file: string) {
    this.db = new Database(file, { timeout: 5000 });
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    // Checkpoints (copying the WAL into the database) cost milliseconds: not in the commit of a
    // keystroke every 1,000 pages, but every second in a worker thread. The high threshold here
    // only bounds the log should that worker stop.
    this.db.pragma("wal_autocheckpoint = 10000");
    this.checkpointer = startWalCheckpointer(file);
    this.statements = {
      snapshot: this.db.prepare<[string], { state: Buffer; lastUpdateId: number }>(
        'SELECT state, lastUpdateId FROM "DocumentSnapshot" WHERE docName = ?',
      ),
      updatesAfter: this.db.prepare<[string, number], { id: number; update: Buffer }>(
        'SELECT id, "update" FROM "DocumentUpdate" WHERE docName = ? AND id > ? ORDER BY id',
      ),
      // Ids count per document and the table is WITHOUT ROWID, clustered on (docName, id): one
      // B-tree page written per append instead of three (rowid table, index, AUTOINCREMENT's
      // counter), which halves the cost of the commit that every keystroke waits for (decision 010).
      append: this.db.prepare<[string, number, Buffer]>(
        'INSERT INTO "DocumentUpdate" (docName, id, "update") VALUES (?, ?, ?)',
      ),
      upsertSnapshot: this.db.prepare<[string, Buffer, number, string]>(
        `INSERT INTO "DocumentSnapshot" (docName, state, lastUpdateId, updatedAt) VALUES (?, ?, ?, ?)
         ON CONFLICT (docName) DO UPDATE SET state = excluded.state, lastUpdateId = excluded.lastUpdateId, updatedAt = excluded.updatedAt`,
      ),
      deleteUpTo: this.db.prepare<[string, number]>('DELETE FROM "DocumentUpdate" WHERE docName = ? AND id <= ?'),
    };
    // Built once: wrapping a function in a transaction costs a few microseconds per call, and
    // this runs for every keystroke.
    this.appendInOneTransaction = this.db.transaction((docName: string, afterId: number, updates: Uint8Array[]) => {
      updates.forEach((update, i) => {
        this.statements.append.run(docName, afterId + i + 1, asBuffer(update));
      });
    });
  }

  load(docName: string): StoredDocument {
    const snapshot = this.statements.snapshot.get(docName);
    const updates = this.statements.updatesAfter
      .all(docName, snapshot?.lastUpdateId ?? 0)
      .map((row) => ({ id: row.id, update: new Uint8Array(row.update) }));
    return {
      snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
      updates,
      lastId: updates.at(-1)?.id ?? snapshot?.lastUpdateId ?? 0,
    };
  }

  appendMany(docName: string, afterId: number, updates: Uint8Array[]): void {
    // One update (one person typing) is one statement, atomic on its own: no BEGIN and COMMIT
    // around it, about 15 µs less per keystroke after a pause (decision 010).
    if (updates.length === 1) {
      this.statements.append.run(docName, afterId + 1, asBuffer(updates[0]!));
      return;
    }
    this.appendInOneTransaction(docName, afterId, updates);
  }

  compact(docName: string, state: Uint8Array, uptoId: number): void {
    this.db.transaction(() => {
      this.statements.upsertSnapshot.run(docName, Buffer.from(state), uptoId, new Date().toISOString());
      this.statements.deleteUpTo.run(docName, uptoId);
    })();
  }

  close(): void {
    void this.checkpointer.stop();
    this.db.close();
  }
}

/** The same bytes seen as a Buffer, without copying them (better-sqlite3 binds Buffers as BLOBs). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
