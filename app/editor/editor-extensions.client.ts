import type { Extensions } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import StarterKit from "@tiptap/starter-kit";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { SafeLink } from "./safe-link-extension.client";
import { FALLBACK_COLOUR, isHexColour } from "./user-colour";

/**
 * The server projects the note's title and excerpt from this fragment
 * (server/collab/ projections): every client must edit the same one.
 */
export const NOTE_FRAGMENT = "default";

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
    StarterKit.configure({
      // Collaboration brings a Yjs-aware undo manager; ProseMirror's own history would undo
      // other people's changes.
      undoRedo: false,
      // Replaced by SafeLink.
      link: false,
    }),
    SafeLink,
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
