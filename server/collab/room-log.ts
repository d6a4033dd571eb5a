import type { DocumentStore } from "./document-store";

type Pending<C> = { update: Uint8Array; client: C };

/**
 * A room's side of the update log: what its clients send is appended to the store, in
 * arrival order, *before* `onStored` relays and applies it, so any edit another client has
 * seen is on disk. Updates that arrive while a write is in flight wait and go together in the
 * next one (a commit costs more than the rows in it). When a write fails the batch stays first
 * in line and is retried with backoff; nothing is applied or relayed until it is stored.
 * Compactions run one after another, in the order they were asked.
 */
export class RoomLog<C> {
  private lastStoredId = 0;
  private sinceCompaction = 0;
  private readonly queue: Pending<C>[] = [];
  private writing: Promise<void> | null = null;
  private scheduled = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelay: number;
  private compaction: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly docName: string,
    private readonly store: DocumentStore,
    private readonly options: { retryWriteMs: number; compactEvery: number },
    /** Relays and applies a stored batch (the room itself: no closure per room). */
    private readonly owner: { relayAndApply: (batch: Pending<C>[]) => void },
    private readonly log: (line: string) => void,
  ) {
    this.retryDelay = options.retryWriteMs;
  }

  /** Where numbering resumes after a load: the last stored id, and how many updates follow the snapshot. */
  resume(lastId: number, updatesAfterSnapshot: number): void {
    this.lastStoredId = lastId;
    this.sinceCompaction = updatesAfterSnapshot;
  }

  /** Nothing waits to be written, and nothing is being written. */
  get settled(): boolean {
    return this.queue.length === 0 && this.writing === null && this.retryTimer === null;
  }

  /** Enough updates since the last snapshot that the next one is worth writing. */
  get wantsCompaction(): boolean {
    return this.sinceCompaction >= this.options.compactEvery;
  }

  push(update: Uint8Array, client: C): void {
    this.queue.push({ update, client });
    if (this.writing || this.retryTimer || this.scheduled) return; // the running write takes it next
    this.scheduled = true;
    // A microtask runs once ws has emitted every frame of the TCP chunk being read: a burst is
    // one transaction, a lone keystroke is written without waiting for the next loop turn.
    queueMicrotask(() => {
      this.scheduled = false;
      this.write();
    });
  }

  private write(): void {
    if (this.writing || this.stopped || this.queue.length === 0) return;
    this.writing = this.drain().finally(() => {
      this.writing = null;
      if (!this.retryTimer && this.queue.length > 0) this.write();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.stopped) {
      const batch = this.queue.splice(0);
      try {
        await this.store.appendMany(
          this.docName,
          this.lastStoredId,
          batch.map((entry) => entry.update),
        );
      } catch (error) {
        // Nothing was written (one transaction); keep the batch first in line and retry.
        if (this.stopped) return;
        this.queue.unshift(...batch);
        this.log(`${this.docName}: write failed, will retry (${String(error)})`);
        this.scheduleRetry();
        return;
      }
      this.retryDelay = this.options.retryWriteMs;
      this.lastStoredId += batch.length;
      this.sinceCompaction += batch.length;
      if (this.stopped) return; // removed meanwhile: nobody to relay to
      this.owner.relayAndApply(batch);
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.write();
    }, this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, 5000);
  }

  /**
   * Replaces the log up to the last stored update by `state`, which must be the document with
   * exactly those updates applied (taken now, synchronously, by the caller). A failure leaves
   * the log as it was.
   */
  compact(state: Uint8Array): Promise<void> {
    if (this.sinceCompaction === 0 || this.lastStoredId === 0) return this.compaction ?? Promise.resolve();
    const uptoId = this.lastStoredId;
    const counted = this.sinceCompaction;
    this.sinceCompaction = 0;
    this.compaction = (this.compaction ?? Promise.resolve()).then(async () => {
      try {
        await this.store.compact(this.docName, state, uptoId);
      } catch (error) {
        this.sinceCompaction += counted;
        this.log(`${this.docName}: compaction failed, log kept (${String(error)})`);
      }
    });
    return this.compaction;
  }

  /** Waits for the write and the compactions in flight. */
  async flushed(): Promise<void> {
    await this.writing;
    await this.compaction;
  }

  /** Drops what is not written yet and stops writing (the document is being removed). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.length = 0;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.flushed();
  }
}
