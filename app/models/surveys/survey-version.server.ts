import { prisma } from "../core/db.server";
import { questionsOf, type SurveyDefinition } from "./survey-definition";

/**
 * Where a survey's design lands in SQL (docs/decisions/008-survey-design-and-versions.md):
 * - no version yet: version 1;
 * - the current version has no responses: it is rewritten (a draft being designed, or an open
 *   survey nobody answered yet, does not pile up versions);
 * - it has responses and the design changed: version n+1 becomes current, and the answered
 *   version keeps the definition its responses were given against.
 */
export type SaveOutcome = "missing" | "created" | "rewritten" | "versioned" | "unchanged";

/** JSON with object keys sorted, so that two equal definitions give the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

function sameDefinition(stored: string, canonical: string): boolean {
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
        title: true,
        questionCount: true,
        currentVersion: { select: { id: true, number: true, definition: true } },
      },
    });
    if (!survey) return "missing";
    const current = survey.currentVersion;
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
    if (sameDefinition(current.definition, json)) {
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
