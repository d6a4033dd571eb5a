import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { hashPassword } from "~/models/accounts/password.server";
import { tagKey } from "~/models/notes/tag-label";
import { foldForSearch } from "~/models/projects/territory.server";
import { random } from "./stats";

/**
 * What our server needs before the bench connects, written straight into its database with
 * the generated Prisma client (as tests/factories.ts does): a member, a project whose notes
 * back the collaboration documents (one note per document: the server refuses names of
 * notes that do not exist), and a second project with 1,000 realistic field notes for the
 * list and search timings.
 */
export type Seeded = {
  email: string;
  password: string;
  /** Note ids, handed out to the collaboration phases one document at a time. */
  collabNoteIds: string[];
  listProjectId: string;
  listNoteCount: number;
};

export const BENCH_PASSWORD = "une phrase de passe pour le banc d'essai";
/** Two words that many seeded notes contain (folded as the app folds them: "marche producteurs"). */
export const SEARCH_QUERY = "marché producteurs";

const PROJECT = {
  question: "Comment garder la valeur des ventes sur le territoire ?",
  sectors: JSON.stringify(["agriculture"]),
  visibility: "members",
  territoryKind: "commune",
  territoryCode: "26113",
  territoryName: "Die",
  departement: "26",
  region: "84",
  population: 4844,
};

export async function seed(
  databaseFile: string,
  { collabNotes, listNotes }: { collabNotes: number; listNotes: number },
) {
  const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: databaseFile, timeout: 5000 }) });
  try {
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const people = await db.user.createManyAndReturn({
      data: AUTHORS.map((name, i) => ({
        name,
        email: `personne-${i}@banc.example.org`,
        passwordHash,
      })),
      select: { id: true, email: true },
    });
    const member = people[0]!;

    const collabProject = await db.project.create({
      data: {
        ...PROJECT,
        title: "Banc d'essai — documents",
        memberships: { create: { userId: member.id, role: "researcher" } },
      },
      select: { id: true },
    });
    const collabNoteIds: string[] = [];
    // Chunks keep each INSERT under SQLite's bound-parameter limit.
    for (let start = 0; start < collabNotes; start += 500) {
      const count = Math.min(500, collabNotes - start);
      const rows = await db.note.createManyAndReturn({
        data: Array.from({ length: count }, () => ({ projectId: collabProject.id, authorId: member.id })),
        select: { id: true },
      });
      collabNoteIds.push(...rows.map((r) => r.id));
    }

    const listProject = await db.project.create({
      data: {
        ...PROJECT,
        title: "Circuits courts dans le Diois",
        memberships: {
          create: people.map((p, i) => ({
            userId: p.id,
            role: i === 0 ? "researcher" : i % 2 ? "local_actor" : "researcher",
          })),
        },
      },
      select: { id: true },
    });
    const tags = await db.tag.createManyAndReturn({
      data: TAGS.map((label) => ({ projectId: listProject.id, label, nameKey: tagKey(label) })),
      select: { id: true },
    });
    const notes = fieldNotes(
      listNotes,
      people.map((p) => p.id),
      7,
    );
    const noteTags: { noteId: string; tagId: string }[] = [];
    for (let start = 0; start < notes.length; start += 200) {
      const chunk = notes.slice(start, start + 200);
      const rows = await db.note.createManyAndReturn({
        data: chunk.map(({ tagIndexes: _tags, ...note }) => ({ ...note, projectId: listProject.id })),
        select: { id: true },
      });
      rows.forEach((row, i) => {
        for (const tag of chunk[i]!.tagIndexes) noteTags.push({ noteId: row.id, tagId: tags[tag]!.id });
      });
    }
    for (let start = 0; start < noteTags.length; start += 500) {
      await db.noteTag.createMany({ data: noteTags.slice(start, start + 500) });
    }
    return {
      email: member.email,
      password: BENCH_PASSWORD,
      collabNoteIds,
      listProjectId: listProject.id,
      listNoteCount: notes.length,
    } satisfies Seeded;
  } finally {
    await db.$disconnect();
  }
}

const AUTHORS = ["Camille Roux", "Youssef Benali", "Maëlle Garnier", "Thierry Faure", "Inès Moulin", "Paul Reynaud"];

const TAGS = [
  "vente directe",
  "numérique",
  "mobilité",
  "commerce de proximité",
  "agriculture",
  "démarches en ligne",
  "associations",
  "jeunesse",
  "tourisme",
  "circuits courts",
  "couverture mobile",
  "médiation",
];

