import { normalizeQuote } from "../notes/note-flat-text";

/**
 * A thread as the page shows it: plain values, with what the viewer may do on each part
 * already decided on the server. Pure: components import the types and `passageState`.
 */
export type CommentView = {
  id: string;
  author: { id: string; name: string } | null;
  /** "" once deleted. */
  body: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  canEdit: boolean;
  canDelete: boolean;
};

export type ThreadView = {
  id: string;
  author: { id: string; name: string } | null;
  /** The passage when the thread was opened ("" for a general thread). */
  quote: string;
  /** What the anchor holds now (null for a general thread, "" once deleted). */
  currentText: string | null;
  /** The anchor, base64url, for the editor to highlight and show it (null: general). */
  anchor: string | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  canResolve: boolean;
  comments: CommentView[];
};

export type Mentionable = { id: string; name: string };

/** A page's threads: what the thread list gives the page, and the page the threads panel. */
export type ThreadsData = {
  target: { kind: "finding" | "note"; id: string };
  threads: ThreadView[];
  canComment: boolean;
  /** For the `@` picker: only for those who may comment. */
  members: Mentionable[];
};

export type PassageState = "general" | "same" | "changed" | "gone";

/** Whether the thread's passage is still the text it was opened on (whitespace aside). */
export function passageState(thread: {
  quote: string;
  currentText: string | null;
  anchor: string | null;
}): PassageState {
  if (!thread.anchor) return "general";
  if (thread.currentText === null) return "same";
  if (normalizeQuote(thread.currentText) === "") return "gone";
  return normalizeQuote(thread.currentText) === normalizeQuote(thread.quote) ? "same" : "changed";
}

/** Every `@Name` of the body that names a member, for showing mentions in bold (longest names first). */
export function splitMentions(body: string, names: readonly string[]): { text: string; mention: boolean }[] {
  const sorted = [...new Set(names)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (!sorted.length) return [{ text: body, mention: false }];
  const escaped = sorted.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`@(?:${escaped.join("|")})`, "g");
  const parts: { text: string; mention: boolean }[] = [];
  let last = 0;
  for (const match of body.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: body.slice(last, match.index), mention: false });
    parts.push({ text: match[0], mention: true });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last), mention: false });
  return parts;
}
