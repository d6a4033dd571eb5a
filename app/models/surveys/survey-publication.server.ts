import { prisma } from "../core/db.server";
import { parseDefinition } from "./survey-definition";
import { publicationProblems, summarizeChanges, type ChangeSummary } from "./survey-publication";
import { draftStamp } from "./survey-version.server";

/**
 * The review before publishing an opened survey's pending design
 * (docs/decisions/014-survey-publication.md): what changes for respondents, how many answers
 * the removed questions and options hold, and what stops publication.
 */
export async function reviewSurveyDraft({ projectId, surveyId }: { projectId: string; surveyId: string }) {
  const row = await prisma.survey.findFirst({
    where: { id: surveyId, projectId },
    select: { draftDefinition: true, draftUpdatedAt: true, currentVersion: { select: { definition: true } } },
  });
  if (!row) return null;
  if (!row.draftDefinition || !row.currentVersion) return { pending: false as const };
  const draft = parseDefinition(row.draftDefinition);
  const summary = summarizeChanges(parseDefinition(row.currentVersion.definition), draft);
  await countAnswers(surveyId, summary);
  return {
    pending: true as const,
    stamp: draftStamp(row.draftDefinition),
    updatedAt: row.draftUpdatedAt,
    summary,
    problems: publicationProblems(draft),
  };
}

type Count = { k: string; v?: string | null; n: number | bigint };

/**
 * Fills `answers` on removed and retyped questions and removed options. One pass over this
 * survey's responses per query (index on surveyId), restricted to the questions concerned (at
 * most the survey's 200): no response is loaded into JavaScript. Answers to every version
 * count, since ids are stable across versions.
 */
async function countAnswers(surveyId: string, summary: ChangeSummary): Promise<void> {
  const questions = [...summary.removed, ...summary.retyped];
  const optionQuestions = [...new Set(summary.removedOptions.map((o) => o.questionId))];
  const list = (ids: string[]) => ids.map(() => "?").join(", ");
  const [perQuestion, perValue] = await Promise.all([
    questions.length
      ? prisma.$queryRawUnsafe<Count[]>(
          `SELECT q.key AS k, COUNT(*) AS n FROM SurveyResponse r, json_each(r.answers) q
           WHERE r.surveyId = ? AND q.key IN (${list(questions.map((q) => q.id))}) GROUP BY k`,
          surveyId,
          ...questions.map((q) => q.id),
        )
      : Promise.resolve([]),
    // A single choice is a string, a multiple choice an array of option ids: the second
    // json_each walks both (a scalar gives one row).
    optionQuestions.length
      ? prisma.$queryRawUnsafe<Count[]>(
          `SELECT q.key AS k, CAST(e.value AS TEXT) AS v, COUNT(*) AS n
           FROM SurveyResponse r, json_each(r.answers) q, json_each(r.answers, '$."' || q.key || '"') e
           WHERE r.surveyId = ? AND q.key IN (${list(optionQuestions)}) GROUP BY k, v`,
          surveyId,
          ...optionQuestions,
        )
      : Promise.resolve([]),
  ]);
  const byQuestion = new Map(perQuestion.map((c) => [c.k, Number(c.n)]));
  const byOption = new Map(perValue.map((c) => [`${c.k}\n${c.v}`, Number(c.n)]));
  for (const question of questions) question.answers = byQuestion.get(question.id) ?? 0;
  for (const option of summary.removedOptions) {
    option.answers = byOption.get(`${option.questionId}\n${option.optionId}`) ?? 0;
  }
}

export type DraftReview = NonNullable<Awaited<ReturnType<typeof reviewSurveyDraft>>>;
