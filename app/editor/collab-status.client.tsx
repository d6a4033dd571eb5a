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

export type NoticeTexts = Record<Exclude<ConnectionNotice, null>, MessageKey>;

const EDITOR_NOTICES: NoticeTexts = {
  full: "editor.notice.full",
  tooBig: "editor.notice.tooBig",
  revoked: "editor.notice.revoked",
  rightsChanged: "editor.notice.rightsChanged",
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
}: {
  state: ConnectionState;
  notice: ConnectionNotice;
  people: Present[];
  announcement: string;
  presenceLabel?: string;
  notices?: NoticeTexts;
}) {
  const t = useT();
  return (
    <>
      <div className="note-editor__bar">
        <p role="status" className="connection-status" data-state={state}>
          {state === "pending" ? "" : t(STATUS_TEXT[state])}
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
    </>
  );
}
