import Database from "better-sqlite3";
import type { DocumentKind } from "../../app/models/documents/document-access.server";

export type SessionFacts = { userId: string; siteRole: string };
/** What the permissions module needs about a document's project and the user's place in it. */
export type DocumentFacts = { projectId: string; visibility: string; role: string | null };

/**
 * The facts the collaboration server needs to apply the permissions module: at the upgrade
 * (the session, then the document's project for its kind) and for the periodic re-check of
 * open sockets (the session, then the user's access to the project). Every socket pays for
 * them on connect and every few seconds, and going through lucia and four Prisma queries left enough garbage per
 * connection to grow the heap of a server holding thousands of sockets (npm run
 * bench:collab). Only the reading moves here: the decision stays in the permissions module
 * (`accessFrom`, `canWriteDocument`).
 */
export class AccessReader {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(file: string) {
    this.db = new Database(file, { timeout: 5000 });
    this.statements = {
      session: this.db.prepare<[string], { userId: string; siteRole: string; expiresAt: string }>(
        `SELECT s.userId AS userId, u.siteRole AS siteRole, s.expiresAt AS expiresAt
         FROM "Session" s JOIN "User" u ON u.id = s.userId WHERE s.id = ?`,
      ),
      // One statement per document kind: each finds the document's project and the user's role.
      note: this.documentStatement(`SELECT projectId FROM "Note" WHERE id = @id`),
      survey: this.documentStatement(`SELECT projectId FROM "Survey" WHERE id = @id`),
      timeline: this.documentStatement(`SELECT id AS projectId FROM "Project" WHERE id = @id`),
      projectAccess: this.db.prepare<[{ id: string; userId: string }], DocumentFacts & { siteRole: string }>(
        `SELECT p.id AS projectId, p.visibility AS visibility, m.role AS role, u.siteRole AS siteRole
         FROM "Project" p JOIN "User" u ON u.id = @userId
         LEFT JOIN "Membership" m ON m.projectId = p.id AND m.userId = @userId
         WHERE p.id = @id`,
      ),
    };
  }

  /** The live session with this hash (as lucia stores it, see session-adapter.server.ts). */
  session(sessionHash: string): SessionFacts | null {
    const row = this.statements.session.get(sessionHash);
    if (!row || new Date(row.expiresAt).getTime() <= Date.now()) return null;
    return { userId: row.userId, siteRole: row.siteRole };
  }

  /** The document's project and the user's role in it, or null when there is no such document. */
  document(kind: DocumentKind, id: string, userId: string): DocumentFacts | null {
    return this.statements[kind].get({ id, userId }) ?? null;
  }

  /** The user's role in the project, the project's visibility and the user's site role, or null. */
  projectAccessFacts(projectId: string, userId: string): (DocumentFacts & { siteRole: string }) | null {
    return this.statements.projectAccess.get({ id: projectId, userId }) ?? null;
  }

  private documentStatement(projectOfDocument: string) {
    return this.db.prepare<[{ id: string; userId: string }], DocumentFacts>(
      `SELECT d.projectId AS projectId, p.visibility AS visibility, m.role AS role
       FROM (${projectOfDocument}) d JOIN "Project" p ON p.id = d.projectId
       LEFT JOIN "Membership" m ON m.projectId = d.projectId AND m.userId = @userId`,
    );
  }

  close(): void {
    this.db.close();
  }
}
