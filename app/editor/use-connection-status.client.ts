import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import { checkRights } from "./collab-session.client";
import {
  CLOSE_ACCESS_REVOKED,
  CLOSE_DOCUMENT_DELETED,
  CLOSE_DOCUMENT_FULL,
  CLOSE_MESSAGE_TOO_BIG,
  CLOSE_RIGHTS_CHANGED,
} from "./reconnect-delay";

/**
 * - pending: the first attempt is under way (nothing shown yet, so a page load does not flash
 *   "hors ligne" for a few milliseconds);
 * - offline: no socket — edits go to this device (IndexedDB) only;
 * - connected: socket open, the server's state not received yet;
 * - synced: both sides have each other's changes, and new ones flow live.
 */
export type ConnectionState = "pending" | "offline" | "connected" | "synced";
/** Something the person should know beyond the state, from the server's close code. */
export type ConnectionNotice = "revoked" | "rightsChanged" | "full" | "tooBig" | "deleted" | null;

/** Notices that last until the page is reloaded; the others clear once synced again. */
const LASTING: ConnectionNotice[] = ["revoked", "rightsChanged", "tooBig", "deleted"];

/**
 * Close codes from server/collab/ worth a word. After 4409 the page's role (from its loader)
 * and this socket's rights may disagree — edits would be silently dropped — so editing waits
 * for a reload.
 */
const NOTICE_FOR_CLOSE: Partial<Record<number, Exclude<ConnectionNotice, null>>> = {
  [CLOSE_RIGHTS_CHANGED]: "rightsChanged",
  [CLOSE_DOCUMENT_FULL]: "full",
  [CLOSE_MESSAGE_TOO_BIG]: "tooBig",
};

/** A first connection that takes longer than this counts as offline. */
const PENDING_GRACE_MS = 3000;

/**
 * `readOnly`: what the page was rendered with. A role can change while the socket is closed
 * (offline, a restart): the server then accepts the new socket read-only and drops every
 * change — which the protocol does not tell the client. So on each connection a page that
 * can write asks whether it still may, and says so if not (as for 4409).
 */
export function useConnectionStatus(
  provider: WebsocketProvider,
  { readOnly }: { readOnly: boolean },
): { state: ConnectionState; notice: ConnectionNotice } {
  const [state, setState] = useState<ConnectionState>("pending");
  const [notice, setNotice] = useState<ConnectionNotice>(null);

  useEffect(() => {
    if (readOnly) return;
    let active = true;
    const onStatus = ({ status }: { status: string }) => {
      if (status !== "connected") return;
      void checkRights(provider.roomname).then((rights) => {
        if (active && rights === "read") setNotice("rightsChanged");
      });
    };
    provider.on("status", onStatus);
    return () => {
      active = false;
      provider.off("status", onStatus);
    };
  }, [provider, readOnly]);

  useEffect(() => {
    let failed = typeof navigator !== "undefined" && !navigator.onLine;
    const update = () => {
      if (provider.wsconnected) setState(provider.synced ? "synced" : "connected");
      else setState(failed ? "offline" : "pending");
    };
    const onSync = (synced: boolean) => {
      if (synced) setNotice((current) => (LASTING.includes(current) ? current : null));
      update();
    };
    const onConnectionClose = (event: CloseEvent | null) => {
      failed = true;
      const next = event ? NOTICE_FOR_CLOSE[event.code] : undefined;
      if (next) setNotice((current) => (LASTING.includes(current) ? current : next));
      update();
    };
    const onClosed = (event: { code: number }) => {
      if (event.code === CLOSE_ACCESS_REVOKED) setNotice("revoked");
      if (event.code === CLOSE_MESSAGE_TOO_BIG) setNotice("tooBig");
      if (event.code === CLOSE_DOCUMENT_DELETED) setNotice("deleted");
    };
    const grace = setTimeout(() => {
      failed = true;
      update();
    }, PENDING_GRACE_MS);
    provider.on("status", update);
    provider.on("sync", onSync);
    provider.on("connection-close", onConnectionClose);
    provider.on("closed", onClosed);
    update();
    return () => {
      clearTimeout(grace);
      provider.off("status", update);
      provider.off("sync", onSync);
      provider.off("connection-close", onConnectionClose);
      provider.off("closed", onClosed);
    };
  }, [provider]);

  return { state, notice };
}
