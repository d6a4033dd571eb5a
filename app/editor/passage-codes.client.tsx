import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useId, useState } from "react";
import { useT } from "~/i18n/use-translation";
import { passagesIn, viewStateOf, type ShownPassage } from "./coded-passage-view.client";
import { passagesAtSelection, removePassage, showFound } from "./coding-commands.client";

/**
 * Under the text: the codes of the passage where the caret is (or the one reached from the
 * list), each with a one-action "Retirer" for those who may edit, announced politely when the
 * caret enters a passage; then the note's codes, each a button that goes to its next passage
 * (the keyboard way to reach passages, and the names of the colours for everyone).
 */
export function PassageCodes({
  editor,
  canEdit,
  announce,
}: {
  editor: Editor;
  canEdit: boolean;
  announce: (message: string) => void;
}) {
  const t = useT();
  const legendId = useId();
  const [reached, setReached] = useState<string | null>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      if (!current) return { here: [] as ShownPassage[], all: [] as ShownPassage[] };
      const codebook = viewStateOf(current.state)?.codebook ?? new Map();
      return { here: passagesAtSelection(current), all: passagesIn(current.state.doc, codebook) };
    },
    equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const all = state?.all ?? [];
  const fromList = reached ? all.filter((p) => p.passage === reached) : [];
  const here = state?.here.length ? state.here : fromList;
  const byCode = new Map<string, { label: string; colour: string; passages: ShownPassage[] }>();
  for (const p of all) {
    const entry = byCode.get(p.code.id) ?? { label: p.code.label, colour: p.code.colour, passages: [] };
    entry.passages.push(p);
    byCode.set(p.code.id, entry);
  }

  const goToNext = (codeId: string) => {
    const passages = byCode.get(codeId)?.passages ?? [];
    const current = passages.findIndex((p) => p.passage === reached);
    const target = passages[(current + 1) % passages.length];
    if (!target) return;
    setReached(target.passage);
    showFound(editor, { from: target.from, to: target.to });
    announce(
      t("editor.found.passage", { text: editor.state.doc.textBetween(target.from, target.to, " ").slice(0, 200) }),
    );
  };
  const remove = (p: ShownPassage) => {
    removePassage(editor, p.passage);
    if (reached === p.passage) setReached(null);
    announce(t("editor.passage.removed", { code: p.code.label }));
  };

  return (
    <div className="passage-codes">
      <section className="passage-codes__here" aria-label={t("editor.passage.region")}>
        <p className="visually-hidden" aria-live="polite">
          {here.length ? t("editor.passage.codes", { codes: here.map((p) => p.code.label).join(", ") }) : ""}
        </p>
        {here.length ? (
          <ul className="passage-codes__list">
            {here.map((p) => (
              <li key={p.passage}>
                <span className="code-swatch" style={{ backgroundColor: p.code.colour }} aria-hidden="true" />
                <span title={p.code.definition || undefined}>{p.code.label}</span>
                {canEdit ? (
                  <button
                    type="button"
                    className="button small"
                    aria-label={t("editor.passage.removeLabel", { code: p.code.label })}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => remove(p)}
                  >
                    {t("editor.passage.remove")}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {/* Not a heading: the note's own headings are h4 and h5 inside the text (HEADING_OFFSET). */}
      <section className="passage-codes__legend" aria-labelledby={legendId}>
        <p id={legendId} className="passage-codes__title">
          {t("editor.codes.legend")}
        </p>
        {byCode.size === 0 ? (
          <p className="muted">{t("editor.codes.none")}</p>
        ) : (
          <ul className="passage-codes__list">
            {[...byCode].map(([codeId, entry]) => (
              <li key={codeId}>
                <button type="button" className="code-chip" onClick={() => goToNext(codeId)}>
                  <span className="code-swatch" style={{ backgroundColor: entry.colour }} aria-hidden="true" />
                  {t(entry.passages.length === 1 ? "editor.codes.next" : "editor.codes.nextMany", {
                    code: entry.label,
                    count: entry.passages.length,
                  })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
