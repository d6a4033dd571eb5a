import { purgeAbandonedNotes } from "../../app/models/notes/note-abandoned.server";
import { purgeTrashedNotes } from "../../app/models/notes/note-trash.server";

/** How often the trash is emptied of notes whose days are over. Default one hour. */
export const NOTE_TRASH_PURGE_INTERVAL_MS = 60 * 60 * 1000;

/** Lines go to stdout, like the rest of the server's log. */
const log = (line: string) => console.log(`[jobs] ${line}`);

type Purge = typeof purgeTrashedNotes;

/** One purge, its outcome logged; a failure is logged and left to the next run. */
async function runPurge(name: string, purge: Purge, removeDocument: (name: string) => Promise<void>) {
  try {
    const { removed, failures } = await purge({ now: new Date(), removeDocument });
    if (removed) log(`${name}: ${removed} note(s) removed for good`);
    for (const { noteId, error } of failures) {
      log(`${name}: note:${noteId} not removed, tried again next run (${String(error)})`);
    }
  } catch (error) {
    log(`${name}: purge failed, tried again next run (${String(error)})`);
  }
}

/**
 * Removes notes trashed more than 30 days ago, and new notes left empty for an hour
 * (app/models/notes/note-abandoned.server.ts), with their documents, once at start and then
 * every hour. `removeDocument` is the collaboration server's (it removes a document's update log
 * and snapshot through the document store). The timer is unref'd: it never keeps the process
 * alive on its own. Returns a function that stops it.
 */
export function startNoteTrashPurge(removeDocument: (name: string) => Promise<void>): () => void {
  let running = false;
  const run = async () => {
    // A run still going (a very large trash) is not doubled by the next tick.
    if (running) return;
    running = true;
    try {
      await runPurge("note trash", purgeTrashedNotes, removeDocument);
      await runPurge("empty notes", purgeAbandonedNotes, removeDocument);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), NOTE_TRASH_PURGE_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
