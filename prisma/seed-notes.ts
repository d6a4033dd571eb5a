/**
 * Demo field notes for the Die project: real Yjs documents (stored as snapshots, as the
 * collaboration server would after compaction) with their SQL projections, tags and metadata.
 */
import * as Y from "yjs";
import type { Prisma } from "../app/generated/prisma/client";
import { projectNote } from "../app/models/notes/note-projection";
import { tagKey } from "../app/models/notes/tag-label";

type DemoNote = {
  blocks: [type: "heading" | "paragraph", text: string][];
  observedOn: string;
  place: string;
  commune: [code: string, name: string] | null;
  tags: string[];
  /** In the project trash since this many days (by the note's author), so the demo trash shows one. */
  trashedDaysAgo?: number;
};

const DEMO_NOTES: DemoNote[] = [
  {
    blocks: [
      ["heading", "Marché du samedi, place de la République"],
      [
        "paragraph",
        "Quatorze producteurs présents. La file d'attente devant le stand de fromages dépasse la halle vers 10 h.",
      ],
      [
        "paragraph",
        "Trois producteurs demandent un point de retrait en semaine pour les actifs qui travaillent à Valence.",
      ],
    ],
    observedOn: "2026-10-17",
    place: "Place de la République",
    commune: ["26113", "Die"],
    tags: ["Vente directe", "Logistique"],
  },
  {
    blocks: [
      ["heading", "Entretien avec la coopérative de la Clairette"],
      [
        "paragraph",
        "Le site de vente en ligne actuel prend 18 % de commission. Intérêt pour un outil partagé porté par l'intercommunalité.",
      ],
    ],
    observedOn: "2026-10-24",
    place: "Cave coopérative",
    commune: ["26113", "Die"],
    tags: ["Plateformes", "Coopération"],
  },
  {
    blocks: [
      ["heading", "Atelier au centre social"],
      [
        "paragraph",
        "Douze habitants. Les personnes âgées des hameaux veulent commander par téléphone plutôt que sur une appli.",
      ],
    ],
    observedOn: "2026-11-05",
    place: "Centre social",
    commune: null,
    tags: ["Inclusion numérique"],
  },
  {
    blocks: [
      ["heading", "Brouillon : tournée du camion-épicerie"],
      ["paragraph", "Doublon du compte rendu de la tournée, à supprimer une fois les horaires vérifiés."],
    ],
    // The latest observation: the demo timeline links the earliest notes, never this one.
    observedOn: "2026-11-12",
    place: "Hameau de Chamarges",
    commune: ["26113", "Die"],
    tags: ["Logistique"],
    trashedDaysAgo: 3,
  },
];

function documentOf(blocks: DemoNote["blocks"]): Y.Doc {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("default");
  fragment.insert(
    0,
    blocks.map(([type, text]) => {
      const element = new Y.XmlElement(type);
      // A number, as Tiptap itself stores it through y-prosemirror.
      if (type === "heading") (element as Y.XmlElement<{ level: number }>).setAttribute("level", 2);
      element.insert(0, [new Y.XmlText(text)]);
      return element;
    }),
  );
  return doc;
}

export async function seedDemoNotes(
  tx: Prisma.TransactionClient,
  { projectId, authorIds }: { projectId: string; authorIds: string[] },
) {
  const tagIds = new Map<string, string>();
  for (const label of new Set(DEMO_NOTES.flatMap((n) => n.tags))) {
    const tag = await tx.tag.create({ data: { projectId, label, nameKey: tagKey(label) }, select: { id: true } });
    tagIds.set(label, tag.id);
  }
  for (const [index, demo] of DEMO_NOTES.entries()) {
    const doc = documentOf(demo.blocks);
    const authorId = authorIds[index % authorIds.length]!;
    const note = await tx.note.create({
      data: {
        projectId,
        authorId,
        observedOn: new Date(`${demo.observedOn}T00:00:00Z`),
        place: demo.place,
        placeCommuneCode: demo.commune?.[0] ?? null,
        placeCommuneName: demo.commune?.[1] ?? null,
        ...projectNote(doc),
        lastEditorId: authorId,
        lastEditedAt: new Date(),
        tags: { create: demo.tags.map((label) => ({ tagId: tagIds.get(label)! })) },
        ...(demo.trashedDaysAgo === undefined
          ? {}
          : { deletedAt: new Date(Date.now() - demo.trashedDaysAgo * 86_400_000), deletedById: authorId }),
      },
      select: { id: true },
    });
    await tx.documentSnapshot.create({
      data: { docName: `note:${note.id}`, state: Buffer.from(Y.encodeStateAsUpdate(doc)), lastUpdateId: 0 },
    });
    doc.destroy();
  }
}
