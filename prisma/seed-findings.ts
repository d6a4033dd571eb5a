/**
 * The demo codebook, coded passages and findings of the Die project (issue 14): the codes get
 * definitions, colours and a parent; passages of the demo notes are coded as the editor codes
 * them (marks in the note documents, then the note's own projection writes CodedPassage rows);
 * three findings at different stages cite a quote, a code, a survey question, an event and an
 * outside source, so a newcomer sees the whole loop from field note to finding.
 */
import * as Y from "yjs";
import type { PrismaClient } from "../app/generated/prisma/client";
import { addEvidence, type NewEvidence } from "../app/models/findings/evidence.server";
import { writeFindingProjection } from "../app/models/findings/finding-document.server";
import { anchorAtOffsets, encodeAnchor } from "../app/models/findings/note-anchor";
import { codedPassageKey } from "../app/models/notes/coded-passage-key";
import { newPassageId } from "../app/models/notes/coded-passage-mark";
import { writeNoteProjection } from "../app/models/notes/note-document.server";
import { flattenRichText } from "../app/models/notes/note-flat-text";
import { tagKey } from "../app/models/notes/tag-label";

type DemoCode = { label: string; definition: string; colour: string; parent?: string; retired?: boolean };

const CODES: DemoCode[] = [
  {
    label: "Circuits courts",
    definition:
      "Ce qui rapproche producteurs et habitants sans intermédiaire lointain : regroupe les codes en dessous.",
    colour: "#2f6b3a",
  },
  {
    label: "Vente directe",
    definition: "Un producteur vend lui-même à l'habitant : marché, ferme, panier, commande.",
    colour: "#1f6f8b",
    parent: "Circuits courts",
  },
  {
    label: "Logistique",
    definition: "Transporter, stocker, retirer : horaires, points de retrait, tournées.",
    colour: "#8a4b0f",
    parent: "Circuits courts",
  },
  {
    label: "Plateformes",
    definition: "Outils numériques de vente ou de réservation et leurs conditions (commissions, données, dépendance).",
    colour: "#7a2e8e",
  },
  {
    label: "Coopération",
    definition: "Des acteurs du territoire font ensemble : mutualiser un outil, un lieu, un emploi.",
    colour: "#005f73",
  },
  {
    label: "Inclusion numérique",
    definition:
      "Ce qui permet, ou empêche, chacun d'utiliser un service numérique : équipement, savoir-faire, alternatives.",
    colour: "#9b2226",
  },
  {
    label: "Besoins des habitants",
    definition: "Une attente exprimée par des habitants, dans leurs mots.",
    colour: "#5c4d00",
  },
  {
    label: "Divers",
    definition: "Premier classement, remplacé par des codes plus précis.",
    colour: "#555555",
    retired: true,
  },
];

/** Passages to code, by the text they start with in a demo note, and their codes. */
const PASSAGES: { text: string; codes: string[] }[] = [
  { text: "La file d'attente devant le stand de fromages dépasse la halle", codes: ["Vente directe"] },
  {
    text: "Trois producteurs demandent un point de retrait en semaine pour les actifs qui travaillent à Valence.",
    codes: ["Logistique"],
  },
  { text: "un point de retrait en semaine pour les actifs", codes: ["Besoins des habitants"] },
  { text: "Le site de vente en ligne actuel prend 18 % de commission.", codes: ["Plateformes"] },
  {
    text: "Intérêt pour un outil partagé porté par l'intercommunalité.",
    codes: ["Coopération", "Plateformes"],
  },
  {
    text: "Les personnes âgées des hameaux veulent commander par téléphone plutôt que sur une appli.",
    codes: ["Inclusion numérique", "Besoins des habitants"],
  },
];

/** The text node holding a flat offset of the note, and the index in it. */
function locate(doc: Y.Doc, offset: number): { text: Y.XmlText; index: number } | null {
  const flat = flattenRichText(doc.getXmlFragment("default"));
  for (const [text, start] of flat.starts) {
    if (offset >= start && offset <= start + text.length) return { text, index: offset - start };
  }
  return null;
}

