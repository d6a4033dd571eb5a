import crypto from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { hashPassword } from "~/models/accounts/password.server";
import { tagKey } from "~/models/notes/tag-label";
import type { ProjectRole, SiteRole, Visibility } from "~/models/core/vocabulary";

export const TEST_PASSWORD = "une phrase de passe assez longue";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(++counter).toString(36)}${crypto.randomBytes(2).toString("hex")}`;

export async function createUser(
  db: PrismaClient,
  overrides: { name?: string; siteRole?: SiteRole; password?: string } = {},
) {
  const id = unique();
  const user = await db.user.create({
    data: {
      name: overrides.name ?? `Personne ${id}`,
      email: `personne-${id}@example.org`,
      siteRole: overrides.siteRole ?? "member",
      passwordHash: await hashPassword(overrides.password ?? TEST_PASSWORD),
    },
    select: { id: true, email: true, name: true },
  });
  return { ...user, password: overrides.password ?? TEST_PASSWORD };
}

export async function createProject(
  db: PrismaClient,
  { members, visibility = "members" }: { members: [string, ProjectRole][]; visibility?: Visibility },
) {
  return db.project.create({
    data: {
      title: `Projet ${unique()}`,
      question: "Comment garder la valeur des ventes sur le territoire ?",
      sectors: JSON.stringify(["agriculture"]),
      visibility,
      territoryKind: "commune",
      territoryCode: "26113",
      territoryName: "Die",
      departement: "26",
      region: "84",
      population: 4844,
      memberships: { create: members.map(([userId, role]) => ({ userId, role })) },
      cycles: { create: { number: 1 } },
    },
    select: { id: true, title: true },
  });
}

/**
 * A note as the collaboration server's projection leaves it: `searchText` is what search reads
 * (folded, lower-case, title and body), so tests can seed it without opening a document.
 */
export async function createNote(
  db: PrismaClient,
  {
    projectId,
    authorId,
    tagIds = [],
    ...fields
  }: {
    projectId: string;
    authorId: string | null;
    tagIds?: string[];
    title?: string;
    excerpt?: string;
    searchText?: string;
    observedOn?: Date | null;
    place?: string | null;
    placeCommuneCode?: string | null;
    placeCommuneName?: string | null;
    lastEditorId?: string | null;
    lastEditedAt?: Date | null;
  },
) {
  return db.note.create({
    data: { projectId, authorId, ...fields, tags: { create: tagIds.map((tagId) => ({ tagId })) } },
    select: { id: true },
  });
}

export async function createTag(db: PrismaClient, { projectId, label }: { projectId: string; label: string }) {
  return db.tag.create({ data: { projectId, label, nameKey: tagKey(label) }, select: { id: true, label: true } });
}

/**
 * A code with its codebook fields (definition, colour, parent…), named as the app names it
 * (`nameKey` = tagKey(label)).
 */
export async function createCode(
  db: PrismaClient,
  {
    projectId,
    label,
    ...fields
  }: {
    projectId: string;
    label: string;
    definition?: string;
    colour?: string;
    parentId?: string | null;
    retiredAt?: Date | null;
    mergedIntoId?: string | null;
  },
) {
  return db.tag.create({
    data: { projectId, label, nameKey: tagKey(label), ...fields },
    select: { id: true, label: true },
  });
}

/**
 * A coded passage as the note's projection writes it (one `CodedPassage` row), so that code view
 * tests can seed passages without opening a document. `start`/`end` are offsets in the note's
 * flat text; the text defaults to a placeholder of the right length.
 */
export async function createCodedPassage(
  db: PrismaClient,
  {
    noteId,
    projectId,
    codeId,
    start,
    end,
    text = "x".repeat(Math.max(0, end - start)),
    codedById = null,
    passageId = `p${unique()}`,
  }: {
    noteId: string;
    projectId: string;
    codeId: string;
    start: number;
    end: number;
    text?: string;
    codedById?: string | null;
    passageId?: string;
  },
) {
  return db.codedPassage.create({
    data: { noteId, projectId, codeId, start, end, text, codedById, passageId },
    select: { noteId: true, passageId: true },
  });
}
