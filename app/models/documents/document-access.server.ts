import { accessFrom, can, type ProjectAccess } from "../projects/permissions.server";
import type { DocumentKind } from "./document-kind";
import type { DocumentName } from "./registry.server";

export type SessionFacts = { userId: string; siteRole: string };
/** A project's visibility and the user's place in it: what `accessFrom` decides on. */
export type ProjectFacts = {
  projectId: string;
  visibility: string;
  role: string | null;
  siteRole: string;
  /** Where the document stands, for kinds with `stageRights` (null otherwise). */
  stage: string | null;
};

/**
 * How the rights of a socket or a collaboration request are read: one implementation per
 * database (server/collab/rights-reader.ts for SQLite), used by the websocket upgrade, the
 * periodic re-check of open sockets and the HTTP collaboration route alike. Only the reading
 * lives there; the decision is `documentRights` below, through the permissions module.
 */
export interface RightsReader {
  /** The live session with this hash (as stored by session-adapter.server.ts), or null. */
  session(sessionHash: string): Promise<SessionFacts | null>;
  /** The document's project and the user's role and site role, or null when there is no such document. */
  document(kind: DocumentKind, id: string, userId: string): Promise<ProjectFacts | null>;
  close(): Promise<void>;
}

export type DocumentRights = "write" | "read";

/** What an access allows on a document at its stage: write, read only, or nothing. */
export function rightsFrom(
  access: ProjectAccess | null,
  doc: DocumentName,
  stage: string | null = null,
): DocumentRights | null {
  const actions = doc.kind.stageRights
    ? doc.kind.stageRights(stage)
    : { read: doc.kind.readAction, write: doc.kind.writeAction };
  if (!access || !can(access, actions.read)) return null;
  return actions.write && can(access, actions.write) ? "write" : "read";
}

/**
 * The one rule for every way into a document: null when it does not exist or the user may
 * not read it (callers answer both the same way, so that existence does not leak).
 */
export async function documentRights(
  reader: RightsReader,
  doc: DocumentName,
  userId: string,
): Promise<DocumentRights | null> {
  const facts = await reader.document(doc.kind, doc.id, userId);
  return facts ? rightsFrom(accessFrom({ ...facts, userId }), doc, facts.stage) : null;
}
