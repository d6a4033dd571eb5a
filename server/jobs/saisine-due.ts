import { sendDueReminders } from "../../app/models/council/saisine-due.server";

/** How often open saisines are checked for a due day within 7 days. Default one hour. */
export const SAISINE_DUE_INTERVAL_MS = 60 * 60 * 1000;

const log = (line: string) => console.log(`[jobs] ${line}`);

/**
 * Reminds council reviewers of saisines due within 7 days, once per saisine
 * (app/models/council/saisine-due.server.ts), at start and then every hour. The timer is
 * unref'd; returns a function that stops it.
 */
export function startSaisineDueReminders(intervalMs = SAISINE_DUE_INTERVAL_MS): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const sent = await sendDueReminders();
      if (sent) log(`saisines due: ${sent} reminder(s) sent`);
    } catch (error) {
      log(`saisines due: failed, tried again next run (${String(error)})`);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
