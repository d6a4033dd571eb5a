import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useEffect, useState, type ReactNode } from "react";
import { useT } from "~/i18n/use-translation";
import { quoteOfSelection, rangeOfAnchor, showFound } from "./coding-commands.client";
import { setCommentAnchors, type ShownAnchor } from "./comment-anchors-view.client";
import type { ToolbarAction } from "./toolbar.client";

/** What a page with comment threads gives the editor (app/components/comments/). */
export type CommentingOptions = {
  /** `content.comment`: read-only readers (council reviewers) included. */
  canComment: boolean;
  /** The open threads' passages, underlined in the text. */
  anchors: ShownAnchor[];
  /** "Commenter" on a selection: the passage and its anchor (base64url) go to the threads panel. */
  onComment: (passage: { quote: string; anchor: string }) => void;
  /** Show a thread's passage in the text: a new `nonce` each time it is asked. */
  show: { anchor: string; nonce: number } | null;
};

/**
 * "Commenter" in the toolbar (for anyone who may comment, even when the text is read-only: a
 * read-only editor still has a selection), the threads' passages underlined, and a thread's
 * passage brought into view on request.
 */
export function useCommenting(
  editor: Editor,
  options: CommentingOptions | undefined,
): { actions: ToolbarAction[]; view: ReactNode } {
  const t = useT();
  const [message, setMessage] = useState("");
  const hasSelection = useEditorState({ editor, selector: ({ editor: e }) => (e ? !e.state.selection.empty : false) });
  const anchors = options?.anchors;
  const show = options?.show;

  useEffect(() => {
    if (!editor.isDestroyed) editor.view.dispatch(setCommentAnchors(editor.state, anchors ?? []));
  }, [editor, anchors]);

  useEffect(() => {
    if (!show || editor.isDestroyed) return;
    const range = rangeOfAnchor(editor, show.anchor);
    if (range) showFound(editor, range);
  }, [editor, show]);

  if (!options?.canComment) return { actions: [], view: null };
  const announce = (text: string) => {
    setMessage("");
    setTimeout(() => setMessage(text), 50);
  };
  const actions: ToolbarAction[] = [
    {
      id: "comment",
      label: t("comments.commenter"),
      title: t("comments.commenterTitle"),
      disabled: !hasSelection,
      opensDialog: false,
      onClick: () => {
        const passage = quoteOfSelection(editor);
        if (!passage || !passage.quote.trim()) return announce(t("comments.needSelection"));
        options.onComment(passage);
        announce(t("comments.selected"));
      },
    },
  ];
  const view = (
    <p className="visually-hidden" role="status">
      {message}
    </p>
  );
  return { actions, view };
}
