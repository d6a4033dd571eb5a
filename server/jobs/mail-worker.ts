import nodemailer, { type Transporter } from "nodemailer";
import {
  claimDueMail,
  markMailFailed,
  markMailSent,
  releaseMail,
  type ClaimedMail,
} from "../../app/models/notifications/outbox.server";

/** Lines go to stdout, like the rest of the server's log. */
const log = (line: string) => console.log(`[mail] ${line}`);

export type MailWorkerOptions = {
  smtpUrl: string;
  from: string;
  /** How often the outbox is read when it was empty (MAIL_POLL_MS). */
  pollMs: number;
  /** Attempts before a message is given up (MAIL_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** Messages taken per read of the outbox. Default 20. */
  batch?: number;
  /** Messages on the wire at once (and pooled SMTP connections). Default 4. */
  concurrency?: number;
  /** How long a taken message is held before another worker may take it. Default 2 min. */
  leaseMs?: number;
  /** The first retry's wait (doubling up to an hour). Default 30 s; tests shorten it. */
  firstRetryMs?: number;
};

/**
 * Sends the outbox (app/models/notifications/outbox.server.ts) in the server process. It never
 * runs inside a request: a slow or unreachable SMTP server only makes the outbox wait. Each
 * message has a stable Message-ID (`<outbox-<id>@maillage>`), so a message sent again after a
 * crash between the SMTP "250" and the database's "sent" is recognisable as the same one.
 * Returns `stop()`: no more claims; messages on the wire finish (10 s at most), the others
 * taken are given back.
 */
export function startMailWorker(options: MailWorkerOptions): () => Promise<void> {
  const batch = options.batch ?? 20;
  const concurrency = options.concurrency ?? 4;
  const leaseMs = options.leaseMs ?? 120_000;
  const transport: Transporter = nodemailer.createTransport(options.smtpUrl, {
    pool: true,
    maxConnections: concurrency,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof nodemailer.createTransport>[1]);
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  const waiting = new Set<string>();
  let lastFailure = "";

  async function send(mail: ClaimedMail) {
    waiting.delete(mail.id);
    try {
      await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<outbox-${mail.id}@maillage>`,
        headers: mail.unsubscribeUrl ? { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : undefined,
        list: mail.unsubscribeUrl ? { unsubscribe: mail.unsubscribeUrl } : undefined,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // One line per outage, not one per message.
      if (message !== lastFailure) log(`sending failed, will retry (${message})`);
      lastFailure = message;
      await markMailFailed({
        mail,
        error: message,
        maxAttempts: options.maxAttempts,
        firstRetryMs: options.firstRetryMs,
      });
      return;
    }
    lastFailure = "";
    await recordSent(mail);
  }

  /**
   * The SMTP server said 250: the message is never rescheduled for a failure of ours. Recording
   * it is retried (a busy database) until it holds; only if it never does can the lease run out
   * and the message go again, under the same Message-ID.
   */
  async function recordSent(mail: ClaimedMail) {
    for (let attempt = 0; ; attempt++) {
      try {
        await markMailSent(mail);
        return;
      } catch (error) {
        if (attempt >= 6) {
          log(`sent, but could not record it (${String(error)})`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  }

  /** Sends until the outbox has nothing due, `concurrency` messages at a time. */
  async function drain() {
    while (!stopping) {
      // No more than can be on the wire at once: a row taken waits for no other send, so its
      // lease (minutes) cannot run out before it goes, whatever the SMTP server's pace.
      const claimed = await claimDueMail({ now: new Date(), limit: Math.min(batch, concurrency), leaseMs });
      if (!claimed.length) return;
      for (const mail of claimed) waiting.add(mail.id);
      const queue = [...claimed];
      const lanes = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
        for (let mail = queue.shift(); mail && !stopping; mail = queue.shift()) await send(mail);
      });
      // Every lane ends before the next claim, even when one failed to record its outcome.
      await Promise.allSettled(lanes);
      if (stopping) return;
    }
  }

  function schedule(delay: number) {
    if (stopping) return;
    timer = setTimeout(() => {
      running = drain()
        .catch((error: unknown) => log(`outbox read failed, will retry (${String(error)})`))
        .finally(() => {
          running = null;
          schedule(options.pollMs);
        });
    }, delay);
    timer.unref();
  }
  schedule(0);

  return async function stop() {
    stopping = true;
    clearTimeout(timer);
    const inFlight = running;
    if (inFlight) await Promise.race([inFlight, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    await releaseMail([...waiting]).catch(() => undefined);
    transport.close();
  };
}
