import Database from "better-sqlite3";

/**
 * Where document updates live. One interface so that storage can move (PostgreSQL, Redis
 * fan-out across processes: ARCHITECTURE.md) without touching the protocol code.
 */
export interface DocumentStore {
  /** The latest snapshot and every update appended after it, in order. */
  load(docName: string): { snapshot: Uint8Array | null; updates: StoredUpdate[] };
  /** Appends updates durably, in one transaction, and returns their ids. Throws — having written nothing — on failure. */
  appendMany(docName: string, updates: Uint8Array[]): number[];
  /** Replaces updates up to `uptoId` by `state`, in one transaction. */
  compact(docName: string, state: Uint8Array, uptoId: number): void;
  close(): void;
}

export type StoredUpdate = { id: number; update: Uint8Array };

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
  private readonly checkpointTimer: NodeJS.Timeout;

  constructor(file: string) {
    this.db = new Database(file, { timeout: 5000 });
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    // Checkpoints (copying the WAL into the database) cost milliseconds: not on every 1,000
    // pages of keystrokes, but on a timer, without blocking writers.
    this.db.pragma("wal_autocheckpoint = 10000");
    this.checkpointTimer = setInterval(() => this.db.pragma("wal_checkpoint(PASSIVE)"), 5000);
    this.checkpointTimer.unref();
    this.statements = {
      snapshot: this.db.prepare<[string], { state: Buffer; lastUpdateId: number }>(
        'SELECT state, lastUpdateId FROM "DocumentSnapshot" WHERE docName = ?',
      ),
      updatesAfter: this.db.prepare<[string, number], { id: number; update: Buffer }>(
        'SELECT id, "update" FROM "DocumentUpdate" WHERE docName = ? AND id > ? ORDER BY id',
      ),
      append: this.db.prepare<[string, Buffer]>('INSERT INTO "DocumentUpdate" (docName, "update") VALUES (?, ?)'),
      upsertSnapshot: this.db.prepare<[string, Buffer, number, string]>(
        `INSERT INTO "DocumentSnapshot" (docName, state, lastUpdateId, updatedAt) VALUES (?, ?, ?, ?)
         ON CONFLICT (docName) DO UPDATE SET state = excluded.state, lastUpdateId = excluded.lastUpdateId, updatedAt = excluded.updatedAt`,
      ),
      deleteUpTo: this.db.prepare<[string, number]>('DELETE FROM "DocumentUpdate" WHERE docName = ? AND id <= ?'),
    };
    // Built once: wrapping a function in a transaction costs a few microseconds per call, and
    // this runs for every keystroke.
    this.appendInOneTransaction = this.db.transaction((docName: string, updates: Uint8Array[]) =>
      updates.map((update) => {
        const bytes = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
        return Number(this.statements.append.run(docName, bytes).lastInsertRowid);
      }),
    );
  }

  load(docName: string) {
    const snapshot = this.statements.snapshot.get(docName);
    const updates = this.statements.updatesAfter
      .all(docName, snapshot?.lastUpdateId ?? 0)
      .map((row) => ({ id: row.id, update: new Uint8Array(row.update) }));
    return { snapshot: snapshot ? new Uint8Array(snapshot.state) : null, updates };
  }

  appendMany(docName: string, updates: Uint8Array[]): number[] {
    return this.appendInOneTransaction(docName, updates);
  }

  compact(docName: string, state: Uint8Array, uptoId: number): void {
    this.db.transaction(() => {
      this.statements.upsertSnapshot.run(docName, Buffer.from(state), uptoId, new Date().toISOString());
      this.statements.deleteUpTo.run(docName, uptoId);
    })();
  }

  close(): void {
    clearInterval(this.checkpointTimer);
    this.db.close();
  }
}
