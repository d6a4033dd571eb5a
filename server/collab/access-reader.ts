import Database from "better-sqlite3";

export type SessionFacts = { userId: string; siteRole: string };
export type NoteFacts = { projectId: string; visibility: string; role: string | null };

/**
 * The facts an upgrade needs, read with two prepared statements. Every socket pays for them
 * on connect, and going through lucia and four Prisma queries left enough garbage per
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
      note: this.db.prepare<[string, string], NoteFacts>(
        `SELECT n.projectId AS projectId, p.visibility AS visibility, m.role AS role
         FROM "Note" n JOIN "Project" p ON p.id = n.projectId
         LEFT JOIN "Membership" m ON m.projectId = n.projectId AND m.userId = ?
         WHERE n.id = ?`,
      ),
    };
  }

  /** The live session with this hash (as lucia stores it, see session-adapter.server.ts). */
  session(sessionHash: string): SessionFacts | null {
    const row = this.statements.session.get(sessionHash);
    if (!row || new Date(row.expiresAt).getTime() <= Date.now()) return null;
    return { userId: row.userId, siteRole: row.siteRole };
  }

  note(noteId: string, userId: string): NoteFacts | null {
    return this.statements.note.get(userId, noteId) ?? null;
  }

  close(): void {
    this.db.close();
  }
}
