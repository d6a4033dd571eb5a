import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import { questionsOf } from "~/models/surveys/survey-definition";
import { findQuestion, readDefinition } from "./survey-doc";
import {
  addQuestion,
  addSection,
  moveQuestion,
  moveQuestionOnto,
  removeQuestion,
  stepQuestion,
  stepSection,
} from "./survey-doc-edit";
import { addOption, stepOption } from "./survey-doc-question";

/** Applies everything `from` has to `to`, as the websocket would. */
function sync(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

function label(doc: Y.Doc, questionId: string, text: string) {
  (findQuestion(doc, questionId)!.question.get("label") as Y.Text).insert(0, text);
}
describe("moves keep ids", () => {
  test("moving a question keeps its id, label and options, within and across sections", () => {
    const doc = new Y.Doc();
    const first = addSection(doc, "Vous");
    const second = addSection(doc, "Vos achats");
    const a = addQuestion(doc, "short_text", first, "A");
    const b = addQuestion(doc, "single_choice", first, "B");
    const c = addQuestion(doc, "short_text", second, "C");
    const optionIds = (questionsOf(readDefinition(doc))[1] as { options: { id: string }[] }).options.map((o) => o.id);
    moveQuestion(doc, b, { index: 0 });
    expect(questionsOf(readDefinition(doc)).map((q) => [q.id, q.label])).toEqual([
      [b, "B"],
      [a, "A"],
      [c, "C"],
    ]);
    expect((questionsOf(readDefinition(doc))[0] as { options: { id: string }[] }).options.map((o) => o.id)).toEqual(
      optionIds,
    );
    // Down from the last place of a section: first place of the next one.
    expect(stepQuestion(doc, a, 1)).toEqual({ sectionIndex: 1, index: 0 });
    const definition = readDefinition(doc);
    expect(definition.sections.map((s) => s.questions.map((q) => q.id))).toEqual([[b], [a, c]]);
    expect(stepQuestion(doc, b, -1)).toBeNull();
    // The moved copy is a live part of the document: it can still be edited.
    label(doc, a, "Encore ");
    expect(questionsOf(readDefinition(doc))[1]!.label).toBe("Encore A");
  });

  test("a move is one change for the others, and two concurrent moves leave one question", () => {
    const alice = new Y.Doc();
    const bruno = new Y.Doc();
    const ids = ["Q1", "Q2", "Q3"].map((text) => addQuestion(alice, "short_text", undefined, text));
    sync(alice, bruno);
    const seen: number[] = [];
    bruno.on("update", () => seen.push(questionsOf(readDefinition(bruno)).length));
    moveQuestion(alice, ids[2]!, { index: 0 });
    sync(alice, bruno);
    expect(seen).toEqual([3]);
    // Both move Q2 at the same time: two copies exist in the document, one is read.
    moveQuestion(alice, ids[1]!, { index: 0 });
    moveQuestion(bruno, ids[1]!, { index: 2 });
    sync(alice, bruno);
    sync(bruno, alice);
    const read = questionsOf(readDefinition(alice)).map((q) => q.id);
    expect(read).toEqual(questionsOf(readDefinition(bruno)).map((q) => q.id));
    expect(read).toHaveLength(3);
    expect(new Set(read)).toEqual(new Set(ids));
    removeQuestion(alice, ids[1]!);
    expect(questionsOf(readDefinition(alice)).map((q) => q.id)).toHaveLength(2);
  });

  test("sections and options move with their ids", () => {
    const doc = new Y.Doc();
    const s1 = addSection(doc, "Un");
    const s2 = addSection(doc, "Deux");
    const q = addQuestion(doc, "multiple_choice", s1, "Jours");
    const extra = addOption(doc, q)!;
    expect(stepSection(doc, s2, -1)).toBe(true);
    expect(readDefinition(doc).sections.map((s) => [s.id, s.title])).toEqual([
      [s2, "Deux"],
      [s1, "Un"],
    ]);
    expect(stepOption(doc, q, extra, -1)).toBe(true);
    const options = (questionsOf(readDefinition(doc))[0] as { options: { id: string }[] }).options;
    expect(options).toHaveLength(3);
    expect(options[1]!.id).toBe(extra);
    expect(stepOption(doc, q, options[0]!.id, -1)).toBe(false);
  });
});

describe("drag and drop", () => {
  test("a question dropped onto another takes its place, as in arrayMove", () => {
    const doc = new Y.Doc();
    const [a, b, c, d] = ["A", "B", "C", "D"].map((text) => addQuestion(doc, "short_text", undefined, text));
    moveQuestionOnto(doc, a!, c!);
    expect(questionsOf(readDefinition(doc)).map((q) => q.label)).toEqual(["B", "C", "A", "D"]);
    moveQuestionOnto(doc, d!, b!);
    expect(questionsOf(readDefinition(doc)).map((q) => q.label)).toEqual(["D", "B", "C", "A"]);
  });
});
