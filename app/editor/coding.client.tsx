import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useT } from "~/i18n/use-translation";
import { indexCodebook, type CodebookCode } from "~/models/codes/codebook";
import { CiteDialog, type CiteChoice } from "./cite-dialog.client";
import { CodePicker } from "./code-picker.client";
import type { CollabSession } from "./collab-session.client";
import {
  applyCodes,
  findPassage,
  quoteOfSelection,
  rangeOfAnchor,
  setCodebook,
  showFound,
} from "./coding-commands.client";
import { PassageCodes } from "./passage-codes.client";
import type { ToolbarAction } from "./toolbar.client";

/** What the note page gives the editor for coding and citing. */
export type CodingOptions = {
  projectId: string;
  noteId: string;
  /** The project's codebook (merged and retired codes included: old marks still name them). */
  codebook: CodebookCode[];
  /** May cite passages in findings (`findings.edit`). */
  canCite: boolean;
  /** The project's findings, most recent first, for the cite dialog. */
  findings: CiteChoice[];
  /** `?passage=<id>`: the coded passage to show on opening. */
  passage: string | null;
  /** `?evidence=<id>`: the cited quote's anchor (base64url) to show on opening. */
  evidenceAnchor: string | null;
};

/** Ctrl+Alt+K (⌘⌥K on a Mac): free in browsers and screen readers, and not AltGr+K on French layouts. */
export const CODE_SHORTCUT = "Control+Alt+K Meta+Alt+K";
const isCodeShortcut = (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && event.code === "KeyK";

/**
 * Coding and citing in the note editor: the toolbar's "Coder" and "Citer dans un constat",
 * their dialogs, the passage panel and the note's codes, the passage or quote shown on opening,
 * and one polite live region for what happened.
 */
export function useCoding({
  editor,
  session,
  editable,
  userId,
  options,
}: {
  editor: Editor;
  session: CollabSession;
  editable: boolean;
  userId: string;
  options: CodingOptions;
}): { actions: ToolbarAction[]; onKeyDown: (event: KeyboardEvent) => void; view: ReactNode } {
  const t = useT();
  const [open, setOpen] = useState<
    { kind: "code"; passage: string } | { kind: "cite"; quote: { quote: string; anchor: string } } | null
  >(null);
  const [message, setMessage] = useState("");
  const announce = useCallback((text: string) => {
    // Emptied first, so that the same words said twice are announced twice.
    setMessage("");
    setTimeout(() => setMessage(text), 50);
  }, []);
  const hasSelection = useEditorState({ editor, selector: ({ editor: e }) => (e ? !e.state.selection.empty : false) });

  useEffect(() => setCodebook(editor, indexCodebook(options.codebook)), [editor, options.codebook]);
  useFoundOnOpening(editor, session, options, announce);

  const openPicker = () => {
    if (editor.state.selection.empty) return announce(t("editor.code.needSelection"));
    const { from, to } = editor.state.selection;
    setOpen({ kind: "code", passage: editor.state.doc.textBetween(from, to, " ") });
  };
  const openCite = () => {
    const quote = quoteOfSelection(editor);
    if (!quote) return announce(t("editor.code.needSelection"));
    setOpen({ kind: "cite", quote });
  };
  const close = () => {
    setOpen(null);
    editor.commands.focus();
  };
  const actions: ToolbarAction[] = [];
  // Coding is for notes: a finding's statement (no note id) gets no "Coder".
  if (editable && options.noteId) {
    actions.push({
      id: "code",
      label: t("editor.code"),
      title: t("editor.code.title"),
      shortcut: CODE_SHORTCUT,
      disabled: !hasSelection,
      expanded: open?.kind === "code",
      onClick: openPicker,
    });
  }
  if (options.canCite) {
    actions.push({
      id: "cite",
      label: t("editor.cite"),
      disabled: !hasSelection,
      expanded: open?.kind === "cite",
      onClick: openCite,
    });
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (!editable || !isCodeShortcut(event)) return;
    event.preventDefault();
    openPicker();
  };

  const view = (
    <>
      <PassageCodes editor={editor} canEdit={editable} announce={announce} />
      <p className="visually-hidden" role="status">
        {message}
      </p>
      {open?.kind === "code" ? (
        <CodePicker
          codebook={options.codebook}
          passage={open.passage}
          onClose={close}
          onApply={(codeIds) => {
            applyCodes(editor, codeIds, userId);
            const labels = options.codebook.filter((c) => codeIds.includes(c.id)).map((c) => c.label);
            close();
            announce(t("editor.code.applied", { codes: labels.join(", ") }));
          }}
        />
      ) : null}
      {open?.kind === "cite" ? (
        <CiteDialog
          projectId={options.projectId}
          noteId={options.noteId}
          quote={open.quote}
          findings={options.findings}
          onClose={close}
        />
      ) : null}
    </>
  );
  // A document that is not a note (a finding's statement) has no coding: nothing to show.
  return { actions, onKeyDown, view: options.noteId ? view : null };
}

/** Once the text is there (local copy or server), shows the passage or quote the address names. */
function useFoundOnOpening(
  editor: Editor,
  session: CollabSession,
  options: CodingOptions,
  announce: (text: string) => void,
) {
  const t = useT();
  const done = useRef(false);
  const { passage, evidenceAnchor } = options;
  useEffect(() => {
    if (!passage && !evidenceAnchor) return;
    done.current = false;
    const attempt = (final: boolean) => {
      if (done.current || editor.isDestroyed) return;
      const range = passage ? findPassage(editor, passage) : rangeOfAnchor(editor, evidenceAnchor!);
      if (!range && !final) return;
      done.current = true;
      if (!range) return announce(t("editor.found.missing"));
      showFound(editor, { from: range.from, to: range.to });
      announce(
        t("editor.found.passage", { text: editor.state.doc.textBetween(range.from, range.to, " ").slice(0, 200) }),
      );
    };
    const onSynced = (synced: boolean) => synced && attempt(true);
    session.provider.on("sync", onSynced);
    // The local copy may already hold it; the server's answer decides when it does not.
    const early = setTimeout(() => attempt(session.provider.synced), 300);
    return () => {
      clearTimeout(early);
      session.provider.off("sync", onSynced);
    };
  }, [editor, session, passage, evidenceAnchor, announce, t]);
}
