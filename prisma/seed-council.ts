/**
 * The demo council (issue 15 §3): an open saisine, due in about ten days, on the finding under
 * review, and an adopted avis, with its votes and its text, covering the validated finding. Run
 * after the review seed; the council reviewer (conseil@demo.maillage.fr) lands on this work.
 */
import * as Y from "yjs";
import type { PrismaClient } from "../app/generated/prisma/client";
import { avisTextOf, serializeAvisText } from "../app/models/council/avis-text";

const DAY_MS = 24 * 60 * 60 * 1000;

const AVIS_BLOCKS: [string, string][] = [
  ["heading", "Avis du conseil sur le marché de producteurs"],
  [
    "paragraph",
    "Le conseil de développement partage le constat : le marché du samedi fait venir à Die des habitants des villages voisins, qui y font aussi leurs autres courses.",
  ],
  [
    "paragraph",
    "Il recommande de garder le marché le samedi matin et de prévoir une navette depuis les hameaux les jours de marché.",
  ],
];

function avisDocument(blocks: [string, string][]): Y.Doc {
  const doc = new Y.Doc();
  doc.getXmlFragment("default").insert(
    0,
    blocks.map(([type, text]) => {
      const element = new Y.XmlElement(type);
      if (type === "heading") (element as Y.XmlElement<{ level: number }>).setAttribute("level", 2);
      element.insert(0, [new Y.XmlText(text)]);
      return element;
    }),
  );
  return doc;
}

const dayFromNow = (days: number, now: Date) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + days * DAY_MS);

export async function seedDemoCouncil(
  prisma: PrismaClient,
  { projectId, coordinatorId, reviewerId }: { projectId: string; coordinatorId: string; reviewerId: string },
  now = new Date(),
): Promise<void> {
  const underReview = await prisma.finding.findFirst({
    where: { projectId, state: { in: ["submitted", "changes_requested"] } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  const validated = await prisma.finding.findFirst({
    where: { projectId, state: { in: ["validated", "published"] } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  await prisma.saisine.create({
    data: {
      projectId,
      origin: "referral",
      question:
        "Faut-il développer une vente en ligne des producteurs locaux, et comment ne pas laisser de côté les habitants des hameaux ?",
      dueOn: dayFromNow(10, now),
      openedById: coordinatorId,
      findings: { create: underReview ? [{ findingId: underReview.id }] : [] },
    },
  });
  const doc = avisDocument(AVIS_BLOCKS);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const text = avisTextOf(state);
  const adopted = await prisma.saisine.create({
    data: {
      projectId,
      origin: "referral",
      question: "Le marché de producteurs doit-il rester le samedi matin ?",
      dueOn: dayFromNow(-5, now),
      openedById: coordinatorId,
      state: "adopted",
      title: text.title,
      excerpt: text.paragraphs.join(" ").slice(0, 280),
      lastEditorId: reviewerId,
      lastEditedAt: new Date(now.getTime() - 7 * DAY_MS),
      adoptedAt: new Date(now.getTime() - 6 * DAY_MS),
      adoptedById: reviewerId,
      adoptedText: serializeAvisText(text),
      votesFor: 14,
      votesAgainst: 2,
      votesAbstain: 3,
      findings: { create: validated ? [{ findingId: validated.id }] : [] },
    },
    select: { id: true },
  });
  await prisma.documentSnapshot.create({
    data: { docName: `avis:${adopted.id}`, state: Buffer.from(state), lastUpdateId: 0 },
  });
}
