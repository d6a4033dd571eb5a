import type { Editor } from "../../app/models/documents/document-kind";
import type { CollabExtension } from "./extension";
import type { Room } from "./room";

type Pending = { timer: NodeJS.Timeout | null; editor: Editor; firstChangeAt: number; lastChangeAt: number };

/**
 * Keeps each document's SQL projection (its kind's `project`) in step with its changes, as an
 * extension. A projection is written once the document has been quiet for `delayMs`, or after
 * `maxWaitMs` of continuous typing: lists stay fresh within seconds, and a projection (a walk
 * of the document and a write) does not land in the middle of every second of someone's
 * typing, holding back everyone's keystrokes. A room leaving memory is projected first.
 */
export function projectionScheduler({
  delayMs,
  maxWaitMs,
  log,
}: {
  delayMs: number;
  maxWaitMs: number;
  log: (line: string) => void;
}): CollabExtension {
  const pending = new Map<Room, Pending>();

  async function flush(room: Room): Promise<void> {
    const state = pending.get(room);
    if (!state) return;
    if (state.timer) clearTimeout(state.timer);
    pending.delete(room);
    try {
      await room.name.kind.project(room.name.id, room.doc, state.editor);
    } catch (error) {
      log(`${room.name.name}: projection failed (${String(error)})`);
    }
  }

  function projectWhenQuiet(room: Room): void {
    const state = pending.get(room);
    if (!state) return;
    const now = Date.now();
    const quietFor = now - state.lastChangeAt;
    if (quietFor < delayMs && now - state.firstChangeAt < maxWaitMs) {
      state.timer = setTimeout(() => projectWhenQuiet(room), delayMs - quietFor);
      return;
    }
    void flush(room);
  }

  return {
    name: "projections",
    onChange(room, { editor }) {
      const now = Date.now();
      const state = pending.get(room);
      if (state) {
        // No timer reset per keystroke: the timer checks the quiet time when it fires.
        state.editor = editor;
        state.lastChangeAt = now;
        return;
      }
      const timer = setTimeout(() => projectWhenQuiet(room), delayMs);
      pending.set(room, { timer, editor, firstChangeAt: now, lastChangeAt: now });
    },
    onStoreDocument: flush,
    onRemoveDocument(room) {
      const state = pending.get(room);
      if (state?.timer) clearTimeout(state.timer);
      pending.delete(room);
    },
  };
}
