import crypto from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { hashPassword } from "~/models/password.server";
import type { ProjectRole, SiteRole, Visibility } from "~/models/vocabulary";

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
    },
    select: { id: true, title: true },
  });
}
