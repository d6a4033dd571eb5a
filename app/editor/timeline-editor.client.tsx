import { useEffect, useRef, useState } from "react";
import { useLocale, useT } from "~/i18n/use-translation";
import { TimelineEventForm, type EventFormContext } from "~/components/timeline-event-form";
import { TimelineView, type LinkTitles } from "~/components/timeline-view";
import {
  deleteEvent,
  eventsMap,
  mergeEdit,
  newEventId,
  readEvents,
  writeEvent,
  type TimelineEvent,
} from "~/models/timeline/timeline-document";
import type { CollabSession } from "./collab-session.client";
import { CollabStatus, type NoticeTexts } from "./collab-status.client";
import { useConnectionStatus } from "./use-connection-status.client";
import { useCollabSession } from "./use-collab-session.client";
import { joinsAndLeaves, usePresence } from "./use-presence.client";

export type TimelineEditorProps = {
  projectId: string;
  user: { id: string; name: string };
  /** Readers: the server drops their updates; no edit controls are shown. */
  readOnly: boolean;
  today: string;
  titles: LinkTitles;
  context: EventFormContext;
  /** Only events of this type are listed (the filter), or all. */
  typeFilter: string;
  /** The stored events (SQL projection), shown until the document has loaded. */
  stored?: TimelineEvent[];
};

/**
 * The project timeline bound to its Y.Doc ("timeline:<projectId>"), live and offline-capable
 * like a note (openCollabSession: y-websocket + IndexedDB). Browser only.
 */
export function TimelineEditor(props: TimelineEditorProps) {
  const session = useCollabSession(`timeline:${props.projectId}`, props.user);
  if (!session) return null;
  return <LiveTimeline {...props} session={session} />;
}
export default TimelineEditor;

/** The timeline's own words for what the server said ("cette chronologie", not "cette note"). */
const TIMELINE_NOTICES: NoticeTexts = {
  full: "timeline.notice.full",
  tooBig: "editor.notice.tooBig",
  revoked: "timeline.notice.revoked",
  rightsChanged: "editor.notice.rightsChanged",
};

function useEvents(session: CollabSession): TimelineEvent[] {
  const [events, setEvents] = useState<TimelineEvent[]>(() => readEvents(session.doc).events);
  useEffect(() => {
    const map = eventsMap(session.doc);
    const update = () => setEvents(readEvents(session.doc).events);
    map.observeDeep(update);
    update();
    return () => map.unobserveDeep(update);
  }, [session]);
  return events;
}

function withoutId({ id: _id, ...fields }: TimelineEvent) {
  return fields;
}

function LiveTimeline({
  session,
  readOnly,
  today,
  titles,
  context,
  typeFilter,
  projectId,
  stored,
}: TimelineEditorProps & { session: CollabSession }) {
  const t = useT();
  const locale = useLocale();
  const events = useEvents(session);
  const { state, notice } = useConnectionStatus(session.provider, { readOnly });
  // Until the document arrives (from the server or this device), the stored events stand in,
  // without edit controls: an empty document must not look like an empty timeline.
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (state === "synced" || events.length > 0) setLoaded(true);
  }, [state, events.length]);
  const editable = loaded && !readOnly && notice !== "revoked" && notice !== "rightsChanged";
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  // Where the keyboard focus goes back once the form closes (saved, cancelled) or an event is
  // deleted: the event's own "Modifier" button, else the add button; never the page's top.
  const addButton = useRef<HTMLButtonElement>(null);
  const [returnFocusTo, setReturnFocusTo] = useState<{ eventId: string | null } | null>(null);
  useEffect(() => {
    if (editing || !returnFocusTo) return;
    const { eventId } = returnFocusTo;
    // Event ids are [a-z0-9] only (isEventId), safe in a selector.
    const own = eventId
      ? document.querySelector<HTMLElement>(`[data-event-id="${eventId}"] .timeline__actions button`)
      : null;
    (own ?? addButton.current)?.focus();
    setReturnFocusTo(null);
  }, [editing, returnFocusTo]);
  const presence = usePresence(
    session.provider.awareness,
    state === "connected" || state === "synced",
    locale,
    joinsAndLeaves(t, "timeline.presence.joined", "timeline.presence.left"),
  );
  const editedEvent = editing?.id ? (events.find((e) => e.id === editing.id) ?? null) : null;
  const all = loaded ? events : (stored ?? []);
  const shown = typeFilter ? all.filter((e) => e.type === typeFilter) : all;

  return (
    <div className="timeline-live stack">
      <CollabStatus
        state={state}
        notice={notice}
        people={presence.people}
        announcement={presence.announcement}
        presenceLabel={t("timeline.presence")}
        notices={TIMELINE_NOTICES}
      />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {editable && !editing ? (
        <p>
          <button ref={addButton} type="button" className="button primary" onClick={() => setEditing({ id: null })}>
            {t("timeline.add")}
          </button>
        </p>
      ) : null}
      {editable && editing?.id && !editedEvent ? (
        // Deleted by someone else while this form was open: saving would bring it back.
        <div className="panel timeline-form-panel" role="alert">
          <p>{t("timeline.deletedMeanwhile")}</p>
          <p>
            <button type="button" className="button" onClick={() => setEditing(null)}>
              {t("timeline.form.cancel")}
            </button>
          </p>
        </div>
      ) : null}
      {editable && editing && (!editing.id || editedEvent) ? (
        <div className="panel timeline-form-panel">
          <TimelineEventForm
            key={editing.id ?? "new"}
            initial={editedEvent}
            context={context}
            onCancel={() => {
              setReturnFocusTo({ eventId: editing.id });
              setEditing(null);
            }}
            onSave={(fields, base) => {
              const current = editing.id
                ? (readEvents(session.doc).events.find((e) => e.id === editing.id) ?? null)
                : null;
              // Deleted meanwhile: the notice above replaces the form; nothing is written.
              if (editing.id && !current) return;
              const strip = (event: TimelineEvent | null) => (event ? withoutId(event) : null);
              const id = editing.id ?? newEventId();
              writeEvent(session.doc, id, mergeEdit(strip(current), strip(base), fields));
              setAnnouncement(t("timeline.saved", { title: fields.title }));
              setReturnFocusTo({ eventId: id });
              setEditing(null);
            }}
          />
        </div>
      ) : null}
      {shown.length === 0 && all.length > 0 ? <p>{t("timeline.emptyFiltered")}</p> : null}
      <TimelineView
        events={shown}
        today={today}
        titles={titles}
        projectId={projectId}
        actions={
          editable
            ? (event) => (
                <>
                  <button
                    type="button"
                    className="button small"
                    aria-label={t("timeline.editEvent", { title: event.title })}
                    onClick={() => setEditing({ id: event.id })}
                  >
                    {t("timeline.edit")}
                  </button>
                  <button
                    type="button"
                    className="button small danger"
                    aria-label={t("timeline.deleteEvent", { title: event.title })}
                    onClick={() => {
                      if (!window.confirm(t("timeline.deleteConfirm", { title: event.title }))) return;
                      deleteEvent(session.doc, event.id);
                      setAnnouncement(t("timeline.deleted", { title: event.title }));
                      setReturnFocusTo({ eventId: null });
                      if (editing?.id === event.id) setEditing(null);
                    }}
                  >
                    {t("timeline.delete")}
                  </button>
                </>
              )
            : undefined
        }
      />
    </div>
  );
}