/** Definitions, colours and the parent for the demo's codes (created with the notes), and the new ones. */
async function seedCodebook(
  prisma: PrismaClient,
  projectId: string,
  createdById: string,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const code of CODES) {
    const existing = await prisma.tag.findFirst({ where: { projectId, nameKey: tagKey(code.label) } });
    const data = {
      definition: code.definition,
      colour: code.colour,
      parentId: code.parent ? ids.get(code.parent)! : null,
      retiredAt: code.retired ? new Date() : null,
    };
    const row = existing
      ? await prisma.tag.update({ where: { id: existing.id }, data, select: { id: true } })
      : await prisma.tag.create({
          data: { projectId, label: code.label, nameKey: tagKey(code.label), createdById, ...data },
          select: { id: true },
        });
    ids.set(code.label, row.id);
  }
  return ids;
}

/** Marks the demo passages in each note's document, stores it and runs the note's projection. */
async function codeNotes(prisma: PrismaClient, projectId: string, codeIds: Map<string, string>, by: string[]) {
  const notes = await prisma.note.findMany({ where: { projectId, deletedAt: null }, select: { id: true } });
  for (const note of notes) {
    const name = `note:${note.id}`;
    const stored = await prisma.documentSnapshot.findUnique({ where: { docName: name } });
    if (!stored) continue;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.state);
    let coded = 0;
    for (const [index, passage] of PASSAGES.entries()) {
      const flat = flattenRichText(doc.getXmlFragment("default"));
      const start = flat.text.indexOf(passage.text);
      if (start === -1) continue;
      const at = locate(doc, start);
      if (!at) continue;
      for (const label of passage.codes) {
        const attrs = { code: codeIds.get(label)!, passage: newPassageId(), by: by[index % by.length]! };
        // Under the key y-tiptap itself gives a mark that may overlap others of its type.
        at.text.format(at.index, passage.text.length, { [codedPassageKey(attrs)]: attrs });
        coded += 1;
      }
    }
    if (coded > 0) {
      await prisma.documentSnapshot.update({
        where: { docName: name },
        data: { state: Buffer.from(Y.encodeStateAsUpdate(doc)) },
      });
      await writeNoteProjection(note.id, doc, null);
    }
    doc.destroy();
  }
}

export async function seedDemoCoding(
  prisma: PrismaClient,
  { projectId, coderIds }: { projectId: string; coderIds: string[] },
): Promise<Map<string, string>> {
  // The notes were taken during the diagnosis: the code view's cycle and phase show it.
  const cycle = await prisma.projectCycle.findFirst({ where: { projectId }, orderBy: { number: "desc" } });
  await prisma.note.updateMany({ where: { projectId }, data: { cycleId: cycle?.id ?? null, phase: "diagnosis" } });
  const codeIds = await seedCodebook(prisma, projectId, coderIds[0]!);
  await codeNotes(prisma, projectId, codeIds, coderIds);
  return codeIds;
}

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

/**
 * Someone corrects a cited figure in the note afterwards (the cooperative's commission went up),
 * so the demo shows a finding saying "passage modifié depuis la citation".
 */
export async function seedDemoNoteCorrection(prisma: PrismaClient, projectId: string): Promise<void> {
  const [before, after] = ["18 %", "20 %"];
  const notes = await prisma.note.findMany({ where: { projectId, deletedAt: null }, select: { id: true } });
  for (const note of notes) {
    const name = `note:${note.id}`;
    const stored = await prisma.documentSnapshot.findUnique({ where: { docName: name } });
    if (!stored) continue;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.state);
    const at = flattenRichText(doc.getXmlFragment("default")).text.indexOf(before);
    const place = at === -1 ? null : locate(doc, at);
    if (place) {
      place.text.delete(place.index, before.length);
      place.text.insert(place.index, after);
      await prisma.documentSnapshot.update({
        where: { docName: name },
        data: { state: Buffer.from(Y.encodeStateAsUpdate(doc)) },
      });
      await writeNoteProjection(note.id, doc, null);
    }
    doc.destroy();
    if (place) return;
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
