import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { reannounceOnReconnect, sendOwnAwarenessOnly } from "./awareness.client";
import { installJitteredReconnect } from "./reconnect.client";

/** One open note: its Y.Doc, the local copy (IndexedDB) and the live connection. */
export type CollabSession = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  persistence: IndexeddbPersistence;
  destroy: () => void;
};

/** Same origin as the page: the session cookie goes along by itself (never a token in the URL). */
export function collabServerUrl(location: Pick<Location, "protocol" | "host">): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/collab`;
}

/**
 * The local copy is keyed by the note and by the person: on a shared computer (a mairie, a
 * centre social) the next person to log in does not open someone else's cached notes.
 */
export function localStoreName(userId: string, docName: string): string {
  return `maillage:${userId}:${docName}`;
}

export type CollabRights = "write" | "read" | "denied" | "unknown";

/**
 * The same address over plain HTTP says whether the socket would be accepted, and whether
 * read-only (app/routes/collab.$name.tsx). "unknown": no answer (offline, a server error).
 */
export async function checkRights(docName: string): Promise<CollabRights> {
  try {
    const response = await fetch(`/collab/${encodeURIComponent(docName)}`, { cache: "no-store" });
    if (response.status === 204) return response.headers.get("X-Collab-Rights") === "read" ? "read" : "write";
    return response.status === 401 || response.status === 403 || response.status === 404 ? "denied" : "unknown";
  } catch {
    return "unknown";
  }
}

async function checkAccess(docName: string): Promise<"allowed" | "denied" | "unknown"> {
  const rights = await checkRights(docName);
  return rights === "write" || rights === "read" ? "allowed" : rights;
}

export function openCollabSession({ docName, userId }: { docName: string; userId: string }): CollabSession {
  const doc = new Y.Doc();
  // Loaded first and kept up to date with every change, so a note opened once stays readable
  // and editable offline; Yjs merges what was typed offline when the socket syncs again.
  const persistence = new IndexeddbPersistence(localStoreName(userId, docName), doc);
  // Without IndexedDB (storage blocked, private windows) the note still works online.
  persistence._db.catch(() => undefined);
  const provider = new WebsocketProvider(collabServerUrl(window.location), docName, doc, { connect: false });
  const stopFilteringAwareness = sendOwnAwarenessOnly(provider);
  const stopReannouncing = reannounceOnReconnect(provider);
  const stopReconnecting = installJitteredReconnect(provider, { checkAccess: () => checkAccess(docName) });
  return {
    doc,
    provider,
    persistence,
    destroy() {
      stopReconnecting();
      stopReannouncing();
      stopFilteringAwareness();
      // Tells the others we left (awareness null) and closes the socket.
      provider.destroy();
      void persistence.destroy().catch(() => undefined);
      doc.destroy();
    },
  };
}
