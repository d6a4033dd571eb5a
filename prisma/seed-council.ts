/**
 * The demo council (issue 15 §3): an open saisine, due in about ten days, on the finding under
 * review, and an adopted avis, with its votes and its text, covering the validated finding. Run
 * after the review seed; the council reviewer (conseil@demo.maillage.fr) lands on this work.
 */
import * as Y from "yjs";
import type { PrismaClient } from "../app/generated/prisma/client";
import { adoptAvis } from "../app/models/council/avis-actions.server";
import { avisTextOf } from "../app/models/council/avis-text";
import { openSaisine } from "../app/models/council/saisine.server";
import { getProjectAccess } from "../app/models/projects/permissions.server";

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
  // Through the model functions, as members would: the council hears of both saisines and
  // every member of the adoption (the demo's notifications show each kind).
  const coordinator = (await getProjectAccess({ id: coordinatorId, siteRole: "member" }, projectId))!;
  const opened = await openSaisine({
    access: coordinator,
    userId: coordinatorId,
    origin: "referral",
    question:
      "Faut-il développer une vente en ligne des producteurs locaux, et comment ne pas laisser de côté les habitants des hameaux ?",
    dueOn: dayFromNow(10, now),
    findingIds: underReview ? [underReview.id] : [],
  });
  if (!opened.ok) throw new Error(`demo council: the open saisine was refused (${opened.reason})`);
  const answered = await openSaisine({
    access: coordinator,
    userId: coordinatorId,
    origin: "referral",
    question: "Le marché de producteurs doit-il rester le samedi matin ?",
    dueOn: dayFromNow(-5, now),
    findingIds: validated ? [validated.id] : [],
  });
  if (!answered.ok) throw new Error(`demo council: the answered saisine was refused (${answered.reason})`);
  const doc = avisDocument(AVIS_BLOCKS);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  await prisma.documentSnapshot.create({
    data: { docName: `avis:${answered.id}`, state: Buffer.from(state), lastUpdateId: 0 },
  });
  const text = avisTextOf(state);
  await prisma.saisine.update({
    where: { id: answered.id },
    data: {
      title: text.title,
      excerpt: text.paragraphs.join(" ").slice(0, 280),
      lastEditorId: reviewerId,
      lastEditedAt: new Date(now.getTime() - 7 * DAY_MS),
    },
  });
  const adopted = await adoptAvis({
    projectId,
    saisineId: answered.id,
    userId: reviewerId,
    votes: { votesFor: 14, votesAgainst: 2, votesAbstain: 3 },
    readDocument: async () => state,
    now: new Date(now.getTime() - 6 * DAY_MS),
  });
  if (adopted !== "done") throw new Error(`demo council: adoption refused (${adopted})`);
}
