import { prisma } from "../core/db.server";
import { visibleProjectsWhere } from "./permissions.server";
import { isProjectRole } from "./rights";
import type { Territory } from "./territory.server";
import type { Phase, ProjectRole, Sector, SiteRole, Visibility } from "../core/vocabulary";

export type ProjectInput = {
  title: string;
  question: string;
  sectors: Sector[];
  phase: Phase;
  visibility: Visibility;
  territory: Territory;
};

function territoryColumns(territory: Territory) {
  return {
    territoryKind: territory.kind,
    territoryCode: territory.code,
    territoryName: territory.name,
    departement: territory.departement,
    region: territory.region,
    population: territory.population,
  };
}

/**
 * Creates the project, in its first cycle, with its creator as first coordinator and the phase
 * it starts in recorded in the cycle's log (cycle.server.ts), in one transaction.
 */
export async function createProject({ userId, input }: { userId: string; input: ProjectInput }) {
  return prisma.$transaction(async (tx) => {
    const project = await tx.project.create({
      data: {
        title: input.title,
        question: input.question,
        sectors: JSON.stringify(input.sectors),
        phase: input.phase,
        visibility: input.visibility,
        ...territoryColumns(input.territory),
        createdById: userId,
        memberships: { create: { userId, role: "coordinator" satisfies ProjectRole } },
        cycles: { create: { number: 1 } },
      },
      select: { id: true, cycles: { select: { id: true } } },
    });
    await tx.phaseChange.create({
      data: { projectId: project.id, cycleId: project.cycles[0]!.id, toPhase: input.phase, userId },
      select: { id: true },
    });
    return { id: project.id };
  });
}

/** The settings form. The phase is not part of it: it only moves through `changePhase` (cycle.server.ts). */
export async function updateProject({ projectId, input }: { projectId: string; input: Omit<ProjectInput, "phase"> }) {
  await prisma.project.update({
    where: { id: projectId },
    data: {
      title: input.title,
      question: input.question,
      sectors: JSON.stringify(input.sectors),
      visibility: input.visibility,
      ...territoryColumns(input.territory),
    },
    select: { id: true },
  });
}

const projectSummarySelect = {
  id: true,
  title: true,
  question: true,
  sectors: true,
  phase: true,
  visibility: true,
  territoryKind: true,
  territoryCode: true,
  territoryName: true,
  departement: true,
  region: true,
  population: true,
  updatedAt: true,
  // Cycles are numbered 1..n, so their count is the current cycle's number.
  _count: { select: { memberships: true, cycles: true } },
} as const;

export function parseSectors(raw: string): Sector[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? (value.filter((s) => typeof s === "string") as Sector[]) : [];
  } catch {
    return [];
  }
}

/**
 * "Mes projets": the projects the user may know exist (their own, plus those shared with the
 * coalition for its staff), by the permissions module's rule.
 */
export async function listProjectsForUser({ userId, siteRole }: { userId: string; siteRole: SiteRole }) {
  const rows = await prisma.project.findMany({
    where: visibleProjectsWhere({ id: userId, siteRole }),
    select: { ...projectSummarySelect, memberships: { where: { userId }, select: { role: true } } },
    orderBy: { updatedAt: "desc" },
  });
  return rows.map(({ memberships, _count, sectors, ...project }) => ({
    ...project,
    sectors: parseSectors(sectors),
    memberCount: _count.memberships,
    cycleNumber: Math.max(1, _count.cycles),
    // A role this code does not know grants nothing (rights.ts): such a row is shown as read by coalition staff.
    role: roleOf(memberships[0]?.role),
  }));
}

function roleOf(role: string | undefined): ProjectRole | null {
  return role && isProjectRole(role) ? role : null;
}

/** The project home. Callers have checked access with the permissions module. */
export async function getProjectForMember(projectId: string) {
  const project = await prisma.project.findUnique({
    where: { id: projectId },
    select: {
      ...projectSummarySelect,
      createdAt: true,
      memberships: {
        select: { role: true, user: { select: { id: true, name: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!project) return null;
  const { memberships, _count, sectors, ...rest } = project;
  return {
    ...rest,
    sectors: parseSectors(sectors),
    memberCount: _count.memberships,
    cycleNumber: Math.max(1, _count.cycles),
    members: memberships.map((m) => ({ id: m.user.id, name: m.user.name, role: m.role as ProjectRole })),
  };
}
