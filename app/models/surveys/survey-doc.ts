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
 * imports: both sides read and write the document through this module and its two siblings
 * only — this one names the shape, reads it (cleaning whatever a client wrote) and finds
 * entries the way reading sees them; `survey-doc-edit.ts` adds, removes and moves sections and
 * questions; `survey-doc-question.ts` sets a question's fields and options.
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
// Finding entries to change: the same ones readStructure shows.
// ---------------------------------------------------------------------------------------------

export type LocatedSection = { sections: Y.Array<unknown>; sectionIndex: number; section: Y.Map<unknown> };
export type LocatedQuestion = LocatedSection & {
  questions: Y.Array<unknown>;
  index: number;
  question: Y.Map<unknown>;
};
type VisibleSection = { index: number; section: Y.Map<unknown>; questions: Y.Array<unknown> };

/**
 * The sections readStructure shows, with their index in the array: writers look things up the
 * same way, so that they never change a copy nobody sees.
 */
export function visibleSections(doc: Y.Doc): VisibleSection[] {
  const seen = new Set<string>();
  const result: VisibleSection[] = [];
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

export function findSection(doc: Y.Doc, sectionId: string): LocatedSection | null {
  const found = visibleSections(doc).find((s) => s.section.get("id") === sectionId);
  return found ? { sections: sectionsArray(doc), sectionIndex: found.index, section: found.section } : null;
}

export function questionsArray(section: Y.Map<unknown>): Y.Array<unknown> | null {
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
