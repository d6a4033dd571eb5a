/**
 * The demo codebook and coded passages of the Die project (issue 14): the codes get
 * definitions, colours and a parent; passages of the demo notes are coded as the editor codes
 * them (marks in the note documents, then the note's own projection writes CodedPassage rows);
 * later, a cited figure is corrected in its note, so a finding shows "passage modifié".
 */
import * as Y from "yjs";
import type { PrismaClient } from "../app/generated/prisma/client";
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
