import * as Y from "yjs";
import {
  SURVEY_LIMITS,
  type SurveyDefinition,
  type SurveyQuestion,
  type SurveySection,
} from "~/models/surveys/survey-definition";
import { QUESTION_TYPES, type QuestionType } from "~/models/core/vocabulary";

/**
 * The shape of a survey's Y.Doc (`survey:<surveyId>`), shared by the browser designer and the
 * server projection (docs/decisions/008-survey-design-and-versions.md). No DOM, no server
 * imports: both sides read and write the document through this module only.
 *
 * Root types: `title` (Y.Text), `intro` (Y.Text), `sections` (Y.Array of Y.Map).
 * Section map: id, title (Y.Text), description (Y.Text), questions (Y.Array of Y.Map).
 * Question map: id, type, label/help (Y.Text), required, options (Y.Array of Y.Map {id, label
 * Y.Text}), allowOther, scaleMin/scaleMax, minLabel/maxLabel (Y.Text), numberMin/numberMax,
 * integer. Every key exists from the question's creation, whatever its type, so that two
 * people changing the type never both create `options` (one of the two would be lost).
 */
export const ROOT = { title: "title", intro: "intro", sections: "sections" } as const;

export type ScaleRange = { min: 0 | 1; max: 5 | 10 };
export const SCALE_RANGES: ScaleRange[] = [
  { min: 1, max: 5 },
  { min: 0, max: 10 },
];

export const CHOICE_TYPES: readonly QuestionType[] = ["single_choice", "multiple_choice"];
export const isChoiceType = (type: string) => CHOICE_TYPES.includes(type as QuestionType);

const ID_PATTERN = /^[A-Za-z0-9_-]{4,40}$/;
const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A fresh id for a section, question or option: 14 random characters (83 bits). */
export function newId(): string {
  const bytes = new Uint8Array(14);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join("");
}

export const titleText = (doc: Y.Doc) => doc.getText(ROOT.title);
export const introText = (doc: Y.Doc) => doc.getText(ROOT.intro);
export const sectionsArray = (doc: Y.Doc) => doc.getArray<unknown>(ROOT.sections);

// ---------------------------------------------------------------------------------------------
// Reading, with sanitising: anything a hostile or buggy client wrote becomes a valid definition.
// ---------------------------------------------------------------------------------------------

// C0 controls (except tab and newline) and DEL never belong in a survey; one-line fields lose newlines too.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Cuts at `max` UTF-16 units (the schema's unit) without leaving half a surrogate pair. */
export function clampText(value: string, max: number): string {
  if (value.length <= max) return value;
  return value.slice(0, max).replace(/[\uD800-\uDBFF]$/, "");
}

function rawText(value: unknown): string {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === "string" ? value : "";
}

export function oneLine(value: unknown, max: number): string {
  return clampText(
    rawText(value)
      .replace(CONTROLS, "")
      .replace(/[\t\r\n]+/g, " "),
    max,
  );
}

export function multiLine(value: unknown, max: number): string {
  return clampText(rawText(value).replace(/\r\n?/g, "\n").replace(CONTROLS, ""), max);
}

const validId = (value: unknown): value is string => typeof value === "string" && ID_PATTERN.test(value);
const finiteOrNull = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

function mapsOf(value: unknown): Y.Map<unknown>[] {
  if (!(value instanceof Y.Array)) return [];
  return value.toArray().filter((item): item is Y.Map<unknown> => item instanceof Y.Map);
}

/** The option maps readQuestion reads, in order (valid, first of each id, capped). */
export function optionMaps(question: Y.Map<unknown>): Y.Map<unknown>[] {
  const seen = new Set<string>();
  const result: Y.Map<unknown>[] = [];
  for (const option of mapsOf(question.get("options"))) {
    if (result.length >= SURVEY_LIMITS.optionsMax) break;
    const id = option.get("id");
    if (!validId(id) || seen.has(id)) continue;
    seen.add(id);
    result.push(option);
  }
  return result;
}

function readOptions(map: Y.Map<unknown>): { id: string; label: string }[] {
  return optionMaps(map).map((option) => ({
    id: option.get("id") as string,
    label: oneLine(option.get("label"), SURVEY_LIMITS.optionLabelMax),
  }));
}

/** A scale is 1–5 or 0–10; anything else falls back to the nearest of those. */
export function readScale(map: Y.Map<unknown>): ScaleRange {
  return map.get("scaleMin") === 0 || map.get("scaleMax") === 10 ? SCALE_RANGES[1]! : SCALE_RANGES[0]!;
}

