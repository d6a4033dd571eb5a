import * as Y from "yjs";
import { SURVEY_LIMITS } from "~/models/surveys/survey-definition";
import { QUESTION_TYPES, type QuestionType } from "~/models/core/vocabulary";
import { findQuestion, isChoiceType, type ScaleRange } from "./survey-doc";
import { newOptionMap } from "./survey-doc-edit";

/**
 * Setting one question of a survey's Y.Doc: its plain fields (type, required, bounds…) and its
 * options. Values are checked against what readQuestion accepts before anything is written.
 */

export type QuestionField =
  "required" | "allowOther" | "integer" | "numberMin" | "numberMax" | "type" | "scaleMin" | "scaleMax";

/** Sets one plain value of a question; values outside what readQuestion accepts are refused. */
export function setQuestionField(doc: Y.Doc, questionId: string, field: QuestionField, value: unknown): boolean {
  if (!fieldValueIsValid(field, value)) return false;
  let done = false;
  doc.transact(() => {
    const found = findQuestion(doc, questionId);
    if (!found) return;
    found.question.set(field, value);
    // A choice question without options cannot be answered: give it two to fill in.
    if (field === "type" && isChoiceType(value as string)) {
      const options = found.question.get("options");
      if (options instanceof Y.Array && options.length === 0) options.push([newOptionMap(), newOptionMap()]);
    }
    done = true;
  });
  return done;
}

export function setScale(doc: Y.Doc, questionId: string, range: ScaleRange): void {
  doc.transact(() => {
    setQuestionField(doc, questionId, "scaleMin", range.min);
    setQuestionField(doc, questionId, "scaleMax", range.max);
  });
}

function fieldValueIsValid(field: QuestionField, value: unknown): boolean {
  switch (field) {
    case "required":
    case "allowOther":
    case "integer":
      return typeof value === "boolean";
    case "numberMin":
    case "numberMax":
      return value === null || (typeof value === "number" && Number.isFinite(value));
    case "type":
      return QUESTION_TYPES.includes(value as QuestionType);
    case "scaleMin":
      return value === 0 || value === 1;
    case "scaleMax":
      return value === 5 || value === 10;
  }
}

export function addOption(doc: Y.Doc, questionId: string): string | null {
  const option = newOptionMap();
  let added = false;
  doc.transact(() => {
    const options = findQuestion(doc, questionId)?.question.get("options");
    if (!(options instanceof Y.Array) || options.length >= SURVEY_LIMITS.optionsMax) return;
    options.push([option]);
    added = true;
  });
  return added ? (option.get("id") as string) : null;
}

function findOption(doc: Y.Doc, questionId: string, optionId: string) {
  const options = findQuestion(doc, questionId)?.question.get("options");
  if (!(options instanceof Y.Array)) return null;
  const index = options.toArray().findIndex((o) => o instanceof Y.Map && o.get("id") === optionId);
  return index < 0 ? null : { options, index, option: options.get(index) as Y.Map<unknown> };
}

export function removeOption(doc: Y.Doc, questionId: string, optionId: string): void {
  doc.transact(() => {
    const found = findOption(doc, questionId, optionId);
    if (found) found.options.delete(found.index, 1);
  });
}

/** Moves an option one step; its id is kept (results count answers by option id). */
export function stepOption(doc: Y.Doc, questionId: string, optionId: string, direction: -1 | 1): boolean {
  let moved = false;
  doc.transact(() => {
    const found = findOption(doc, questionId, optionId);
    if (!found) return;
    const target = found.index + direction;
    if (target < 0 || target >= found.options.length) return;
    const copy = found.option.clone();
    found.options.delete(found.index, 1);
    found.options.insert(target, [copy]);
    moved = true;
  });
  return moved;
}
