import crypto from "node:crypto";
import { prisma } from "../core/db.server";
import { parseDefinition, questionsOf, type SurveyDefinition } from "./survey-definition";
import { canonicalJson, publicationProblems, type PublicationProblem } from "./survey-publication";

export { canonicalJson };

/**
 * Where a survey's design lands in SQL (docs/decisions/008-survey-design-and-versions.md and
 * 014-survey-publication.md):
 * - the survey has been opened: the design is a pending draft (`Survey.draftDefinition`);
 *   respondents keep the published version until `publishSurveyDraft`;
 * - no version yet: version 1;
 * - the current version has no responses: it is rewritten (a draft being designed, or an open
 *   survey nobody answered yet, does not pile up versions);
 * - it has responses and the design changed: version n+1 becomes current, and the answered
 *   version keeps the definition its responses were given against.
 */
export type SaveOutcome = "missing" | "created" | "rewritten" | "versioned" | "unchanged" | "drafted";

function sameStored(stored: string, canonical: string): boolean {
  if (stored === canonical) return true;
  try {
    return canonicalJson(JSON.parse(stored)) === canonical;
  } catch {
    return false;
  }
}

// The collaboration server may flush a survey again while a write is under way (a debounce
// that fires during the previous one): writes for one survey run one after the other, so two
// of them never both create version n+1.
const queues = new Map<string, Promise<unknown>>();

function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(task);
  queues.set(key, next);
  void next
    .catch(() => undefined)
    .finally(() => {
      if (queues.get(key) === next) queues.delete(key);
    });
  return next;
}

/** Writes a definition already validated against the contract (surveyDefinitionSchema). */
export function saveSurveyDefinition({
  surveyId,
  definition,
}: {
  surveyId: string;
  definition: SurveyDefinition;
}): Promise<SaveOutcome> {
  return oneAtATime(surveyId, () => save(surveyId, definition));
}

async function save(surveyId: string, definition: SurveyDefinition): Promise<SaveOutcome> {
  const json = canonicalJson(definition);
  const summary = { title: definition.title, questionCount: questionsOf(definition).length };
  return prisma.$transaction(async (tx) => {
    const survey = await tx.survey.findUnique({
      where: { id: surveyId },
      select: {
        status: true,
        title: true,
        questionCount: true,
        draftDefinition: true,
        currentVersion: { select: { id: true, number: true, definition: true } },
      },
    });
    if (!survey) return "missing";
    const current = survey.currentVersion;
    // Once opened (a survey never goes back to draft), people may be answering: the change
    // waits for publication. Title and question count stay the published ones too.
    if (survey.status !== "draft" && current) {
      if (sameStored(current.definition, json)) {
        if (survey.draftDefinition === null) return "unchanged";
        await tx.survey.update({ where: { id: surveyId }, data: { draftDefinition: null, draftUpdatedAt: null } });
        return "unchanged";
      }
      if (survey.draftDefinition === json) return "unchanged";
      await tx.survey.update({ where: { id: surveyId }, data: { draftDefinition: json, draftUpdatedAt: new Date() } });
      return "drafted";
    }
    const createVersion = async (number: number) => {
      const version = await tx.surveyVersion.create({
        data: { surveyId, number, definition: json },
        select: { id: true },
      });
      await tx.survey.update({ where: { id: surveyId }, data: { ...summary, currentVersionId: version.id } });
    };
    if (!current) {
      // A version may exist without being current (the current one was deleted): follow on from it.
      const last = await tx.surveyVersion.findFirst({
        where: { surveyId },
        orderBy: { number: "desc" },
        select: { number: true },
      });
      await createVersion((last?.number ?? 0) + 1);
      return "created";
    }
    if (sameStored(current.definition, json)) {
      if (survey.title !== summary.title || survey.questionCount !== summary.questionCount) {
        await tx.survey.update({ where: { id: surveyId }, data: summary });
      }
      return "unchanged";
    }
    // Conditional in the statement itself: a response stored since the read above wins.
    const { count } = await tx.surveyVersion.updateMany({
      where: { id: current.id, responses: { none: {} } },
      data: { definition: json },
    });
    if (count === 1) {
      await tx.survey.update({ where: { id: surveyId }, data: summary });
      return "rewritten";
    }
    await createVersion(current.number + 1);
    return "versioned";
  });
}

/** A short fingerprint of a pending draft: publishing confirms the very draft the person reviewed. */
export function draftStamp(draftJson: string): string {
  return crypto.createHash("sha256").update(draftJson).digest("base64url").slice(0, 22);
}

export type PublishOutcome =
  | { ok: true; versionNumber: number }
  | { ok: false; reason: "not_found" | "nothing" | "stale" }
  | { ok: false; reason: "blocked"; problems: PublicationProblem[] };

/**
 * Turns an opened survey's pending draft into what respondents answer, in one transaction:
 * the current version is rewritten if nobody answered it yet, otherwise the draft becomes
 * version n+1 (decision 008: an answered version is never rewritten). `stamp` is the draft the
 * person reviewed: if someone changed the design since, nothing is published ("stale").
 */
export function publishSurveyDraft({
  projectId,
  surveyId,
  stamp,
}: {
  projectId: string;
  surveyId: string;
  stamp: string;
}): Promise<PublishOutcome> {
  // Same queue as the projection: a flush never interleaves with a publication.
  return oneAtATime(surveyId, () => publish(projectId, surveyId, stamp));
}

async function publish(projectId: string, surveyId: string, stamp: string): Promise<PublishOutcome> {
  return prisma.$transaction(async (tx) => {
    const survey = await tx.survey.findFirst({
      where: { id: surveyId, projectId },
      select: { draftDefinition: true, currentVersion: { select: { id: true, number: true } } },
    });
    if (!survey) return { ok: false, reason: "not_found" };
    const { draftDefinition: json, currentVersion: current } = survey;
    if (!json || !current) return { ok: false, reason: "nothing" };
    if (draftStamp(json) !== stamp) return { ok: false, reason: "stale" };
    const definition = parseDefinition(json);
    const problems = publicationProblems(definition);
    if (problems.length > 0) return { ok: false, reason: "blocked", problems };
    let version = current;
    const { count } = await tx.surveyVersion.updateMany({
      where: { id: current.id, responses: { none: {} } },
      data: { definition: json },
    });
    if (count === 0) {
      version = await tx.surveyVersion.create({
        data: { surveyId, number: current.number + 1, definition: json },
        select: { id: true, number: true },
      });
    }
    await tx.survey.update({
      where: { id: surveyId },
      data: {
        title: definition.title,
        questionCount: questionsOf(definition).length,
        currentVersionId: version.id,
        draftDefinition: null,
        draftUpdatedAt: null,
      },
    });
    return { ok: true, versionNumber: version.number };
  });
}
