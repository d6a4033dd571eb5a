import { prisma } from "../core/db.server";
import { lineUpQuestions } from "../surveys/survey-questions";
import { parseDefinition } from "../surveys/survey-definition";

/** What the evidence forms offer: the project's live codes, its surveys' questions with figures, its events. */
export async function evidenceChoices({ projectId }: { projectId: string }) {
  const [codes, surveys, events] = await Promise.all([
    prisma.tag.findMany({
      where: { projectId, retiredAt: null, mergedIntoId: null },
      select: { id: true, label: true },
      orderBy: { label: "asc" },
    }),
    prisma.survey.findMany({
      where: { projectId },
      select: {
        id: true,
        title: true,
        versions: { select: { number: true, definition: true }, orderBy: { number: "asc" } },
      },
      orderBy: { createdAt: "desc" },
    }),
    prisma.timelineEvent.findMany({
      where: { projectId },
      select: { eventId: true, title: true, startDay: true },
      orderBy: [{ startDay: "desc" }, { title: "asc" }],
    }),
  ]);
  const questions = surveys.flatMap((survey) => {
    const versions = survey.versions.map((v) => ({ number: v.number, definition: parseDefinition(v.definition) }));
    const title = survey.title || versions.at(-1)?.definition.title || "";
    // Free texts have no figures to keep: they are read on the results page.
    return lineUpQuestions(versions)
      .filter((q) => q.type !== "short_text" && q.type !== "long_text")
      .map((q) => ({ value: `${survey.id}:${q.id}`, label: `${title} — ${q.label}` }));
  });
  return { codes, questions, events };
}
