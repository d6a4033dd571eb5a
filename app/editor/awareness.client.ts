import type { WebsocketProvider } from "y-websocket";

/**
 * Two fixes to how y-websocket 3.1.0 handles awareness (who is here, where their caret is),
 * applied to the provider instance without forking the package.
 */

/**
 * After a reconnection the others would not see us again for up to 30 s (y-websocket issue
 * #122, still open in 3.1.0): when our socket closed, the server told them we left with our
 * awareness clock + 1, and on reconnect the provider re-sends our state with the old clock,
 * which they ignore. A single bump would only tie that clock, and at a tie the removal wins
 * (y-protocols applyAwarenessUpdate), so the state is re-set twice: clock + 2 goes through.
 * Returns a function that stops listening.
 */
export function reannounceOnReconnect(provider: WebsocketProvider): () => void {
  const onStatus = ({ status }: { status: string }) => {
    if (status !== "connected") return;
    const state = provider.awareness.getLocalState();
    if (state === null) return;
    provider.awareness.setLocalState({ ...state });
    provider.awareness.setLocalState({ ...state });
  };
  provider.on("status", onStatus);
  return () => provider.off("status", onStatus);
}

type AwarenessChanges = { added: number[]; updated: number[]; removed: number[] };

/**
 * The provider sends every awareness change it sees, including the other people's states it
 * has just received from the server (and their removal when it drops or times them out): each
 * caret move comes back to the server once per open client, and our collaboration server
 * (server/collab/protocol.ts) closes a socket that speaks for someone else's id. Swapping the
 * provider's listener for one that keeps only our own id fixes both; the provider's handler
 * still encodes and sends. Returns a function that puts the original listener back.
 */
export function sendOwnAwarenessOnly(provider: WebsocketProvider): () => void {
  const { awareness } = provider;
  const original = provider._awarenessUpdateHandler;
  const ownOnly = (changes: AwarenessChanges, origin: unknown) => {
    const own = (ids: number[]) => ids.filter((id) => id === awareness.clientID);
    const mine = { added: own(changes.added), updated: own(changes.updated), removed: own(changes.removed) };
    if (mine.added.length + mine.updated.length + mine.removed.length > 0) original(mine, origin);
  };
  awareness.off("update", original);
  awareness.on("update", ownOnly);
  return () => {
    awareness.off("update", ownOnly);
    awareness.on("update", original);
  };
}
