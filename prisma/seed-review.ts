/**
 * The demo's review loop (issue 15) on the Die project, played through the app's own model
 * functions so that versions, history and notifications come out as they would in use: one
 * finding under review with a history (submitted, changes requested with a comment, resubmitted:
 * the council sees what changed), one validated, one published. The third finding of
 * seed-findings.ts stays a draft of the team.
 */
import * as Y from "yjs";
import type { PrismaClient } from "../app/generated/prisma/client";
import type { FindingTransition } from "../app/models/core/vocabulary";
import { addEvidence } from "../app/models/findings/evidence.server";
import { writeFindingProjection } from "../app/models/findings/finding-document.server";
import { getProjectAccess } from "../app/models/projects/permissions.server";
import { transitionFinding } from "../app/models/review/transition.server";

type People = { researcherId: string; coordinatorId: string; reviewerId: string };

/** Reads a finding's document as the seed stores it (snapshots only: no server is running). */
function readerOf(prisma: PrismaClient) {
  return async (name: string) => {
    const row = await prisma.documentSnapshot.findUnique({ where: { docName: name }, select: { state: true } });
    return row ? new Uint8Array(row.state) : null;
  };
}

/** Appends a sentence to the statement's first paragraph, as an author revising it would. */
async function reviseStatement(prisma: PrismaClient, findingId: string, userId: string, addition: string) {
  const docName = `finding:${findingId}`;
  const stored = await prisma.documentSnapshot.findUniqueOrThrow({ where: { docName } });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stored.state);
  const paragraph = doc
    .getXmlFragment("default")
    .toArray()
    .find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === "paragraph");
  const text = paragraph?.get(0);
  if (text instanceof Y.XmlText) text.insert(text.length, addition);
  await prisma.documentSnapshot.update({
    where: { docName },
    data: { state: Buffer.from(Y.encodeStateAsUpdate(doc)) },
  });
  await writeFindingProjection(findingId, doc, { userId, at: new Date() });
  doc.destroy();
}

export async function seedDemoReview(
  prisma: PrismaClient,
  { projectId, people }: { projectId: string; people: People },
): Promise<void> {
  const readDocument = readerOf(prisma);
  const accessOf = async (userId: string) => (await getProjectAccess({ id: userId, siteRole: "member" }, projectId))!;
  const step = async (userId: string, findingId: string, transition: FindingTransition, comment = "") => {
    const now = await prisma.finding.findUniqueOrThrow({
      where: { id: findingId },
      select: { state: true, version: true },
    });
    const outcome = await transitionFinding({
      access: await accessOf(userId),
      userId,
      findingId,
      transition,
      from: now.state,
      version: now.version,
      comment,
      readDocument,
    });
    if (outcome.type !== "done") throw new Error(`demo review: ${transition} refused (${outcome.type})`);
  };
  // seed-findings.ts sets the stages directly; the review replays them from a draft.
  const staged = await prisma.finding.findMany({
    where: { projectId, state: { in: ["submitted", "validated"] } },
    select: { id: true, state: true, authorId: true },
    orderBy: { createdAt: "asc" },
  });
  await prisma.finding.updateMany({ where: { id: { in: staged.map((f) => f.id) } }, data: { state: "draft" } });
  const author = (f: { authorId: string | null }) => f.authorId ?? people.coordinatorId;

  const underReview = staged.find((f) => f.state === "submitted");
  if (underReview) {
    await step(author(underReview), underReview.id, "submit");
    await step(
      people.reviewerId,
      underReview.id,
      "request_changes",
      "Le besoin est bien montré, mais dites combien de personnes l'expriment et à quels horaires elles " +
        "pourraient venir : sans cela, on ne sait pas quel point de retrait proposer.",
    );
    await reviseStatement(
      prisma,
      underReview.id,
      author(underReview),
      " Sur 42 réponses à l'enquête, 17 personnes citent la sortie du travail, entre 17 h et 19 h.",
    );
    await addEvidence({
      projectId,
      findingId: underReview.id,
      userId: author(underReview),
      comment: "Horaires souhaités par les personnes interrogées.",
      input: { kind: "source", title: "Relevé des horaires souhaités (atelier du 12 mars)", url: null, reference: "" },
    });
    await step(author(underReview), underReview.id, "submit");
  }
  const validated = staged.find((f) => f.state === "validated");
  if (validated) {
    await step(author(validated), validated.id, "submit");
    await step(people.reviewerId, validated.id, "validate", "Les chiffres sont sourcés et les entretiens concordent.");
  }
  await seedPublishedFinding(prisma, { projectId, people, step });
}

/** A short finding taken through the whole loop: submitted, validated, published. */
async function seedPublishedFinding(
  prisma: PrismaClient,
  {
    projectId,
    people,
    step,
  }: {
    projectId: string;
    people: People;
    step: (userId: string, findingId: string, transition: FindingTransition, comment?: string) => Promise<void>;
  },
) {
  const { coordinatorId, reviewerId } = people;
  const finding = await prisma.finding.create({
    data: {
      projectId,
      authorId: coordinatorId,
      confidence: "medium",
      communes: { create: { code: "26113", name: "Die" } },
    },
    select: { id: true },
  });
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("default");
  const heading = new Y.XmlElement("heading");
  heading.setAttribute("level", 2 as unknown as string);
  heading.insert(0, [new Y.XmlText("Le marché du mardi est le premier lieu d'échange entre producteurs")]);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [
    new Y.XmlText(
      "Les producteurs s'y retrouvent chaque semaine : c'est là que se règlent les commandes groupées et " +
        "les remplacements, bien plus que par téléphone.",
    ),
  ]);
  fragment.insert(0, [heading, paragraph]);
  await prisma.documentSnapshot.create({
    data: { docName: `finding:${finding.id}`, state: Buffer.from(Y.encodeStateAsUpdate(doc)), lastUpdateId: 0 },
  });
  await writeFindingProjection(finding.id, doc, { userId: coordinatorId, at: new Date() });
  doc.destroy();
  await addEvidence({
    projectId,
    findingId: finding.id,
    userId: coordinatorId,
    comment: "Compte rendu partagé avec les producteurs.",
    input: { kind: "source", title: "Réunion des producteurs du marché de Die", url: null, reference: "" },
  });
  await step(coordinatorId, finding.id, "submit");
  await step(reviewerId, finding.id, "validate", "Constat solide, à partager avec les autres territoires.");
  await step(coordinatorId, finding.id, "publish");
}
