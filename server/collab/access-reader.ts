import Database from "better-sqlite3";
import type { DocumentKind } from "../../app/models/document-access.server";

export type SessionFacts = { userId: string; siteRole: string };
/** What the permissions module needs about a document's project and the user's place in it. */
export type DocumentFacts = { projectId: string; visibility: string; role: string | null };

/**
 * The facts an upgrade needs, read with two prepared statements (the session, then the
 * document's project for its kind). Every socket pays for them on connect, and going through lucia and four Prisma queries left enough garbage per
 * connection to grow the heap of a server holding thousands of sockets (npm run
 * bench:collab). Only the reading moves here: the decision stays in the permissions module
 * (`accessFrom`, `canWriteDocument`).
 */
export class UpgradeAccessReader {
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
