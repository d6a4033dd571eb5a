import { prisma } from "../core/db.server";
import type { EvidenceView } from "../findings/evidence-view";
import { listEvidence } from "../findings/evidence-list.server";
import { statementOf, type ReadDocument } from "../findings/finding-report.server";
import { parseVersionEvidence, type VersionEvidence } from "./version-diff";

/** What one piece of evidence shows, as a version keeps it (plain text, no live link needed). */
export function versionEvidenceOf(view: EvidenceView): VersionEvidence {
  const base = { id: view.id, kind: view.kind, comment: view.comment };
  switch (view.kind) {
    case "quote":
      return { ...base, title: view.noteTitle, body: view.quote };
    case "code":
      return { ...base, title: view.label, body: "" };
    case "survey": {
      const s = view.snapshot;
      const figures = s
        ? [
            ...s.figures.counts.map((c) => `${c.label} : ${c.count}`),
            ...(s.figures.mean !== null ? [`moyenne ${s.figures.mean}`] : []),
            `${s.figures.answered}/${s.total}`,
          ].join(" · ")
        : "";
      return { ...base, title: s ? `${s.surveyTitle} — ${s.questionLabel}` : "", body: figures };
    }
    case "event":
      return { ...base, title: view.title, body: view.day ?? "" };
    default:
      return { ...base, title: view.title, body: [view.url, view.reference].filter(Boolean).join(" · ") };
  }
}

/**
 * The finding as it stands now, to be frozen as a version: its title, its statement read from
 * the live document (the room's copy or the store: editors may not have been projected yet)
 * as plain text, one block per line, and its evidence as it shows now.
 */
export async function snapshotFinding({
  projectId,
  finding,
  readDocument,
}: {
  projectId: string;
  finding: { id: string; title: string; excerpt: string };
  readDocument: ReadDocument;
}) {
  const [state, evidence] = await Promise.all([
    readDocument(`finding:${finding.id}`),
    listEvidence({ projectId, findingId: finding.id }),
  ]);
  return {
    title: finding.title,
    statement: statementOf(state, finding.excerpt).join("\n"),
    evidence: evidence.map(versionEvidenceOf),
  };
}

export type FindingVersionView = {
  number: number;
  title: string;
  statement: string;
  evidence: VersionEvidence[];
  createdAt: Date;
  submittedBy: string | null;
};

const versionSelect = {
  number: true,
  title: true,
  statement: true,
  evidence: true,
  createdAt: true,
  submittedBy: { select: { name: true } },
} as const;

function toView(row: {
  number: number;
  title: string;
  statement: string;
  evidence: string;
  createdAt: Date;
  submittedBy: { name: string } | null;
}): FindingVersionView {
  return { ...row, evidence: parseVersionEvidence(row.evidence), submittedBy: row.submittedBy?.name ?? null };
}

/** One version of a finding (the caller has checked the finding is this project's and readable). */
export async function getVersion({ findingId, number }: { findingId: string; number: number }) {
  const row = await prisma.findingVersion.findUnique({
    where: { findingId_number: { findingId, number } },
    select: versionSelect,
  });
  return row ? toView(row) : null;
}

/** Every version of a finding, newest first, without their contents. */
export async function listVersions({ findingId }: { findingId: string }) {
  const rows = await prisma.findingVersion.findMany({
    where: { findingId },
    select: { number: true, createdAt: true, submittedBy: { select: { name: true } } },
    orderBy: { number: "desc" },
    take: 200,
  });
  return rows.map((row) => ({
    number: row.number,
    createdAt: row.createdAt,
    submittedBy: row.submittedBy?.name ?? null,
  }));
}
