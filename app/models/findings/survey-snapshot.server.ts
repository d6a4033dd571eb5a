import type { SurveyFilter } from "~/utils/survey-filter";
import { lineUpQuestions } from "../surveys/survey-questions";
import { getProjectSurvey } from "../surveys/survey-responses.server";
import { surveyResults, type QuestionResult } from "../surveys/survey-results.server";
import type { SurveyFigures, SurveySnapshot } from "./evidence-view";

function figuresOf(result: QuestionResult): SurveyFigures {
  return {
    answered: result.answered,
    counts: "counts" in result ? result.counts.map(({ value, label, count }) => ({ value, label, count })) : [],
    mean: "mean" in result ? result.mean : null,
    median: "median" in result ? result.median : null,
    min: "min" in result ? result.min : null,
    max: "max" in result ? result.max : null,
    earliest: "earliest" in result ? result.earliest : null,
    latest: "latest" in result ? result.latest : null,
  };
}

/**
 * The question's figures now, with the survey results model and the same filter as the results
 * page; null when the survey is not this project's or has no such question.
 */
export async function surveyQuestionFigures({
  projectId,
  surveyId,
  questionId,
  filter,
}: {
  projectId: string;
  surveyId: string;
  questionId: string;
  filter: SurveyFilter;
}): Promise<Omit<SurveySnapshot, "takenAt"> | null> {
  const survey = await getProjectSurvey({ projectId, surveyId });
  if (!survey) return null;
  const question = lineUpQuestions(survey.versions).find((q) => q.id === questionId);
  if (!question) return null;
  const results = await surveyResults({ surveyId: survey.id, questions: [question], filter });
  const result = results.questions[0]!;
  return {
    surveyTitle: survey.title || survey.versions.at(-1)?.definition.title || "",
    questionLabel: question.label,
    questionKind: result.kind,
    total: results.total,
    figures: figuresOf(result),
    filter,
  };
}

export function parseSnapshot(json: string | null): SurveySnapshot | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as SurveySnapshot;
  } catch {
    return null;
  }
}

/** Whether the live figures are not those that were cited. */
export function figuresDiffer(a: SurveyFigures, b: SurveyFigures): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}

/** The results page's address for the snapshot's filter. */
export function resultsHref(projectId: string, surveyId: string, filter: SurveyFilter): string {
  const query = new URLSearchParams();
  if (filter.from) query.set("from", filter.from);
  if (filter.to) query.set("to", filter.to);
  if (filter.commune) query.set("commune", filter.commune);
  const search = query.toString();
  return `/projects/${projectId}/surveys/${surveyId}/results${search ? `?${search}` : ""}`;
}
