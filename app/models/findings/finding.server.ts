import { prisma, type Prisma } from "../core/db.server";
import { CONFIDENCE_LEVELS, FINDING_STATES, SECTORS, type Phase } from "../core/vocabulary";
import { searchWords } from "../notes/note.server";
import { can, type ProjectAccess } from "../projects/permissions.server";
import { excerptOf } from "../notes/note-projection";
import { visibleFindingsWhere } from "../review/finding-visibility.server";
import { FINDING_LIMITS } from "./finding-limits";

export type FindingFilters = {
  q: string;
  state: (typeof FINDING_STATES)[number] | null;
  confidence: (typeof CONFIDENCE_LEVELS)[number] | null;
  sector: (typeof SECTORS)[number] | null;
  cycleId: string | null;
  phase: Phase | null;
  page: number;
};

const cardSelect = {
  id: true,
  title: true,
  excerpt: true,
  state: true,
  version: true,
  confidence: true,
  sectors: true,
  phase: true,
  cycle: { select: { id: true, number: true } },
  updatedAt: true,
  lastEditedAt: true,
  lastEditor: { select: { id: true, name: true } },
  _count: { select: { evidence: true } },
} as const satisfies Prisma.FindingSelect;

type CardRow = Prisma.FindingGetPayload<{ select: typeof cardSelect }>;

/** The states a finding may be deleted in (see deleteFinding). */
export const DELETABLE_FINDING_STATES = ["draft", "withdrawn"] as const;

/** Sectors are stored as a JSON array (as Project.sectors); anything else reads as none. */
export function parseSectors(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((s): s is string => (SECTORS as readonly string[]).includes(s)) : [];
  } catch {
    return [];
  }
}

function toCard({ _count, sectors, ...row }: CardRow) {
  // The last change is the later of the text's and the fields' (and evidence's, which touch updatedAt).
  const lastChange = row.lastEditedAt && row.lastEditedAt > row.updatedAt ? row.lastEditedAt : row.updatedAt;
  return { ...row, sectors: parseSectors(sectors), evidenceCount: _count.evidence, lastChange };
}

function findingsWhere(access: ProjectAccess, filters: FindingFilters): Prisma.FindingWhereInput {
  const words = searchWords(filters.q);
  return {
    AND: [
      // Only the findings this reader may see at their stage (drafts, submitted, public), in
      // counts and filters alike, so that a listed finding never answers 404. Its own clause:
      // spread beside the filters, a `state` filter would replace the rule's own `state`.
      visibleFindingsWhere(access),
      {
        ...(filters.state ? { state: filters.state } : {}),
        ...(filters.confidence ? { confidence: filters.confidence } : {}),
        // Sectors are a JSON array of closed codes: the quoted code matches only itself.
        ...(filters.sector ? { sectors: { contains: `"${filters.sector}"` } } : {}),
        ...(filters.cycleId ? { cycleId: filters.cycleId } : {}),
        ...(filters.phase ? { phase: filters.phase } : {}),
      },
      ...words.map((word) => ({ OR: [{ searchText: { contains: word } }, { title: { contains: word } }] })),
    ],
  };
}

/**
 * One page of the project's findings this reader may see matching the filters, last changed
 * first, and how many match.
 */
export async function listFindings({ access, filters }: { access: ProjectAccess; filters: FindingFilters }) {
  const where = findingsWhere(access, filters);
  const [total, rows] = await Promise.all([
    prisma.finding.count({ where }),
    prisma.finding.findMany({
      where,
      select: cardSelect,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (filters.page - 1) * FINDING_LIMITS.perPage,
      take: FINDING_LIMITS.perPage,
    }),
  ]);
  const cards = rows.map(toCard);
  // Readers beyond the team and the council list what the council judged, not the live draft
  // (the findings they see are all validated or published: each has a version).
  if (can(access, "findings.readSubmitted") || !rows.length) return { total, findings: cards };
  const versions = await prisma.findingVersion.findMany({
    where: { OR: rows.map((row) => ({ findingId: row.id, number: row.version })) },
    select: { findingId: true, title: true, statement: true },
  });
  const judged = new Map(versions.map((version) => [version.findingId, version]));
  return {
    total,
    findings: cards.map((card) => {
      const version = judged.get(card.id);
      return version
        ? { ...card, title: version.title, excerpt: excerptOf(version.statement.replace(/\n/g, " ")) }
        : card;
    }),
  };
}

