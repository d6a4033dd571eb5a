import * as Y from "yjs";
import type { QuestionType } from "~/models/core/vocabulary";
import {
  findQuestion,
  findSection,
  isChoiceType,
  newId,
  questionsArray,
  sectionsArray,
  visibleSections,
} from "./survey-doc";

/**
 * Adding, removing and moving sections and questions of a survey's Y.Doc (the shape is in
 * survey-doc.ts). Each change is one transaction, so the others see it whole. Nothing here
 * trusts the document: entries are found the way readStructure reads them.
 */

function textWith(value: string): Y.Text {
  const text = new Y.Text();
  if (value) text.insert(0, value);
  return text;
}

export function newOptionMap(label = ""): Y.Map<unknown> {
  const option = new Y.Map<unknown>();
  option.set("id", newId());
  option.set("label", textWith(label));
  return option;
}

export function newQuestionMap(type: QuestionType, label = ""): Y.Map<unknown> {
  const question = new Y.Map<unknown>();
  question.set("id", newId());
  question.set("type", type);
  question.set("label", textWith(label));
  question.set("help", new Y.Text());
  question.set("required", false);
  const options = new Y.Array<Y.Map<unknown>>();
  // A choice question starts with two empty options: there is no choice with fewer.
  if (isChoiceType(type)) options.push([newOptionMap(), newOptionMap()]);
  question.set("options", options);
  question.set("allowOther", false);
  question.set("scaleMin", 1);
  question.set("scaleMax", 5);
  question.set("minLabel", new Y.Text());
  question.set("maxLabel", new Y.Text());
  question.set("numberMin", null);
  question.set("numberMax", null);
  question.set("integer", false);
  return question;
}

export function newSectionMap(title = ""): Y.Map<unknown> {
  const section = new Y.Map<unknown>();
  section.set("id", newId());
  section.set("title", textWith(title));
  section.set("description", new Y.Text());
  section.set("questions", new Y.Array<Y.Map<unknown>>());
  return section;
}

/** Adds a section at the end and returns its id. */
export function addSection(doc: Y.Doc, title = ""): string {
  const section = newSectionMap(title);
  doc.transact(() => sectionsArray(doc).push([section]));
  return section.get("id") as string;
}

/** Removes the section (with its questions), and any copy a concurrent move left with the same id. */
export function removeSection(doc: Y.Doc, sectionId: string): void {
  doc.transact(() => {
    for (let found = findSection(doc, sectionId); found; found = findSection(doc, sectionId)) {
      found.sections.delete(found.sectionIndex, 1);
    }
  });
}

/**
 * Adds a question at the end of a section (the last one when none is given; a first section
 * is created for a survey that has none) and returns the question's id.
 */
export function addQuestion(doc: Y.Doc, type: QuestionType, sectionId?: string, label = ""): string {
  const question = newQuestionMap(type, label);
  doc.transact(() => {
    const sections = sectionsArray(doc);
    let section = sectionId ? findSection(doc, sectionId)?.section : undefined;
    section ??= visibleSections(doc).at(-1)?.section;
    if (!section) {
      section = newSectionMap();
      sections.push([section]);
    }
    questionsArray(section)!.push([question]);
  });
  return question.get("id") as string;
}

/** Removes the question, and any copy a concurrent move left with the same id. */
export function removeQuestion(doc: Y.Doc, questionId: string): void {
  doc.transact(() => {
    for (let found = findQuestion(doc, questionId); found; found = findQuestion(doc, questionId)) {
      found.questions.delete(found.index, 1);
    }
  });
}

/**
 * Moves a question to `toIndex` of a section (its own by default). Yjs cannot move an item,
 * so the question is copied — same id, so results still line it up — and the original deleted,
 * in one transaction: the others see one move, never a gap or a double.
 */
export function moveQuestion(doc: Y.Doc, questionId: string, to: { sectionId?: string; index: number }): void {
  doc.transact(() => {
    const found = findQuestion(doc, questionId);
    if (!found) return;
    const target = to.sectionId ? findSection(doc, to.sectionId) : found;
    const targetQuestions = target ? questionsArray(target.section) : null;
    if (!target || !targetQuestions) return;
    const sameSection = target.section === found.section;
    const length = targetQuestions.length - (sameSection ? 1 : 0);
    const index = Math.max(0, Math.min(to.index, length));
    if (sameSection && index === found.index) return;
    const copy = found.question.clone();
    found.questions.delete(found.index, 1);
    targetQuestions.insert(index, [copy]);
  });
}

/**
 * Drag and drop inside a section: the question takes the place of `overId` (the list shifts as
 * in dnd-kit's arrayMove). Positions come from the document, not from the list on screen, so
 * entries a broken client left in the array cannot make it land elsewhere.
 */
export function moveQuestionOnto(doc: Y.Doc, questionId: string, overId: string): void {
  doc.transact(() => {
    const found = findQuestion(doc, questionId);
    const over = findQuestion(doc, overId);
    if (!found || !over || over.section !== found.section) return;
    moveQuestion(doc, questionId, { index: over.index });
  });
}

/**
 * One step up or down, crossing into the previous or next section at the edges. Returns
 * where the question ended up (for the announcement), or null when it could not move.
 */
export function stepQuestion(
  doc: Y.Doc,
  questionId: string,
  direction: -1 | 1,
): { sectionIndex: number; index: number } | null {
  let result: { sectionIndex: number; index: number } | null = null;
  doc.transact(() => {
    const found = findQuestion(doc, questionId);
    if (!found) return;
    const visible = visibleSections(doc);
    const position = visible.findIndex((s) => s.section === found.section);
    const target = found.index + direction;
    if (target >= 0 && target < found.questions.length) {
      moveQuestion(doc, questionId, { index: target });
      result = { sectionIndex: position, index: target };
      return;
    }
    const next = visible[position + direction];
    if (!next) return;
    const index = direction < 0 ? next.questions.length : 0;
    moveQuestion(doc, questionId, { sectionId: next.section.get("id") as string, index });
    result = { sectionIndex: position + direction, index };
  });
  return result;
}

/** Moves a section past its visible neighbour (same copy-then-delete as questions, ids kept). */
export function stepSection(doc: Y.Doc, sectionId: string, direction: -1 | 1): boolean {
  let moved = false;
  doc.transact(() => {
    const visible = visibleSections(doc);
    const position = visible.findIndex((s) => s.section.get("id") === sectionId);
    const current = visible[position];
    const neighbour = visible[position + direction];
    if (!current || !neighbour) return;
    const sections = sectionsArray(doc);
    const copy = current.section.clone();
    sections.delete(current.index, 1);
    // Up: take the neighbour's place. Down: its index, once ours is gone, is just after it.
    sections.insert(neighbour.index, [copy]);
    moved = true;
  });
  return moved;
}
