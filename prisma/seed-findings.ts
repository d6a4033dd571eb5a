/**
 * The demo findings of the Die project (issue 14): three findings at different stages cite a
 * quote, a code, a survey question, an event and an outside source, so a newcomer sees the
 * whole loop from field note to finding (the codes and passages come from seed-coding.ts).
 */
import * as Y from "yjs";
import type { PrismaClient } from "../app/generated/prisma/client";
import { addEvidence, type NewEvidence } from "../app/models/findings/evidence.server";
import { writeFindingProjection } from "../app/models/findings/finding-document.server";
import { anchorAtOffsets, encodeAnchor } from "../app/models/findings/note-anchor";
import { flattenRichText } from "../app/models/notes/note-flat-text";

/** A quote's evidence fields for the first note that holds `text`: the anchor as the editor would make it. */
export async function quoteOf(prisma: PrismaClient, projectId: string, text: string) {
  const notes = await prisma.note.findMany({ where: { projectId, deletedAt: null }, select: { id: true } });
  for (const note of notes) {
    const stored = await prisma.documentSnapshot.findUnique({ where: { docName: `note:${note.id}` } });
    if (!stored) continue;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.state);
    const flat = flattenRichText(doc.getXmlFragment("default"));
    const start = flat.text.indexOf(text);
    const anchor = start === -1 ? null : anchorAtOffsets(flat, start, start + text.length);
    doc.destroy();
    if (anchor) {
      return { noteId: note.id, quote: text, currentText: text, anchor: Buffer.from(encodeAnchor(anchor)) };
    }
  }
  throw new Error(`demo quote not found in any note: ${text}`);
}

type DemoFinding = {
  blocks: [type: "heading" | "paragraph", text: string][];
  state: "draft" | "submitted" | "validated";
  confidence: "low" | "medium" | "high";
  rationale: string;
  sectors: string[];
  phase: string;
  quotes: { text: string; comment: string }[];
  codes: { label: string; comment: string }[];
  survey?: { question: string; comment: string };
  event?: { title: string; comment: string };
  source?: { title: string; url: string | null; reference: string; comment: string };
};

const FINDINGS: DemoFinding[] = [
  {
    blocks: [
      ["heading", "Les actifs ont besoin d'un point de retrait des commandes en semaine"],
      [
        "paragraph",
        "Le marché du samedi ne suffit pas aux personnes qui travaillent hors du Diois : producteurs et habitants demandent un lieu où retirer des commandes en semaine.",
      ],
    ],
    state: "submitted",
    confidence: "medium",
    rationale: "Dit par des producteurs et confirmé par l'enquête, mais sur un seul marché.",
    sectors: ["agriculture", "commerce"],
    phase: "diagnosis",
    quotes: [
      {
        text: "Trois producteurs demandent un point de retrait en semaine pour les actifs qui travaillent à Valence.",
        comment: "La demande vient des producteurs eux-mêmes.",
      },
    ],
    codes: [{ label: "Logistique", comment: "Tous les passages sur les retraits et les tournées." }],
    survey: {
      question: "Comment aimeriez-vous commander chez les producteurs ?",
      comment: "Une part des habitants veut commander pour la semaine suivante.",
    },
    event: {
      title: "Entretiens avec les producteurs du marché",
      comment: "Le besoin est apparu pendant ces entretiens.",
    },
  },
  {
    blocks: [
      ["heading", "Les plateformes de vente prélèvent une part qui quitte le territoire"],
      [
        "paragraph",
        "La coopérative paie 18 % de commission à un site de vente extérieur ; un outil partagé porté par l'intercommunalité garderait cette valeur sur place.",
      ],
    ],
    state: "validated",
    confidence: "high",
    rationale: "Chiffre donné par la coopérative et cohérent avec les études nationales.",
    sectors: ["agriculture", "commerce"],
    phase: "diagnosis",
    quotes: [
      {
        text: "Le site de vente en ligne actuel prend 18 % de commission.",
        comment: "Le coût de la plateforme, chiffré.",
      },
    ],
    codes: [{ label: "Plateformes", comment: "Ce que les acteurs disent des plateformes." }],
    source: {
      title: "Les circuits courts alimentaires et le numérique",
      url: "https://www.economie.gouv.fr/",
      reference: "",
      comment: "Ordres de grandeur des commissions au niveau national.",
    },
  },
  {
    blocks: [
      ["heading", "Commander par téléphone reste indispensable dans les hameaux"],
      [
        "paragraph",
        "Un outil de commande en ligne doit garder une porte d'entrée par téléphone pour les personnes âgées des hameaux.",
      ],
    ],
    state: "draft",
    confidence: "low",
    rationale: "Un seul atelier à ce stade ; à vérifier avec l'enquête.",
    sectors: ["public_services"],
    phase: "diagnosis",
    quotes: [
      {
        text: "Les personnes âgées des hameaux veulent commander par téléphone plutôt que sur une appli.",
        comment: "Dit au centre social, par les personnes concernées.",
      },
    ],
    codes: [{ label: "Inclusion numérique", comment: "Les obstacles et les alternatives au numérique." }],
  },
];

