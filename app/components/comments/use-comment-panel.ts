import { useMemo, useState } from "react";
import type { CommentingOptions } from "~/editor/commenting.client";
import type { ThreadsData } from "~/models/comments/thread-view";

export type Passage = { quote: string; anchor: string };

/** What the threads panel and the editor share: the passage chosen with "Commenter", the one to show. */
export type CommentPanelState = {
  pending: Passage | null;
  setPending: (passage: Passage | null) => void;
  showPassage: (anchor: string) => void;
};

/**
 * Ties a page's editor to its threads panel: "Commenter" in the editor fills the panel's new
 * thread with the passage; "Voir le passage" in a thread shows it in the text. The page passes
 * `editor` to NoteEditorArea's `comments` and `panel` to CommentThreads.
 */
export function useCommentPanel(data: Pick<ThreadsData, "threads" | "canComment"> | null): {
  editor: CommentingOptions | undefined;
  panel: CommentPanelState;
} {
  const [pending, setPending] = useState<Passage | null>(null);
  const [show, setShow] = useState<{ anchor: string; nonce: number } | null>(null);
  const threads = data?.threads;
  const anchors = useMemo(
    () => (threads ?? []).filter((t) => t.anchor && !t.resolvedAt).map((t) => ({ id: t.id, anchor: t.anchor! })),
    [threads],
  );
  const editor = useMemo<CommentingOptions | undefined>(
    () =>
      data
        ? {
            canComment: data.canComment,
            anchors,
            onComment: (passage) => {
              setPending(passage);
              // The new thread's form takes the focus, where the comment is written.
              setTimeout(() => document.getElementById("new-thread-body")?.focus(), 0);
            },
            show,
          }
        : undefined,
    [data, anchors, show],
  );
  const panel = useMemo<CommentPanelState>(
    () => ({
      pending,
      setPending,
      showPassage: (anchor) => setShow((last) => ({ anchor, nonce: (last?.nonce ?? 0) + 1 })),
    }),
    [pending],
  );
  return { editor, panel };
}
