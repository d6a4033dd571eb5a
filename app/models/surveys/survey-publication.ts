import type { Translator } from "~/i18n";
import { questionsOf, type SurveyDefinition, type SurveyQuestion } from "./survey-definition";

/**
 * What publishing a survey's pending design would change, and what stops it
 * (docs/decisions/014-survey-publication.md). Pure: shared by the server (the review page,
 * the publish action) and the browser (the designer's "modifications non publiées").
 */

/** JSON with object keys sorted, so that two equal definitions give the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

export function sameDefinition(a: SurveyDefinition, b: SurveyDefinition): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** What respondents would see that makes no sense: publication is refused while any remains. */
export type PublicationProblem =
  | { kind: "no_question" }
  | { kind: "untitled_question"; number: number }
  | { kind: "no_option"; number: number; label: string }
  | { kind: "empty_option"; number: number; label: string; option: number };

/** A problem in the user's words ("la question 3 n'a pas d'intitulé…"). */
export function describeProblem(t: Translator, problem: PublicationProblem): string {
  switch (problem.kind) {
    case "no_question":
      return t("surveys.publish.problem.no_question");
    case "untitled_question":
      return t("surveys.publish.problem.untitled_question", { number: problem.number });
    case "no_option":
      return t("surveys.publish.problem.no_option", { number: problem.number, label: problem.label });
    case "empty_option":
      return t("surveys.publish.problem.empty_option", { ...problem });
  }
}

const isChoice = (q: SurveyQuestion): q is Extract<SurveyQuestion, { options: unknown }> =>
  q.type === "single_choice" || q.type === "multiple_choice";

/** Questions are numbered across the survey, as respondents and the designer number them. */
export function publicationProblems(definition: SurveyDefinition): PublicationProblem[] {
  const questions = questionsOf(definition);
  if (questions.length === 0) return [{ kind: "no_question" }];
  const problems: PublicationProblem[] = [];
  questions.forEach((question, index) => {
    const number = index + 1;
    const label = question.label.trim();
    if (!label) problems.push({ kind: "untitled_question", number });
    if (!isChoice(question)) return;
    if (question.options.length === 0) problems.push({ kind: "no_option", number, label });
    question.options.forEach((option, position) => {
      if (!option.label.trim()) problems.push({ kind: "empty_option", number, label, option: position + 1 });
    });
  });
  return problems;
}

export type QuestionRef = { id: string; label: string; answers?: number };
export type OptionRef = {
  questionId: string;
  questionLabel: string;
  optionId: string;
  label: string;
  answers?: number;
};
export type OtherChange = "title" | "intro" | "sections" | "order" | "settings" | "options";

/**
 * Published → draft, by question and option id (ids are stable across versions). `answers` is
 * filled by the server (survey-publication.server.ts), since it needs the responses.
 */
export type ChangeSummary = {
  added: QuestionRef[];
  removed: QuestionRef[];
  reworded: (QuestionRef & { from: string })[];
  /** The type changed: answers given to the old type no longer line up with the question. */
  retyped: (QuestionRef & { from: SurveyQuestion["type"]; to: SurveyQuestion["type"] })[];
  removedOptions: OptionRef[];
  other: OtherChange[];
};

function without<T extends object>(value: T, keys: string[]): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key))) as Partial<T>;
}

export function summarizeChanges(published: SurveyDefinition, draft: SurveyDefinition): ChangeSummary {
  const before = new Map(questionsOf(published).map((q) => [q.id, q]));
  const after = new Map(questionsOf(draft).map((q) => [q.id, q]));
  const summary: ChangeSummary = { added: [], removed: [], reworded: [], retyped: [], removedOptions: [], other: [] };
  const other = new Set<OtherChange>();
  for (const [id, q] of after) if (!before.has(id)) summary.added.push({ id, label: q.label });
  for (const [id, old] of before) {
    const q = after.get(id);
    if (!q) {
      summary.removed.push({ id, label: old.label });
      continue;
    }
    if (old.label.trim() !== q.label.trim()) summary.reworded.push({ id, label: q.label, from: old.label });
    if (old.type !== q.type) {
      summary.retyped.push({ id, label: q.label, from: old.type, to: q.type });
      continue;
    }
    if (isChoice(old) && isChoice(q)) {
      const kept = new Map(q.options.map((o) => [o.id, o]));
      for (const option of old.options) {
        if (!kept.has(option.id)) {
          summary.removedOptions.push({
            questionId: id,
            questionLabel: q.label,
            optionId: option.id,
            label: option.label,
          });
        }
      }
      // Options added, relabelled or reordered: worth a line, not a warning (no answer is lost).
      const surviving = old.options.filter((o) => kept.has(o.id));
      if (canonicalJson(surviving) !== canonicalJson(q.options)) other.add("options");
    }
    if (canonicalJson(without(old, ["label", "options"])) !== canonicalJson(without(q, ["label", "options"]))) {
      other.add("settings");
    }
  }
  if (published.title !== draft.title) other.add("title");
  if (published.intro !== draft.intro) other.add("intro");
  const sectionText = (d: SurveyDefinition) => canonicalJson(d.sections.map((s) => [s.id, s.title, s.description]));
  if (sectionText(published) !== sectionText(draft)) other.add("sections");
  const commonOrder = (d: SurveyDefinition) =>
    questionsOf(d)
      .map((q) => q.id)
      .filter((id) => before.has(id) && after.has(id));
  if (commonOrder(published).join() !== commonOrder(draft).join()) other.add("order");
  summary.other = [...other];
  // Anything else (a question moved to another section in the same order…) still says something.
  if (isEmptySummary(summary) && !sameDefinition(published, draft)) summary.other.push("sections");
  return summary;
}

/** True when publishing would change nothing a respondent sees. */
export function isEmptySummary(summary: ChangeSummary): boolean {
  return (
    summary.added.length + summary.removed.length + summary.reworded.length + summary.retyped.length === 0 &&
    summary.removedOptions.length === 0 &&
    summary.other.length === 0
  );
}
