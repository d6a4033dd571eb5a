import { Editor, EditorContent } from "@tiptap/react";
import { useEffect, useId, useRef, useState } from "react";
import type * as Y from "yjs";
import type { MessageKey, Translator } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-translation";
import { noteTitle } from "~/models/notes/note-projection";
import { openCollabSession, type CollabSession } from "./collab-session.client";
import { NOTE_FRAGMENT, noteExtensions } from "./editor-extensions.client";
import { LinkForm } from "./link-form.client";
import { CollabStatus, type NoticeTexts } from "./collab-status.client";
import { useCoding, type CodingOptions } from "./coding.client";
import { useCommenting, type CommentingOptions } from "./commenting.client";
import { seedTitleWhenLoaded } from "./title-seed.client";
import { Toolbar } from "./toolbar.client";
import { useConnectionStatus } from "./use-connection-status.client";
import { joinsAndLeaves, usePresence } from "./use-presence.client";
import { colourForUser } from "./user-colour";

export type NoteEditorProps = {
  /** The Y.Doc's name, `note:<id>`; also the websocket room and the local store's key. */
  docName: string;
  user: { id: string; name: string };
  /** Readers (council_reviewer, observer): the server drops their updates; the editor is not editable. */
  readOnly: boolean;
  /** The notes list, linked from the notice shown when the note is moved to the trash. */
  listHref: string;
  /** Called with the note's title (as lists compute it) each time someone changes it. */
  onTitle?: (title: string) => void;
  /** A note just made with the new-note form: its title, written as the first heading if the text is empty. */
  seedTitle?: string;
  /** Coding passages and citing them in findings (issue 14); without it, nothing to code with. */
  coding?: CodingOptions;
  /** Comment threads (issue 15): "Commenter" on a selection, the threads' passages underlined. */
  comments?: CommentingOptions;
};

const NO_CODING: CodingOptions = {
  projectId: "",
  noteId: "",
  codebook: [],
  canCite: false,
  findings: [],
  passage: null,
  evidenceAnchor: null,
};

/** The title is worked out again at most this often while people type, in milliseconds. */
const TITLE_INTERVAL_MS = 300;

/**
 * Follows the note's title in its Y.Doc, by the rule the lists use. Only after a change (the
 * local copy or the server's text arriving counts): before, the page's own title is right.
 */
function useTitleOf(doc: Y.Doc, onTitle: ((title: string) => void) | undefined) {
  const callback = useRef(onTitle);
  callback.current = onTitle;
  useEffect(() => {
    const fragment = doc.getXmlFragment(NOTE_FRAGMENT);
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last: string | null = null;
    const report = () => {
      timer = null;
      const title = noteTitle(doc);
      if (title !== last) callback.current?.((last = title));
    };
    // Trailing, so that the last keystroke of a burst is always reflected.
    const onChange = () => {
      timer ??= setTimeout(report, TITLE_INTERVAL_MS);
    };
    fragment.observeDeep(onChange);
    // Text that arrived before this listener (the local copy loads fast) counts as a change.
    if (fragment.length > 0) onChange();
    return () => {
      fragment.unobserveDeep(onChange);
      if (timer !== null) clearTimeout(timer);
    };
  }, [doc]);
}

/**
 * The co-edited body of a field note: Tiptap bound to the note's Y.Doc, synced over the
 * collaboration websocket and kept in IndexedDB for offline use. Browser only.
 */
export function NoteEditor(props: NoteEditorProps) {
  // Another note (or another person) is another Y.Doc, socket and local store: start afresh.
  return <NoteEditorSession key={`${props.user.id}\n${props.docName}`} {...props} />;
}
export default NoteEditor;

/**
 * The same editor holds a note's text or a finding's statement: what it says names the right
 * one ("cette note", "ce constat").
 */
type Wording = {
  region: MessageKey;
  readOnly: MessageKey;
  notices: NoticeTexts;
  listLink: MessageKey;
  presence: MessageKey;
  joined: MessageKey;
  left: MessageKey;
};

const NOTE_WORDING: Wording = {
  region: "editor.region",
  readOnly: "editor.readOnly",
  notices: {
    full: "editor.notice.full",
    tooBig: "editor.notice.tooBig",
    revoked: "editor.notice.revoked",
    rightsChanged: "editor.notice.rightsChanged",
    deleted: "editor.notice.deleted",
  },
  listLink: "editor.notice.deletedLink",
  presence: "editor.presence.label",
  joined: "editor.presence.joined",
  left: "editor.presence.left",
};

const FINDING_WORDING: Wording = {
  region: "editor.regionFinding",
  readOnly: "editor.finding.readOnly",
  notices: {
    full: "editor.finding.full",
    tooBig: "editor.notice.tooBig",
    revoked: "editor.finding.revoked",
    rightsChanged: "editor.notice.rightsChanged",
    deleted: "editor.finding.deleted",
  },
  listLink: "editor.finding.deletedLink",
  presence: "editor.finding.presence",
  joined: "editor.finding.joined",
  left: "editor.finding.left",
};

const AVIS_WORDING: Wording = {
  region: "council.editor.region",
  readOnly: "council.editor.readOnly",
  notices: {
    full: "council.editor.full",
    tooBig: "editor.notice.tooBig",
    revoked: "council.editor.revoked",
    rightsChanged: "editor.notice.rightsChanged",
    deleted: "council.editor.deleted",
  },
  listLink: "council.editor.deletedLink",
  presence: "council.editor.presence",
  joined: "council.editor.joined",
  left: "council.editor.left",
};

const wordingOf = (docName: string): Wording =>
  docName.startsWith("finding:") ? FINDING_WORDING : docName.startsWith("avis:") ? AVIS_WORDING : NOTE_WORDING;

