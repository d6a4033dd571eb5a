import crypto from "node:crypto";
import { prisma, type Prisma } from "../core/db.server";
import { parseDefinition, questionsOf, type SurveyDefinition } from "./survey-definition";
import { publicationProblems, type PublicationProblem } from "./survey-publication";
import type { Phase, SurveyStatus } from "../core/vocabulary";

/**
 * Surveys as workflow data: creation, the project's list, status. The design itself lives in
 * the survey's Y.Doc and reaches SQL through the collaboration server's projection
 * (survey-version.server.ts).
 */

/** 32 random bytes: the public answer link cannot be guessed or enumerated. */
export function newPublicToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export async function createSurvey({ projectId, createdById }: { projectId: string; createdById: string }) {
  // The survey belongs to the cycle and phase the project is in when it is started.
  const project = await prisma.project.findUnique({
    where: { id: projectId },
    select: { phase: true, cycles: { select: { id: true }, orderBy: { number: "desc" }, take: 1 } },
  });
  return prisma.survey.create({
    data: {
      projectId,
      createdById,
      status: "draft",
      publicToken: newPublicToken(),
      cycleId: project?.cycles[0]?.id ?? null,
      phase: project?.phase ?? null,
    },
    select: { id: true },
  });
}

const surveyCardSelect = {
  id: true,
  title: true,
  status: true,
  questionCount: true,
  createdAt: true,
  updatedAt: true,
  openedAt: true,
  closedAt: true,
  /** Set while an opened survey has design changes not yet published (decision 014). */
  draftUpdatedAt: true,
  createdBy: { select: { id: true, name: true } },
  cycleId: true,
  phase: true,
  cycle: { select: { number: true } },
  _count: { select: { responses: true } },
} as const satisfies Prisma.SurveySelect;

type SurveyRow = Prisma.SurveyGetPayload<{ select: typeof surveyCardSelect }>;

function toCard({ _count, status, ...survey }: SurveyRow) {
  return { ...survey, status: status as SurveyStatus, responseCount: _count.responses };
}

export type SurveyFilters = { cycleId: string | null; phase: Phase | null };

