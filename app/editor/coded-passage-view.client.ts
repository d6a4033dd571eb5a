import { Extension } from "@tiptap/core";
import type { Node } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { resolveCode, type CodebookCode } from "~/models/codes/codebook";
import { CODED_PASSAGE, passageAttrs } from "~/models/notes/coded-passage-mark";

/** One coded passage as the editor shows it: its id, its code after merges, where it is. */
export type ShownPassage = { passage: string; code: CodebookCode; by: string; from: number; to: number };

type ViewState = {
  codebook: ReadonlyMap<string, CodebookCode>;
  /** A range shown as found (`?passage=`, `?evidence=`, the codes list): null when none. */
  highlight: { from: number; to: number } | null;
  decorations: DecorationSet;
};

type Meta = { codebook?: ReadonlyMap<string, CodebookCode>; highlight?: { from: number; to: number } | null };

export const codedPassageViewKey = new PluginKey<ViewState>("codedPassageView");

/** The codes of the marks on a node, known to the codebook, after merges, without repeats. */
export function codesOn(node: Node, codebook: ReadonlyMap<string, CodebookCode>) {
  const found: { passage: string; code: CodebookCode; by: string }[] = [];
  for (const mark of node.marks) {
    if (mark.type.name !== CODED_PASSAGE) continue;
    const attrs = passageAttrs(mark.attrs);
    const code = attrs ? resolveCode(codebook, attrs.code) : null;
    // A code id the project does not know (forged, another project's) is never shown as a code.
    if (attrs && code) found.push({ passage: attrs.passage, code, by: attrs.by });
  }
  return found;
}

/** Every coded passage of the document with its extent (a passage may cross blocks). */
export function passagesIn(doc: Node, codebook: ReadonlyMap<string, CodebookCode>): ShownPassage[] {
  const byId = new Map<string, ShownPassage>();
  doc.descendants((node, pos) => {
    if (!node.isText) return;
    for (const { passage, code, by } of codesOn(node, codebook)) {
      const known = byId.get(passage);
      if (known) known.to = pos + node.nodeSize;
      else byId.set(passage, { passage, code, by, from: pos, to: pos + node.nodeSize });
    }
  });
  return [...byId.values()];
}

/**
 * Each code draws its own underline, stacked under the text (the first one lowest), so that
 * overlapping codes stay distinct; the text itself keeps its colour and contrast.
 */
function underlines(colours: string[]): string {
  const layers = colours.map((c) => `linear-gradient(${c}, ${c})`).join(", ");
  const positions = colours.map((_, i) => `0 calc(100% - ${i * 4}px)`).join(", ");
  return `background-image: ${layers}; background-position: ${positions}; padding-bottom: ${colours.length * 4 - 2}px`;
}

function decorate(doc: Node, codebook: ReadonlyMap<string, CodebookCode>, highlight: ViewState["highlight"]) {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return;
    const codes = codesOn(node, codebook);
    if (!codes.length) return;
    const labels = [...new Set(codes.map((c) => c.code.label))];
    // A <mark> is exposed as a highlight (role "mark"): NVDA, JAWS and VoiceOver say "surligné"
    // where it starts. It cannot carry a name (ARIA 1.2: name prohibited, so aria-label is
    // ignored by screen readers and flagged by axe); its title becomes its description,
    // shown on hover and read by screen readers that read descriptions. What is reliably read
    // is the passage panel under the text: when the caret enters a passage, a polite live
    // region says its codes (passage-codes.client.tsx), and the note's list of codes names
    // each colour (WCAG 1.4.1: colour is never the only cue).
    decorations.push(
      Decoration.inline(pos, pos + node.nodeSize, {
        nodeName: "mark",
        class: "coded-passage",
        title: labels.join(", "),
        "data-codes": labels.join(", "),
        style: underlines(codes.map((c) => c.code.colour)),
      }),
    );
  });
  if (highlight && highlight.to > highlight.from && highlight.to <= doc.content.size) {
    decorations.push(Decoration.inline(highlight.from, highlight.to, { class: "passage-found" }));
  }
  return DecorationSet.create(doc, decorations);
}

function next(tr: Transaction, state: ViewState): ViewState {
  const meta = tr.getMeta(codedPassageViewKey) as Meta | undefined;
  if (!meta && !tr.docChanged) return state;
  const codebook = meta?.codebook ?? state.codebook;
  let highlight = meta && "highlight" in meta ? (meta.highlight ?? null) : state.highlight;
  if (highlight && tr.docChanged && !(meta && "highlight" in meta)) {
    highlight = { from: tr.mapping.map(highlight.from, 1), to: tr.mapping.map(highlight.to, -1) };
  }
  return { codebook, highlight, decorations: decorate(tr.doc, codebook, highlight) };
}

/** Shows coded passages with their codes' colours and names, and a found passage. Browser only. */
export const CodedPassageView = Extension.create({
  name: "codedPassageView",
  addProseMirrorPlugins() {
    return [
      new Plugin<ViewState>({
        key: codedPassageViewKey,
        state: {
          init: (_, state: EditorState) => ({
            codebook: new Map(),
            highlight: null,
            decorations: decorate(state.doc, new Map(), null),
          }),
          apply: (tr, value) => next(tr, value),
        },
        props: { decorations: (state) => codedPassageViewKey.getState(state)?.decorations ?? null },
      }),
    ];
  },
});

export function viewStateOf(state: EditorState): ViewState | undefined {
  return codedPassageViewKey.getState(state);
}
