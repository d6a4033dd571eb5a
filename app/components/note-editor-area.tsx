import { Component, lazy, Suspense, useSyncExternalStore, type ReactNode } from "react";
import type { CodingOptions } from "~/editor/coding.client";
import type { CommentingOptions } from "~/editor/commenting.client";
import { useT } from "~/i18n/use-translation";

// The editor binds to a Y.Doc over a websocket: it only ever runs in the browser (*.client.tsx).
const NoteEditor = lazy(() => import("~/editor/note-editor.client").then((m) => ({ default: m.NoteEditor })));

const noSubscription = () => () => {};

/** False on the server and during hydration, true afterwards, so both renders match. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

type EditorAreaProps = {
  docName: string;
  user: { id: string; name: string };
  readOnly: boolean;
  excerpt: string;
  /** The notes list, offered when the note is moved to the trash while open. */
  listHref: string;
  /** Follows the note's title as it is typed (app/models/notes/note-projection.ts). */
  onTitle?: (title: string) => void;
  /** A note just made with the new-note form: its title, written as the text's first heading. */
  seedTitle?: string;
  /** The codebook, the findings to cite in, and the passage or quote to show on opening. */
  coding?: CodingOptions;
  /** Comment threads: "Commenter" on a selection and the threads' passages (app/components/comments/). */
  comments?: CommentingOptions;
};

/**
 * The note body: the excerpt the server already knows while the editor loads (and, without
 * JavaScript, instead of it), then the live editor.
 */
export function NoteEditorArea({
  docName,
  user,
  readOnly,
  excerpt,
  listHref,
  onTitle,
  seedTitle,
  coding,
  comments,
}: EditorAreaProps) {
  const t = useT();
  const hydrated = useHydrated();
  const fallback = (
    <div className="note-editor-fallback">
      <p className="note-excerpt">{excerpt || t("notes.emptyBody")}</p>
      <p className="muted" role="status">
        {t("notes.editorLoading")}
      </p>
    </div>
  );
  if (!hydrated) return fallback;
  return (
    <EditorErrorBoundary message={t("notes.editorFailed")} excerpt={excerpt}>
      <Suspense fallback={fallback}>
        <NoteEditor
          docName={docName}
          user={user}
          readOnly={readOnly}
          listHref={listHref}
          onTitle={onTitle}
          seedTitle={seedTitle}
          coding={coding}
          comments={comments}
        />
      </Suspense>
    </EditorErrorBoundary>
  );
}

/**
 * A chunk that cannot load (offline on first visit, a deploy in between) must not take the
 * whole note page down with it: the metadata and the excerpt stay usable.
 */
class EditorErrorBoundary extends Component<
  { message: string; excerpt: string; children: ReactNode },
  { failed: boolean }
> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="note-editor-fallback">
        {this.props.excerpt ? <p className="note-excerpt">{this.props.excerpt}</p> : null}
        <p role="alert" className="form-error">
          {this.props.message}
        </p>
      </div>
    );
  }
}