function findingDocument(blocks: DemoFinding["blocks"]): Y.Doc {
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

export async function seedDemoFindings(
  prisma: PrismaClient,
  {
    projectId,
    authorIds,
    codeIds,
    surveyId,
  }: { projectId: string; authorIds: string[]; codeIds: Map<string, string>; surveyId: string },
): Promise<void> {
  const cycle = await prisma.projectCycle.findFirst({ where: { projectId }, orderBy: { number: "desc" } });
  const questions = await surveyQuestions(prisma, surveyId);
  for (const [index, demo] of FINDINGS.entries()) {
    const authorId = authorIds[index % authorIds.length]!;
    const finding = await prisma.finding.create({
      data: {
        projectId,
        authorId,
        state: demo.state,
        confidence: demo.confidence,
        confidenceRationale: demo.rationale,
        sectors: JSON.stringify(demo.sectors),
        cycleId: cycle?.id ?? null,
        phase: demo.phase,
        communes: { create: { code: "26113", name: "Die" } },
      },
      select: { id: true },
    });
    const doc = findingDocument(demo.blocks);
    await prisma.documentSnapshot.create({
      data: { docName: `finding:${finding.id}`, state: Buffer.from(Y.encodeStateAsUpdate(doc)), lastUpdateId: 0 },
    });
    await writeFindingProjection(finding.id, doc, { userId: authorId, at: new Date() });
    doc.destroy();
    const add = (comment: string, input: NewEvidence) =>
      addEvidence({ projectId, findingId: finding.id, userId: authorId, comment, input });
    let position = 0;
    for (const quote of demo.quotes) {
      await prisma.evidence.create({
        data: {
          findingId: finding.id,
          projectId,
          kind: "quote",
          comment: quote.comment,
          position: position++,
          createdById: authorId,
          ...(await quoteOf(prisma, projectId, quote.text)),
        },
      });
    }
    for (const code of demo.codes) await add(code.comment, { kind: "code", codeId: codeIds.get(code.label)! });
    if (demo.survey) {
      const questionId = questions.get(demo.survey.question);
      if (!questionId) throw new Error(`demo survey question missing: ${demo.survey.question}`);
      await add(demo.survey.comment, {
        kind: "survey",
        surveyId,
        questionId,
        filter: { from: null, to: null, commune: null },
      });
    }
    if (demo.event) {
      const event = await prisma.timelineEvent.findFirst({ where: { projectId, title: demo.event.title } });
      if (event) await add(demo.event.comment, { kind: "event", eventId: event.eventId });
    }
    if (demo.source) {
      const { comment, ...source } = demo.source;
      await add(comment, { kind: "source", ...source });
    }
  }
}

/** The survey's published questions by label. */
async function surveyQuestions(prisma: PrismaClient, surveyId: string): Promise<Map<string, string>> {
  const survey = await prisma.survey.findUnique({
    where: { id: surveyId },
    select: { currentVersion: { select: { definition: true } } },
  });
  const definition = JSON.parse(survey?.currentVersion?.definition ?? "{}") as {
    sections?: { questions: { id: string; label: string }[] }[];
  };
  return new Map((definition.sections ?? []).flatMap((s) => s.questions.map((q) => [q.label, q.id] as const)));
}
