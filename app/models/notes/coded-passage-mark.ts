import { Mark } from "@tiptap/core";

/**
 * A coded passage: text of a note to which someone applied a code of the project's codebook
 * (issue 14). Shared by the editor and the server's schema check (note-schema.server.ts), so
 * both accept the same marks. Pure: no browser, no database.
 *
 * - `excludes: ""`: several codes may cover the same words. y-tiptap then stores each mark
 *   under its own key, `codedPassage--<hash of its attributes>`, so two people coding
 *   overlapping text at once both keep their passage (app/editor/coded-passage.test.ts).
 * - `inclusive: false`: typing at a passage's edge does not extend it; typing inside it does.
 * - `passage` is the passage's id: one application of one code, kept across edits and blocks
 *   (the projection writes one CodedPassage row per id); `by` is who applied it. Both, and
 *   `code`, are client data: the projection checks `code` against the codebook and `by`
 *   against the users (coded-passages.server.ts).
 * - Rendered as a bare span with data attributes: the colour and the code's name come from the
 *   codebook, which the editor adds as decorations (app/editor/coded-passage-view.client.ts),
 *   so that an id unknown to the project (a forged mark) stays plain text.
 * - Not parsed from HTML: a pasted passage would carry another passage's id (or another
 *   project's code); pasted text arrives uncoded.
 */
export const CODED_PASSAGE = "codedPassage";

export type CodedPassageAttrs = { code: string; passage: string; by: string };

export const CodedPassageMark = Mark.create({
  name: CODED_PASSAGE,
  excludes: "",
  inclusive: false,
  spanning: true,

  addAttributes() {
    return {
      code: { default: "", renderHTML: (attrs) => ({ "data-code": String(attrs.code ?? "") }), parseHTML: () => "" },
      passage: {
        default: "",
        renderHTML: (attrs) => ({ "data-passage": String(attrs.passage ?? "") }),
        parseHTML: () => "",
      },
      by: { default: "", rendered: false, parseHTML: () => "" },
    };
  },

  parseHTML() {
    return [];
  },

  renderHTML({ HTMLAttributes }) {
    return ["span", { ...HTMLAttributes, class: "coded-passage-mark" }, 0];
  },
});

/** The attributes of a stored mark, or null when they are not strings (a forged update). */
export function passageAttrs(value: unknown): CodedPassageAttrs | null {
  if (!value || typeof value !== "object") return null;
  const { code, passage, by } = value as Record<string, unknown>;
  if (typeof code !== "string" || typeof passage !== "string" || !code || !passage) return null;
  return { code, passage, by: typeof by === "string" ? by : "" };
}

/** Is this Yjs format key a coded passage ("codedPassage" or "codedPassage--<hash>")? */
export function isPassageKey(key: string): boolean {
  return key === CODED_PASSAGE || key.startsWith(`${CODED_PASSAGE}--`);
}

/** A new passage id: random, URL-safe, like a cuid in length. */
export function newPassageId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return (
    "p" +
    Array.from(bytes, (b) => b.toString(36).padStart(2, "0"))
      .join("")
      .slice(0, 24)
  );
}
