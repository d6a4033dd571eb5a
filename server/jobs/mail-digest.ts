import { runDigest } from "../../app/models/notifications/digest.server";

const log = (line: string) => console.log(`[mail] ${line}`);

/** The next time it is `hour`:00 (server time) after `from`. */
export function nextDigestAt(from: Date, hour: number): Date {
  const next = new Date(from);
  next.setHours(hour, 0, 0, 0);
  if (next <= from) next.setDate(next.getDate() + 1);
  return next;
}

/**
 * Writes the daily digests into the outbox (the mail worker sends them): every day at
 * `hour`:00, or every `everySeconds` when above 0 (tests, demos). A server down at that hour
 * sends the digest the next day, with everything pending since. Returns `stop()`, which waits
 * for a run in progress to end between two users.
 */
export function startMailDigest({ hour, everySeconds }: { hour: number; everySeconds: number }): () => Promise<void> {
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  const run = () => {
    running = runDigest({ shouldStop: () => stopping })
      .then((written) => {
        if (written) log(`daily digest: ${written} e-mail(s) written`);
      })
      .catch((error: unknown) => log(`daily digest failed, tried again next run (${String(error)})`))
      .finally(() => {
        running = null;
        schedule();
      });
  };
  const schedule = () => {
    if (stopping) return;
    const delay = everySeconds > 0 ? everySeconds * 1000 : nextDigestAt(new Date(), hour).getTime() - Date.now();
    timer = setTimeout(run, Math.min(delay, 2 ** 31 - 1));
    timer.unref();
  };
  schedule();
  return async () => {
    stopping = true;
    clearTimeout(timer);
    if (running) await running;
  };
}
