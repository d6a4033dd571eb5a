import { prisma } from "../core/db.server";
import { notify } from "../notifications/notify.server";
import { avisTextOf, serializeAvisText } from "./avis-text";
import { memberIds, saisineHref } from "./saisine.server";

export type ReadDocument = (name: string) => Promise<Uint8Array | null>;
export type Votes = { votesFor: number | null; votesAgainst: number | null; votesAbstain: number | null };
export type AvisOutcome = "done" | "not_found" | "wrong_state";

/**
 * Adopts the avis: drafting → adopted in one guarded update (a replayed or concurrent adoption
 * finds it adopted and changes nothing), with the day, the votes and the text as adopted, and
 * tells the project's members. The text is read from the document as stored (the room's copy
 * when open); the document itself becomes read-only through its stage (avis-rights.ts).
 */
export async function adoptAvis({
  projectId,
  saisineId,
  userId,
  votes,
  readDocument,
  now = new Date(),
}: {
  projectId: string;
  saisineId: string;
  userId: string;
  votes: Votes;
  readDocument: ReadDocument;
  now?: Date;
}): Promise<AvisOutcome> {
  const saisine = await prisma.saisine.findFirst({
    where: { id: saisineId, projectId },
    select: { state: true, question: true },
  });
  if (!saisine) return "not_found";
  if (saisine.state !== "drafting") return "wrong_state";
  const text = avisTextOf(await readDocument(`avis:${saisineId}`));
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.saisine.updateMany({
      where: { id: saisineId, projectId, state: "drafting" },
      data: {
        state: "adopted",
        adoptedAt: now,
        adoptedById: userId,
        adoptedText: serializeAvisText(text),
        ...(text.title ? { title: text.title } : {}),
        ...votes,
      },
    });
    if (count !== 1) return "wrong_state";
    await notify(tx, {
      type: "avis_adopted",
      projectId,
      actorId: userId,
      href: saisineHref(projectId, saisineId),
      subject: text.title || saisine.question,
      recipients: await memberIds(tx, projectId),
    });
    return "done";
  });
}

/** Marks an adopted avis transmitted (adopted → transmitted), once. */
export async function transmitAvis({
  projectId,
  saisineId,
  userId,
  now = new Date(),
}: {
  projectId: string;
  saisineId: string;
  userId: string;
  now?: Date;
}): Promise<AvisOutcome> {
  const exists = await prisma.saisine.count({ where: { id: saisineId, projectId } });
  if (!exists) return "not_found";
  const { count } = await prisma.saisine.updateMany({
    where: { id: saisineId, projectId, state: "adopted" },
    data: { state: "transmitted", transmittedAt: now, transmittedById: userId },
  });
  return count === 1 ? "done" : "wrong_state";
}