const PLACES = [
  "Die",
  "Crest",
  "Saillans",
  "Luc-en-Diois",
  "Châtillon-en-Diois",
  "Marignac-en-Diois",
  "Pontaix",
  "Sainte-Croix",
  "Recoubeau-Jansac",
  "Chamaloc",
];

const TITLES = [
  "Entretien avec la maraîchère du marché de producteurs de {place}",
  "Atelier numérique à la médiathèque de {place}",
  "Permanence France Services de {place} : les démarches du mardi",
  "Visite de la coopérative fromagère de {place}",
  "Réunion publique sur la couverture mobile à {place}",
  "Observation du marché de producteurs du samedi à {place}",
  "Rencontre avec l'épicerie associative de {place}",
  "Point d'étape avec la conseillère numérique de {place}",
  "Tournée de livraison des paniers à {place}",
  "Échange avec les jeunes du point information jeunesse de {place}",
  "Enquête auprès des commerçants de la place centrale de {place}",
  "Fête du village de {place} : stand du collectif",
];

const SENTENCES = [
  "Une vingtaine de personnes étaient présentes, surtout des retraités et quelques jeunes parents.",
  "La vente directe représente désormais plus de la moitié du chiffre d'affaires de l'exploitation.",
  "Les producteurs du marché s'organisent par messagerie pour annoncer les légumes de la semaine.",
  "La couverture mobile reste très mauvaise dans les hameaux, ce qui complique les paiements par carte.",
  "La conseillère numérique note que les démarches administratives occupent l'essentiel des permanences.",
  "Plusieurs habitants disent ne plus savoir à qui s'adresser depuis la fermeture du bureau de poste.",
  "L'épicerie associative compte cent douze adhérents et cherche des bénévoles pour le samedi matin.",
  "Le marché de producteurs attire aussi des touristes l'été, mais l'hiver il ne reste que six étals.",
  "Une agricultrice hésite à ouvrir une boutique en ligne par crainte de perdre le contact avec ses habitués.",
  "Les élus souhaitent une halle couverte ; les producteurs préféreraient un point de retrait des commandes.",
  "Les trajets vers Valence prennent plus d'une heure ; le covoiturage s'organise sur un groupe local.",
  "Un jeune éleveur explique qu'il vend ses caissettes de viande grâce au bouche-à-oreille.",
  "Le café du village sert de relais colis et de lieu d'entraide pour les démarches en ligne.",
  "La coopérative a numérisé ses bons de livraison, mais les adhérents âgés gardent le carnet papier.",
  "Nous avons relevé les prix affichés au marché : ils sont proches de ceux du supermarché de Crest.",
  "Le collectif propose un atelier sur la vente en ligne pour les producteurs au printemps prochain.",
  "Les commerçants de la place craignent la concurrence des plateformes de livraison.",
  "Une habitante raconte qu'elle fait ses courses au marché pour « garder le village vivant ».",
];

type SeedNote = {
  authorId: string;
  lastEditorId: string;
  title: string;
  excerpt: string;
  searchText: string;
  wordCount: number;
  observedOn: Date | null;
  place: string | null;
  lastEditedAt: Date;
  tagIndexes: number[];
};

/** `count` notes as the collaboration server's projection leaves them, deterministic for a seed. */
function fieldNotes(count: number, authorIds: string[], seed: number): SeedNote[] {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const start = Date.UTC(2024, 0, 1);
  return Array.from({ length: count }, () => {
    const place = pick(PLACES);
    const title = pick(TITLES).replace("{place}", place);
    const body = Array.from({ length: 3 + Math.floor(rand() * 6) }, () => pick(SENTENCES)).join(" ");
    const excerpt = body.length > 280 ? `${body.slice(0, 279).trimEnd()}…` : body;
    const day = Math.floor(rand() * 700);
    const tagIndexes = [
      ...new Set(Array.from({ length: Math.floor(rand() * 4) }, () => Math.floor(rand() * TAGS.length))),
    ];
    const authorId = pick(authorIds);
    return {
      authorId,
      lastEditorId: rand() < 0.7 ? authorId : pick(authorIds),
      title,
      excerpt,
      searchText: foldForSearch(`${title} ${body}`),
      wordCount: `${title} ${body}`.split(/\s+/).length,
      // About one note in ten is still undated (being written).
      observedOn: rand() < 0.1 ? null : new Date(start + day * 86_400_000),
      place: rand() < 0.6 ? place : null,
      lastEditedAt: new Date(start + (day + Math.floor(rand() * 30)) * 86_400_000),
      tagIndexes,
    };
  });
}
