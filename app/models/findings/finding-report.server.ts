import * as Y from "yjs";
import { prisma } from "../core/db.server";
import { canReadFindingText } from "../review/finding-visibility.server";
import { NOTE_FRAGMENT } from "../notes/note-schema";
import { blocksOf } from "../notes/note-text";
import { listEvidence } from "./evidence-list.server";
import type { ProjectAccess } from "../projects/permissions.server";
import { getFinding, listFindingIds } from "./finding.server";

export type ReadDocument = (name: string) => Promise<Uint8Array | null>;
export type ReportFinding = NonNullable<Awaited<ReturnType<typeof reportFinding>>>;

/**
 * The statement's paragraphs, whole (the projection's excerpt is cut for lists): the document's
 * blocks after its title. A finding never opened yet has only the statement typed in the form.
 */
export function statementOf(state: Uint8Array | null, fallback: string): string[] {
  if (!state) return fallback ? [fallback] : [];
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const blocks = blocksOf(doc.getXmlFragment(NOTE_FRAGMENT));
    const titleIndex = Math.max(
      0,
      blocks.findIndex((b) => b.type === "heading"),
    );
    return blocks.filter((_, i) => i !== titleIndex).map((b) => b.text);
  } catch {
    return fallback ? [fallback] : [];
  } finally {
    doc.destroy();
  }
}

/**
 * One finding as its report shows it: the fields, the whole statement, and its evidence; null
 * when this reader may not see it (another project's, or not at its stage).
 */
export async function reportFinding({
  access,
  findingId,
  readDocument,
}: {
  access: ProjectAccess;
  findingId: string;
  readDocument: ReadDocument;
}) {
  const projectId = access.projectId;
  const finding = await getFinding({ access, findingId });
  if (!finding) return null;
  if (!canReadFindingText(access, finding)) {
    // Readers beyond the team and the council get the statement the council judged.
    const version = await prisma.findingVersion.findUnique({
      where: { findingId_number: { findingId: finding.id, number: finding.version } },
      select: { title: true, statement: true },
    });
    const statement = (version?.statement ?? "").split("\n").filter((line) => line.trim());
    // The judged title, and none of the live projection's words (the page's data carries them).
    const judged = { ...finding, title: version?.title ?? finding.title, excerpt: "" };
    return { finding: judged, statement, evidence: await listEvidence({ projectId, findingId: finding.id }) };
  }
  const [state, evidence] = await Promise.all([
    readDocument(`finding:${finding.id}`),
    listEvidence({ projectId, findingId: finding.id }),
  ]);
  return { finding, statement: statementOf(state, finding.excerpt), evidence };
}

/** Every finding of the project this reader may see, in the list's order, for the project's report. */
export async function reportAllFindings({
  access,
  readDocument,
}: {
  access: ProjectAccess;
  readDocument: ReadDocument;
}) {
  const ids = await listFindingIds({ access });
  const reports = [];
  // One finding after the other: a report of 300 findings must not open 300 reads at once.
  for (const findingId of ids) {
    const report = await reportFinding({ access, findingId, readDocument });
    if (report) reports.push(report);
  }
  return reports;
}
