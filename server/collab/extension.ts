import type { IncomingMessage } from "node:http";
import type { Editor } from "../../app/models/documents/document-kind";
import type { Authorized } from "./authorize";
import type { Client, Room } from "./room";

/**
 * A part of the collaboration server that reacts to what happens to documents, in the manner
 * of Hocuspocus extensions: the projection scheduler is one; a Redis fan-out between
 * processes or an audit log would be one more, without editing the core. Every hook is
 * optional; hooks run in the order the extensions were given to `attachCollaboration`.
 */
export type CollabExtension = {
  /** For log lines. */
  name: string;
  /**
   * At the websocket upgrade, after the session and the document rights were checked and
   * before a byte of the document is sent. Throwing refuses the socket with a 403.
   */
  onAuthenticate?: (request: IncomingMessage, auth: Authorized) => Promise<void> | void;
  /** A document was read from the store into a new room (not yet built into a Y.Doc when cold). */
  onLoadDocument?: (room: Room) => Promise<void> | void;
  /** Updates from one client were stored, relayed to the others and applied to the room's copy. */
  onChange?: (room: Room, change: { updates: Uint8Array[]; editor: Editor }) => void;
  /**
   * The room is about to leave memory (idle, or the server closes): keep what must outlive it.
   * Awaited before the room is compacted and destroyed.
   */
  onStoreDocument?: (room: Room) => Promise<void>;
  /** A socket left a room. */
  onDisconnect?: (room: Room, client: Client) => void;
  /** The document was removed for good (a note purged from the trash…): forget it. */
  onRemoveDocument?: (room: Room) => void;
  /** The server is closing. */
  onDestroy?: () => Promise<void> | void;
};

/** Calls one hook on every extension, in order; a failing extension is logged, never fatal to the others. */
type Hooks = Required<Omit<CollabExtension, "name">>;

export async function runHook<K extends keyof Hooks>(
  extensions: readonly CollabExtension[],
  hook: K,
  log: (line: string) => void,
  ...args: Parameters<Hooks[K]>
): Promise<void> {
  for (const extension of extensions) {
    const fn = extension[hook] as ((...a: unknown[]) => unknown) | undefined;
    if (!fn) continue;
    try {
      await fn(...args);
    } catch (error) {
      log(`${extension.name}: ${hook} failed (${String(error)})`);
    }
  }
}
