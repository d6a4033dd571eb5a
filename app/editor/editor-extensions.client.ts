import { mergeAttributes, type Extensions } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import Heading, { type Level } from "@tiptap/extension-heading";
import StarterKit from "@tiptap/starter-kit";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { CodedPassageView } from "./coded-passage-view.client";
import { SafeLink } from "./safe-link-extension.client";
import { FALLBACK_COLOUR, isHexColour } from "./user-colour";
import { CodedPassageMark } from "~/models/notes/coded-passage-mark";
import { NOTE_FRAGMENT, NOTE_STARTER_KIT } from "~/models/notes/note-schema";
import { CommentAnchorsView } from "./comment-anchors-view.client";

// The fragment and the schema are the server's too: it projects the note from that fragment
// and refuses updates outside that schema (app/models/notes/note-schema.ts).
export { NOTE_FRAGMENT };

/**
 * Another person's caret with their name. Hidden from assistive technologies: inside the
 * text it would be read out as if it were part of the note; the presence list says who is here.
 */
function renderCaret(caretUser: { name?: unknown; color?: unknown }): HTMLElement {
  const caret = document.createElement("span");
  caret.className = "collaboration-carets__caret";
  caret.setAttribute("aria-hidden", "true");
  caret.style.borderColor = isHexColour(caretUser.color) ? caretUser.color : FALLBACK_COLOUR;
  const label = document.createElement("span");
  label.className = "collaboration-carets__label";
  label.style.backgroundColor = isHexColour(caretUser.color) ? caretUser.color : FALLBACK_COLOUR;
  label.textContent = typeof caretUser.name === "string" ? caretUser.name.slice(0, 60) : "";
  caret.append(label);
  return caret;
}

/** The heading levels a note stores (toolbar "Titre", "Sous-titre"), as every client has written them. */
export const NOTE_HEADING_LEVELS: Level[] = [2, 3];

/**
 * How much deeper a stored level is shown. The note page already has h1 (project), h2 (the
 * note's title) and h3 ("Texte de la note"): a level-2 heading in the body is an h4, a level-3
 * one an h5, so the page's outline stays in order (WCAG 1.3.1). Only the rendering changes,
 * never what the document stores, so older clients and the server's projection agree.
 */
export const HEADING_OFFSET = 2;

/** The tag a pasted heading came in → the level it gets; h4 and h5 are how notes render their own. */
const PASTED_LEVEL: Record<string, Level> = { h1: 2, h2: 2, h3: 3, h4: 2, h5: 3, h6: 3 };

const NoteHeading = Heading.extend({
  parseHTML() {
    return Object.entries(PASTED_LEVEL).map(([tag, level]) => ({ tag, attrs: { level } }));
  },
  renderHTML({ node, HTMLAttributes }) {
    const stored = node.attrs.level as Level;
    const level = this.options.levels.includes(stored) ? stored : this.options.levels[0]!;
    return [`h${level + HEADING_OFFSET}`, mergeAttributes(this.options.HTMLAttributes, HTMLAttributes), 0];
  },
}).configure({ levels: NOTE_HEADING_LEVELS });

export type CaretUser = { id: string; name: string; color: string };

/**
 * The schema is shared with every other client of the document: changing a node or mark name
 * here makes content written by older clients disappear from this one.
 */
export function noteExtensions({
  doc,
  provider,
  user,
}: {
  doc: Y.Doc;
  provider: WebsocketProvider;
  user: CaretUser;
}): Extensions {
  return [
    // Without its own history (Collaboration brings a Yjs-aware undo manager; ProseMirror's would
    // undo other people's changes), link and heading (replaced by SafeLink and NoteHeading).
    StarterKit.configure(NOTE_STARTER_KIT),
    NoteHeading,
    SafeLink,
    CodedPassageMark,
    CodedPassageView,
    CommentAnchorsView,
    Collaboration.configure({ document: doc, field: NOTE_FRAGMENT }),
    CollaborationCaret.configure({
      provider,
      user,
      render: renderCaret,
      // A light tint keeps the selected text readable (the stock builder uses 44 % opacity).
      selectionRender: (caretUser: { color?: unknown }) =>
        isHexColour(caretUser.color)
          ? { class: "collaboration-carets__selection", style: `background-color: ${caretUser.color}33` }
          : {},
    }),
  ];
}
