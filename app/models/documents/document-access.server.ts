import { prisma } from "../core/db.server";
import { can, type ProjectAccess, type ProjectAction } from "../projects/permissions.server";

/**
 * Co-edited documents are named "<kind>:<id>" (ARCHITECTURE.md). This module maps a name to
 * its project and answers, through the permissions module, whether a user may read or write
 * it — for the websocket server, before a single byte of the document is sent.
 */
export const DOCUMENT_KINDS = ["note", "survey", "timeline"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Who may change each kind. The id of a `timeline:` document is its project's id. */
const WRITE_ACTION: Record<DocumentKind, ProjectAction> = {
  note: "notes.edit",
  survey: "surveys.edit",
  timeline: "timeline.edit",
};

// cuid-like ids only: no separators, no path tricks, bounded length.
const NAME_PATTERN = /^([a-z]+):([a-z0-9]{8,40})$/;

export type DocumentName = { kind: DocumentKind; id: string; name: string };

export function parseDocumentName(name: string): DocumentName | null {
  const match = NAME_PATTERN.exec(name);
  if (!match) return null;
  const [, kind, id] = match;
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind!)) return null;
  return { kind: kind as DocumentKind, id: id!, name };
}

export function canWriteDocument(access: ProjectAccess, doc: DocumentName): boolean {
  return can(access, WRITE_ACTION[doc.kind]);
}

/** The project a document belongs to, or null when there is no such document. */
export async function documentProjectId(doc: DocumentName): Promise<string | null> {
  switch (doc.kind) {
    case "note":
      return (await prisma.note.findUnique({ where: { id: doc.id }, select: { projectId: true } }))?.projectId ?? null;
    case "survey":
      return (
        (await prisma.survey.findUnique({ where: { id: doc.id }, select: { projectId: true } }))?.projectId ?? null
      );
    case "timeline":
      return (await prisma.project.findUnique({ where: { id: doc.id }, select: { id: true } }))?.id ?? null;
  }
}