/** The project's surveys, newest first, optionally those of one cycle and/or phase. */
export async function listSurveys({
  projectId,
  filters = { cycleId: null, phase: null },
}: {
  projectId: string;
  filters?: SurveyFilters;
}) {
  const rows = await prisma.survey.findMany({
    where: {
      projectId,
      ...(filters.cycleId ? { cycleId: filters.cycleId } : {}),
      ...(filters.phase ? { phase: filters.phase } : {}),
    },
    select: surveyCardSelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return rows.map(toCard);
}

/** A survey of this project, or null: an id from another project is as unknown as a made-up one. */
export async function getSurvey({ projectId, surveyId }: { projectId: string; surveyId: string }) {
  const row = await prisma.survey.findFirst({
    where: { id: surveyId, projectId },
    select: surveyCardSelect,
  });
  return row ? toCard(row) : null;
}

/**
 * Where the survey sits in the action-research cycle. The cycle must be one of the project's
 * (the caller validates with `cyclePhaseSchema`); false when the survey is not this project's.
 */
export async function setSurveyCyclePhase({
  projectId,
  surveyId,
  cycleId,
  phase,
}: {
  projectId: string;
  surveyId: string;
  cycleId: string | null;
  phase: Phase | null;
}): Promise<boolean> {
  const { count } = await prisma.survey.updateMany({ where: { id: surveyId, projectId }, data: { cycleId, phase } });
  return count === 1;
}

/** Which status each status may move to: open it, close it, reopen it. Never back to draft. */
export const STATUS_TRANSITIONS: Record<SurveyStatus, SurveyStatus[]> = {
  draft: ["open"],
  open: ["closed"],
  closed: ["open"],
};

export type StatusOutcome =
  | { ok: true; status: SurveyStatus }
  | { ok: false; reason: "not_found" | "not_allowed" | "stale" | "no_question" }
  | { ok: false; reason: "unpublishable"; problems: PublicationProblem[] };

/**
 * Opening a draft publishes its design: the same rules as publishing later changes (decision
 * 014). No labelled question at all keeps its own message; an untitled question or an empty
 * choice list among labelled ones is listed.
 */
function openingProblems(definition: string | undefined): "no_question" | PublicationProblem[] {
  let parsed: SurveyDefinition;
  try {
    if (!definition) return "no_question";
    parsed = parseDefinition(definition);
  } catch {
    return "no_question";
  }
  if (!questionsOf(parsed).some((q) => q.label.trim().length > 0)) return "no_question";
  return publicationProblems(parsed);
}

/**
 * Moves a survey from `from` to `to`. The update is conditional on the status the person saw,
 * so two people clicking at once (or a stale page) never skip a state: the second one is told
 * the status already changed.
 */
export async function changeSurveyStatus({
  projectId,
  surveyId,
  from,
  to,
  now = new Date(),
}: {
  projectId: string;
  surveyId: string;
  from: SurveyStatus;
  to: SurveyStatus;
  now?: Date;
}): Promise<StatusOutcome> {
  return prisma.$transaction(async (tx) => {
    const survey = await tx.survey.findFirst({
      where: { id: surveyId, projectId },
      select: { status: true, openedAt: true, currentVersion: { select: { definition: true } } },
    });
    if (!survey) return { ok: false, reason: "not_found" };
    if (survey.status !== from) return { ok: false, reason: "stale" };
    if (!STATUS_TRANSITIONS[from].includes(to)) return { ok: false, reason: "not_allowed" };
    if (to === "open" && from === "draft") {
      const problems = openingProblems(survey.currentVersion?.definition);
      if (problems === "no_question") return { ok: false, reason: "no_question" };
      if (problems.length > 0) return { ok: false, reason: "unpublishable", problems };
    }
    // First opening is kept when a closed survey reopens; closing again moves closedAt.
    const dates = to === "open" ? { openedAt: survey.openedAt ?? now, closedAt: null } : { closedAt: now };
    const { count } = await tx.survey.updateMany({
      where: { id: surveyId, projectId, status: from },
      data: { status: to, ...dates },
    });
    return count === 1 ? { ok: true, status: to } : { ok: false, reason: "stale" };
  });
}

/**
 * Deletes a draft that nobody answered. Anything else (opened once, or with responses entered
 * in the field) is kept: close it instead. Its design document is removed by the caller
 * through the collaboration server (`context.documents.removeDocument`), the only writer of
 * the update log.
 */
export async function deleteDraftSurvey({ projectId, surveyId }: { projectId: string; surveyId: string }) {
  const { count } = await prisma.survey.deleteMany({
    where: { id: surveyId, projectId, status: "draft", openedAt: null, responses: { none: {} } },
  });
  return count === 1;
}

/**
 * What the design page needs: the last projected design (shown while the live designer loads,
 * and without JavaScript) and, once the survey is opened, the published one it is compared to.
 */
export async function getSurveyDesign({ projectId, surveyId }: { projectId: string; surveyId: string }) {
  const row = await prisma.survey.findFirst({
    where: { id: surveyId, projectId },
    select: {
      id: true,
      status: true,
      draftDefinition: true,
      currentVersion: { select: { definition: true } },
      _count: { select: { responses: true } },
    },
  });
  if (!row) return null;
  // A row that breaks the contract only costs the loading preview; the live designer reads the document.
  const read = (json: string | null | undefined) => {
    try {
      return json ? parseDefinition(json) : null;
    } catch {
      return null;
    }
  };
  const published = read(row.currentVersion?.definition);
  return {
    id: row.id,
    definition: read(row.draftDefinition) ?? published,
    published: row.status === "draft" ? null : published,
    hasDraft: row.draftDefinition !== null,
    responseCount: row._count.responses,
  };
}