function textLabel(t: Translator, docName: string): string {
  return t(wordingOf(docName).region);
}

function textAttributes(label: string, editable: boolean, describedBy: string | undefined): Record<string, string> {
  return {
    role: "textbox",
    "aria-multiline": "true",
    "aria-label": label,
    "aria-readonly": String(!editable),
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    class: "note-editor__text",
  };
}

function NoteEditorSession({
  docName,
  user,
  readOnly,
  listHref,
  onTitle,
  seedTitle,
  coding,
  comments,
}: NoteEditorProps) {
  const t = useT();
  const readOnlyNoticeId = useId();
  const [open, setOpen] = useState<{ session: CollabSession; editor: Editor } | null>(null);
  // Read when the editor is created; later changes go through setEditable (LiveEditor).
  const initial = useRef({ readOnly, t, readOnlyNoticeId });
  initial.current = { readOnly, t, readOnlyNoticeId };

  useEffect(() => {
    const { readOnly: startReadOnly, t: translate, readOnlyNoticeId: noticeId } = initial.current;
    const session = openCollabSession({ docName, userId: user.id });
    const editor = new Editor({
      extensions: noteExtensions({
        doc: session.doc,
        provider: session.provider,
        user: { id: user.id, name: user.name, color: colourForUser(user.id) },
      }),
      editable: !startReadOnly,
      editorProps: {
        attributes: textAttributes(textLabel(translate, docName), !startReadOnly, startReadOnly ? noticeId : undefined),
      },
    });
    setOpen({ session, editor });
    // Editor first (it listens to the Y.Doc), then socket, local store and Y.Doc: nothing is
    // left running when the person moves to another note.
    return () => {
      setOpen(null);
      editor.destroy();
      session.destroy();
    };
  }, [docName, user.id, user.name]);

  if (!open) return <p className="muted">{t("editor.loading")}</p>;
  return (
    <LiveEditor
      session={open.session}
      editor={open.editor}
      readOnly={readOnly}
      readOnlyNoticeId={readOnlyNoticeId}
      label={textLabel(t, docName)}
      wording={wordingOf(docName)}
      listHref={listHref}
      onTitle={onTitle}
      seedTitle={seedTitle}
      userId={user.id}
      coding={coding ?? NO_CODING}
      comments={comments}
    />
  );
}

function LiveEditor({
  session,
  editor,
  readOnly,
  readOnlyNoticeId,
  label,
  wording,
  listHref,
  onTitle,
  seedTitle,
  userId,
  coding,
  comments,
}: {
  wording: Wording;
  session: CollabSession;
  editor: Editor;
  readOnly: boolean;
  readOnlyNoticeId: string;
  label: string;
  listHref: string;
  onTitle?: (title: string) => void;
  seedTitle?: string;
  userId: string;
  coding: CodingOptions;
  comments: CommentingOptions | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const linkFormId = useId();
  const [linkFormOpen, setLinkFormOpen] = useState(false);
  const { state, notice } = useConnectionStatus(session.provider, { readOnly });
  // After 4410 the text stays readable on this page, but nothing typed would ever be sent.
  const editable = !readOnly && notice !== "revoked" && notice !== "rightsChanged" && notice !== "deleted";
  useTitleOf(session.doc, onTitle);
  const {
    actions,
    onKeyDown,
    view: codingView,
  } = useCoding({
    editor,
    session,
    editable,
    userId,
    options: { ...coding, canCite: coding.canCite && editable },
  });
  // A page whose rights changed (or whose text went) comments no more until it is reloaded.
  const commenting = useCommenting(
    editor,
    notice === "revoked" || notice === "rightsChanged" || notice === "deleted" ? undefined : comments,
  );
  useEffect(
    () => (seedTitle && !readOnly ? seedTitleWhenLoaded(session, editor, seedTitle) : undefined),
    [session, editor, seedTitle, readOnly],
  );
  const { people, announcement } = usePresence(
    session.provider.awareness,
    state === "connected" || state === "synced",
    locale,
    joinsAndLeaves(t, wording.joined, wording.left),
  );

  useEffect(() => {
    if (editor.isDestroyed) return;
    editor.setEditable(editable, false);
    editor.setOptions({
      editorProps: { attributes: textAttributes(label, editable, readOnly ? readOnlyNoticeId : undefined) },
    });
    if (!editable) setLinkFormOpen(false);
  }, [editor, editable, readOnly, readOnlyNoticeId, label]);

  return (
    <div className="note-editor">
      <CollabStatus
        state={state}
        notice={notice}
        people={people}
        announcement={announcement}
        listLink={{ to: listHref, label: wording.listLink }}
        notices={wording.notices}
        presenceLabel={t(wording.presence)}
      />
      {readOnly ? (
        // The page already shows this notice; here it only names the editor's state for screen readers.
        <p id={readOnlyNoticeId} className="visually-hidden">
          {t(wording.readOnly)}
        </p>
      ) : null}
      {editable || commenting.actions.length ? (
        <Toolbar
          editor={editor}
          linkFormId={linkFormId}
          linkFormOpen={linkFormOpen}
          onLinkButton={() => setLinkFormOpen((isOpen) => !isOpen)}
          actions={editable ? [...actions, ...commenting.actions] : commenting.actions}
          formatting={editable}
          label={editable ? undefined : t("comments.toolbar")}
        />
      ) : null}
      {editable && linkFormOpen ? (
        <LinkForm id={linkFormId} editor={editor} onClose={() => setLinkFormOpen(false)} />
      ) : null}
      {/* Ctrl+Alt+K inside the text opens the code picker (coding.client.tsx). */}
      <div onKeyDown={onKeyDown}>
        <EditorContent editor={editor} className="note-editor__frame" />
      </div>
      {codingView}
      {commenting.view}
    </div>
  );
}
