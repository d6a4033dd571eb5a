import { prisma } from "../core/db.server";
import { parseDefinition, type SurveyDefinition } from "./survey-definition";
import type { Answers } from "./survey-answers";
import type { SurveyStatus } from "../core/vocabulary";

/** A survey as its public link sees it: nothing about the project beyond the questionnaire. */
export async function getSurveyByToken(token: string) {
  // Tokens are base64url; anything else cannot match and skips the query.
  if (!/^[A-Za-z0-9_-]{8,100}$/.test(token)) return null;
  const survey = await prisma.survey.findUnique({
    where: { publicToken: token },
    select: { id: true, status: true, title: true, currentVersion: { select: { id: true, definition: true } } },
  });
  if (!survey) return null;
  return {
    id: survey.id,
    status: survey.status as SurveyStatus,
    title: survey.title,
    current: survey.currentVersion
      ? { id: survey.currentVersion.id, definition: parseDefinition(survey.currentVersion.definition) }
      : null,
  };
}

/** A survey of the project, for members' pages (collection, results, exports). */
export async function getProjectSurvey({ projectId, surveyId }: { projectId: string; surveyId: string }) {
  const survey = await prisma.survey.findFirst({
    where: { id: surveyId, projectId },
    select: {
      id: true,
      title: true,
      status: true,
      publicToken: true,
      currentVersionId: true,
      versions: { select: { id: true, number: true, definition: true, createdAt: true }, orderBy: { number: "asc" } },
    },
  });
  if (!survey) return null;
  return {
    ...survey,
    status: survey.status as SurveyStatus,
    versions: survey.versions.map((v) => ({ ...v, definition: parseDefinition(v.definition) })),
  };
}

/**
 * The definition a form was rendered with, when that version belongs to this survey. A form
 * shown before the questions changed is still checked and stored against its own version.
 */
export async function getSurveyVersion({
  surveyId,
  versionId,
}: {
  surveyId: string;
  versionId: string;
}): Promise<{ id: string; definition: SurveyDefinition } | null> {
  if (!versionId || versionId.length > 64) return null;
  const version = await prisma.surveyVersion.findFirst({
    where: { id: versionId, surveyId },
    select: { id: true, definition: true },
  });
  return version ? { id: version.id, definition: parseDefinition(version.definition) } : null;
}

/** A UUID made by the form when it was shown (crypto.randomUUID in the page or the server). */
export function isSubmissionKey(value: string): boolean {
  return /^[A-Za-z0-9-]{16,64}$/.test(value);
}

/**
 * Stores one response. The same submission key again (a double click, an offline queue sent
 * twice) stores nothing and reports "duplicate": the caller answers as if it had just worked.
 */
export async function recordResponse(input: {
  surveyId: string;
  versionId: string;
  submissionKey: string;
  channel: "public" | "field";
  enteredById: string | null;
  answers: Answers;
  communeCode: string | null;
}): Promise<"created" | "duplicate"> {
  try {
    await prisma.surveyResponse.create({
      data: { ...input, answers: JSON.stringify(input.answers) },
      select: { id: true },
    });
    return "created";
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return "duplicate";
    throw error;
  }
}