/**
 * A new finding. `title` shows in lists at once, and `statement` as its excerpt; the first
 * editor to open it writes both into its document (title as first heading), as a note's title.
 */
export async function createFinding({
  projectId,
  authorId,
  title,
  statement = "",
}: {
  projectId: string;
  authorId: string;
  title: string;
  statement?: string;
}) {
  return prisma.finding.create({
    data: { projectId, authorId, title, excerpt: statement, searchText: "" },
    select: { id: true },
  });
}

/**
 * A finding of this project with its fields, or null: another project's, or one this reader may
 * not see at its stage (a draft for the council), is as unknown as a made-up id.
 */
export async function getFinding({ access, findingId }: { access: ProjectAccess; findingId: string }) {
  const row = await prisma.finding.findFirst({
    where: { id: findingId, ...visibleFindingsWhere(access) },
    select: {
      id: true,
      title: true,
      excerpt: true,
      state: true,
      version: true,
      firstSubmittedAt: true,
      authorId: true,
      confidence: true,
      confidenceRationale: true,
      sectors: true,
      cycleId: true,
      phase: true,
      cycle: { select: { number: true } },
      createdAt: true,
      updatedAt: true,
      lastEditedAt: true,
      author: { select: { id: true, name: true } },
      lastEditor: { select: { id: true, name: true } },
      communes: { select: { code: true, name: true }, orderBy: { name: "asc" } },
    },
  });
  return row ? { ...row, sectors: parseSectors(row.sectors) } : null;
}

/**
 * Who wrote the finding (the owner for `findings.delete`), or null when it is not this project's
 * or this reader may not see it at its stage (a council reviewer's post on a draft is a 404).
 */
export async function findingOwner({ access, findingId }: { access: ProjectAccess; findingId: string }) {
  return prisma.finding.findFirst({
    where: { id: findingId, ...visibleFindingsWhere(access) },
    select: { id: true, authorId: true },
  });
}

export type FindingFields = {
  confidence: (typeof CONFIDENCE_LEVELS)[number] | null;
  confidenceRationale: string;
  sectors: string[];
  cycleId: string | null;
  phase: Phase | null;
  communes: { code: string; name: string }[];
};

/** Writes the structured fields and the communes in one transaction. */
export async function updateFindingFields({
  projectId,
  findingId,
  fields,
}: {
  projectId: string;
  findingId: string;
  fields: FindingFields;
}): Promise<"saved" | "not_found" | "unknown_cycle"> {
  return prisma.$transaction(async (tx) => {
    const finding = await tx.finding.findFirst({ where: { id: findingId, projectId }, select: { id: true } });
    if (!finding) return "not_found";
    if (fields.cycleId && !(await tx.projectCycle.count({ where: { id: fields.cycleId, projectId } }))) {
      return "unknown_cycle";
    }
    await tx.finding.update({
      where: { id: finding.id },
      data: {
        confidence: fields.confidence,
        confidenceRationale: fields.confidenceRationale,
        sectors: JSON.stringify(fields.sectors),
        cycleId: fields.cycleId,
        phase: fields.phase,
      },
      select: { id: true },
    });
    await tx.findingCommune.deleteMany({ where: { findingId: finding.id } });
    if (fields.communes.length) {
      await tx.findingCommune.createMany({
        data: fields.communes.map((commune) => ({ findingId: finding.id, ...commune })),
      });
    }
    return "saved";
  });
}

/** Deletes the finding, its evidence and communes (cascade); the caller removes its document. */
export async function deleteFinding({
  projectId,
  findingId,
}: {
  projectId: string;
  findingId: string;
}): Promise<"deleted" | "not_found" | "reviewed"> {
  // Only a draft or a withdrawn finding that no adopted avis covers: deleting one under review,
  // validated or published would erase its history and silently change a frozen avis. One
  // guarded statement, so a transition in between cannot slip through.
  const { count } = await prisma.finding.deleteMany({
    where: {
      id: findingId,
      projectId,
      state: { in: [...DELETABLE_FINDING_STATES] },
      saisines: { none: { saisine: { state: { not: "drafting" } } } },
    },
  });
  if (count > 0) return "deleted";
  return (await prisma.finding.count({ where: { id: findingId, projectId } })) ? "reviewed" : "not_found";
}

/** Every finding of the project this reader may see, for the report, in the list's order. */
export async function listFindingIds({ access }: { access: ProjectAccess }) {
  const rows = await prisma.finding.findMany({
    where: visibleFindingsWhere(access),
    select: { id: true },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
  return rows.map((row) => row.id);
}
