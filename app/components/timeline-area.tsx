import { Component, lazy, Suspense, type ReactNode } from "react";
import { useT } from "~/i18n/use-translation";
import type { TimelineEditorProps } from "~/editor/timeline-editor.client";
import type { TimelineEvent } from "~/models/timeline/timeline-document";
import { useHydrated } from "./note-editor-area";
import { TimelineView } from "./timeline-view";

// The live timeline binds to a Y.Doc over a websocket: browser only (*.client.tsx).
const TimelineEditor = lazy(() =>
  import("~/editor/timeline-editor.client").then((m) => ({ default: m.TimelineEditor })),
);

/**
 * The timeline as the server knows it (the SQL projection: fast, works without JavaScript),
 * then, once the page is hydrated, the live document with its edit controls.
 */
export function TimelineArea({ stored, ...props }: TimelineEditorProps & { stored: TimelineEvent[] }) {
  const t = useT();
  const hydrated = useHydrated();
  const fallback = (
    <TimelineView events={stored} today={props.today} titles={props.titles} projectId={props.projectId} />
  );
  if (!hydrated) return fallback;
  return (
    <LiveErrorBoundary
      fallback={
        <>
          <p role="alert" className="form-error">
            {t("timeline.liveFailed")}
          </p>
          {fallback}
        </>
      }
    >
      <Suspense
        fallback={
          <>
            <p className="muted" role="status">
              {t("timeline.loading")}
            </p>
            {fallback}
          </>
        }
      >
        <TimelineEditor {...props} stored={stored} />
      </Suspense>
    </LiveErrorBoundary>
  );
}

/** A chunk that cannot load (offline on a first visit) leaves the stored timeline readable. */
class LiveErrorBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
