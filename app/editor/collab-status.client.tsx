import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import type { Present } from "./presence";
import { PresenceList } from "./presence-list.client";
import type { ConnectionNotice, ConnectionState } from "./use-connection-status.client";

const STATUS_TEXT = {
  offline: "editor.status.offline",
  connected: "editor.status.connected",
  synced: "editor.status.synced",
} as const satisfies Record<Exclude<ConnectionState, "pending">, MessageKey>;

/** What each notice says; `deleted` only for the kinds that can be deleted while open. */
export type NoticeTexts = Record<Exclude<ConnectionNotice, null | "deleted">, MessageKey> & { deleted?: MessageKey };

const EDITOR_NOTICES: NoticeTexts = {
  full: "editor.notice.full",
  tooBig: "editor.notice.tooBig",
  revoked: "editor.notice.revoked",
  rightsChanged: "editor.notice.rightsChanged",
  deleted: "editor.notice.deleted",
};

/**
 * The bar every co-edited document shows above its content: the connection status
 * ("connecté", "hors ligne…", "synchronisé"), who else is here, and what the server said
 * when it closed the socket. Documents may word the notices their own way.
 */
export function CollabStatus({
  state,
  notice,
  people,
  announcement,
  presenceLabel,
  notices = EDITOR_NOTICES,
  listLink,
}: {
  state: ConnectionState;
  notice: ConnectionNotice;
  people: Present[];
  announcement: string;
  presenceLabel?: string;
  notices?: NoticeTexts;
  /** Where to go once the document is deleted (the list it was in), and what the link says. */
  listLink?: { to: string; label: MessageKey };
}) {
  const t = useT();
  return (
    <>
      <div className="note-editor__bar">
        <p role="status" className="connection-status" data-state={state}>
          {/* Once deleted, "hors ligne — gardé sur cet appareil" would promise what will never happen. */}
          {state === "pending" || notice === "deleted" ? "" : t(STATUS_TEXT[state])}
        </p>
        <PresenceList people={people} announcement={announcement} label={presenceLabel} />
      </div>
      <div aria-live="polite">
        {notice === "full" || notice === "tooBig" ? <p className="notice">{t(notices[notice])}</p> : null}
      </div>
      {notice === "revoked" || notice === "rightsChanged" ? (
        <p role="alert" className="form-error">
          {t(notices[notice])}
        </p>
      ) : null}
      {notice === "deleted" ? (
        <div role="alert" className="form-error">
          <p>{t(notices.deleted ?? "editor.notice.deleted")}</p>
          {listLink ? (
            <p>
              <Link to={listLink.to}>{t(listLink.label)}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