export function readQuestion(map: Y.Map<unknown>): SurveyQuestion | null {
  const id = map.get("id");
  const type = map.get("type");
  if (!validId(id) || !QUESTION_TYPES.includes(type as QuestionType)) return null;
  const base = {
    id,
    label: oneLine(map.get("label"), SURVEY_LIMITS.labelMax),
    help: multiLine(map.get("help"), SURVEY_LIMITS.helpMax),
    required: map.get("required") === true,
  };
  switch (type as QuestionType) {
    case "single_choice":
    case "multiple_choice":
      return {
        ...base,
        type: type as "single_choice" | "multiple_choice",
        options: readOptions(map),
        allowOther: map.get("allowOther") === true,
      };
    case "scale": {
      const { min, max } = readScale(map);
      return {
        ...base,
        type: "scale",
        min,
        max,
        minLabel: oneLine(map.get("minLabel"), SURVEY_LIMITS.optionLabelMax),
        maxLabel: oneLine(map.get("maxLabel"), SURVEY_LIMITS.optionLabelMax),
      };
    }
    case "number": {
      let min = finiteOrNull(map.get("numberMin"));
      let max = finiteOrNull(map.get("numberMax"));
      // Bounds that exclude every number would make the question impossible to answer.
      if (min !== null && max !== null && min > max) min = max = null;
      return { ...base, type: "number", min, max, integer: map.get("integer") === true };
    }
    default:
      return { ...base, type: type as "short_text" | "long_text" | "date" | "commune" };
  }
}

/** The Y.Maps behind each section and question of a definition, index for index. */
export type SurveyStructure = {
  definition: SurveyDefinition;
  sections: { map: Y.Map<unknown>; questions: Y.Map<unknown>[] }[];
};

/**
 * The survey as respondents will see it, and the maps it was read from (for the designer, so
 * that it shows exactly what is read). Never throws: unknown types, malformed entries and
 * repeated ids (two people moving the same question at once leave two copies: the first one
 * counts) are dropped, texts are cleaned and cut to the contract's limits, counts are capped.
 */
export function readStructure(doc: Y.Doc): SurveyStructure {
  const sectionIds = new Set<string>();
  const questionIds = new Set<string>();
  const structure: SurveyStructure["sections"] = [];
  const sections: SurveySection[] = [];
  let questionCount = 0;
  for (const sectionMap of mapsOf(sectionsArray(doc))) {
    if (sections.length >= SURVEY_LIMITS.sectionsMax) break;
    const id = sectionMap.get("id");
    if (!validId(id) || sectionIds.has(id) || !(sectionMap.get("questions") instanceof Y.Array)) continue;
    sectionIds.add(id);
    const questions: SurveyQuestion[] = [];
    const questionMaps: Y.Map<unknown>[] = [];
    for (const questionMap of mapsOf(sectionMap.get("questions"))) {
      if (questionCount >= SURVEY_LIMITS.questionsMax) break;
      const question = readQuestion(questionMap);
      if (!question || questionIds.has(question.id)) continue;
      questionIds.add(question.id);
      questions.push(question);
      questionMaps.push(questionMap);
      questionCount++;
    }
    sections.push({
      id,
      title: oneLine(sectionMap.get("title"), SURVEY_LIMITS.sectionTitleMax),
      description: multiLine(sectionMap.get("description"), SURVEY_LIMITS.helpMax),
      questions,
    });
    structure.push({ map: sectionMap, questions: questionMaps });
  }
  const definition = {
    title: oneLine(titleText(doc), SURVEY_LIMITS.titleMax),
    intro: multiLine(introText(doc), SURVEY_LIMITS.introMax),
    sections,
  };
  return { definition, sections: structure };
}

export function readDefinition(doc: Y.Doc): SurveyDefinition {
  return readStructure(doc).definition;
}

// ---------------------------------------------------------------------------------------------
// Writing: every change the designer makes, each in one transaction.
// ---------------------------------------------------------------------------------------------

export type QuestionField =
  "required" | "allowOther" | "integer" | "numberMin" | "numberMax" | "type" | "scaleMin" | "scaleMax";

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

type Located = { sections: Y.Array<unknown>; sectionIndex: number; section: Y.Map<unknown> };
type LocatedQuestion = Located & { questions: Y.Array<unknown>; index: number; question: Y.Map<unknown> };

/**
 * The sections readStructure shows, with their index in the array: writers look things up the
 * same way, so that they never change a copy nobody sees.
 */
function visibleSections(doc: Y.Doc): { index: number; section: Y.Map<unknown>; questions: Y.Array<unknown> }[] {
  const seen = new Set<string>();
  const result: { index: number; section: Y.Map<unknown>; questions: Y.Array<unknown> }[] = [];
  sectionsArray(doc).forEach((section, index) => {
    if (!(section instanceof Y.Map)) return;
    const id = section.get("id");
    const questions = section.get("questions");
    if (!validId(id) || seen.has(id) || !(questions instanceof Y.Array)) return;
    seen.add(id);
    result.push({ index, section, questions });
  });
  return result;
}

function findSection(doc: Y.Doc, sectionId: string): Located | null {
  const found = visibleSections(doc).find((s) => s.section.get("id") === sectionId);
  return found ? { sections: sectionsArray(doc), sectionIndex: found.index, section: found.section } : null;
}

function questionsArray(section: Y.Map<unknown>): Y.Array<unknown> | null {
  const questions = section.get("questions");
  return questions instanceof Y.Array ? questions : null;
}

export function findQuestion(doc: Y.Doc, questionId: string): LocatedQuestion | null {
  const sections = sectionsArray(doc);
  for (const { index: sectionIndex, section, questions } of visibleSections(doc)) {
    const index = questions.toArray().findIndex((q) => q instanceof Y.Map && q.get("id") === questionId);
    if (index >= 0) {
      return { sections, sectionIndex, section, questions, index, question: questions.get(index) as Y.Map<unknown> };
    }
  }
  return null;
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
