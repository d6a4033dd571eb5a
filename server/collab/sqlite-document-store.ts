import Database from "better-sqlite3";
import { BUSY_TIMEOUT_MS, retryWhileBusy } from "../../app/utils/database-busy";
import type { DocumentStore, StoredDocument } from "./document-store";
import { startWalCheckpointer, type WalCheckpointer } from "./wal-checkpointer";

/**
 * SQLite through better-sqlite3 directly, not Prisma: appending is the hot path (every
 * keystroke of every client) and a prepared statement is ~30× faster than a Prisma call
 * (notes/stack.md). WAL with synchronous=NORMAL: a committed append survives the process
 * being killed (kill -9); only an operating-system crash or power cut can lose the last ones.
 * better-sqlite3 is synchronous: each method does its work at once and returns a settled
 * promise, so each read and each transaction is consistent by construction.
 *
 * Another process holding the write lock (docs/decisions/013): SQLite's busy wait sleeps on the
 * event loop, so it is kept to `BUSY_TIMEOUT_MS`. An append then fails fast and the room's log
 * retries it with backoff, the updates queued and unrelayed meanwhile (room-log.ts); a failed
 * compaction keeps the log. Reads do not wait for a writer in WAL mode; `load` and `remove`
 * retry asynchronously should they meet the lock anyway.
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly appendInOneTransaction;
  private readonly checkpointer: WalCheckpointer;

  constructor(file: string) {
    // Start-up may wait for a lock as long as before: nothing is served yet (and another
    // process may be recovering a WAL left by a crash). Once serving, see the end.
    this.db = new Database(file, { timeout: STARTUP_TIMEOUT_MS });
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
         ON CONFLICT (docName) DO UPDATE SET state = excluded.state, lastUpdateId = excluded.lastUpdateId, updatedAt = excluded.updatedAt
         WHERE excluded.lastUpdateId >= "DocumentSnapshot".lastUpdateId`,
      ),
      deleteUpTo: this.db.prepare<[string, number]>('DELETE FROM "DocumentUpdate" WHERE docName = ? AND id <= ?'),
      deleteSnapshot: this.db.prepare<[string]>('DELETE FROM "DocumentSnapshot" WHERE docName = ?'),
      deleteUpdates: this.db.prepare<[string]>('DELETE FROM "DocumentUpdate" WHERE docName = ?'),
    };
    // Built once: wrapping a function in a transaction costs a few microseconds per call, and
    // this runs for every keystroke.
    this.appendInOneTransaction = this.db.transaction((docName: string, afterId: number, updates: Uint8Array[]) => {
      updates.forEach((update, i) => {
        this.statements.append.run(docName, afterId + i + 1, asBuffer(update));
      });
    });
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }

  /** Briefly retried: the upgrade waits meanwhile, then is refused (500) and the client reconnects. */
  load(docName: string): Promise<StoredDocument> {
    return retryWhileBusy(async () => this.read(docName), LOAD_RETRY);
  }

  private read(docName: string): StoredDocument {
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

  async appendMany(docName: string, afterId: number, updates: Uint8Array[]): Promise<void> {
    // One update (one person typing) is one statement, atomic on its own: no BEGIN and COMMIT
    // around it, about 15 µs less per keystroke after a pause (decision 010).
    if (updates.length === 1) {
      this.statements.append.run(docName, afterId + 1, asBuffer(updates[0]!));
      return;
    }
    this.appendInOneTransaction(docName, afterId, updates);
  }

  async compact(docName: string, state: Uint8Array, uptoId: number): Promise<void> {
    this.db.transaction(() => {
      this.statements.upsertSnapshot.run(docName, Buffer.from(state), uptoId, new Date().toISOString());
      this.statements.deleteUpTo.run(docName, uptoId);
    })();
  }

  /** Asked for by a person (a note deleted for good): worth waiting for as long as a page would. */
  remove(docName: string): Promise<void> {
    return retryWhileBusy(async () => {
      this.db.transaction(() => {
        this.statements.deleteSnapshot.run(docName);
        this.statements.deleteUpdates.run(docName);
      })();
    }, REMOVE_RETRY);
  }

  async close(): Promise<void> {
    await this.checkpointer.stop();
    this.db.close();
  }
}

const STARTUP_TIMEOUT_MS = 5000;
const LOAD_RETRY = { firstDelayMs: 10, maxDelayMs: 250, giveUpAfterMs: 2000 };
const REMOVE_RETRY = { firstDelayMs: 10, maxDelayMs: 500, giveUpAfterMs: 10_000 };

/** The same bytes seen as a Buffer, without copying them (better-sqlite3 binds Buffers as BLOBs). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
