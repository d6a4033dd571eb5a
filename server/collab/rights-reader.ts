import Database from "better-sqlite3";
import type { DocumentKind } from "../../app/models/documents/document-kind";
import type { ProjectFacts, RightsReader, SessionFacts } from "../../app/models/documents/document-access.server";
import { documentKinds } from "../../app/models/documents/registry.server";
import { BUSY_TIMEOUT_MS } from "../../app/utils/database-busy";

/**
 * Reads the facts the rights rule needs (app/models/documents/document-access.server.ts) from
 * SQLite with prepared statements: every socket pays for them on connect and at every
 * re-check, and going through lucia and several Prisma queries left enough garbage per
 * connection to grow the heap of a server holding thousands of sockets (npm run
 * bench:collab). One statement per document kind, built from the kind's own `projectOf`.
 * The HTTP collaboration route uses this same reader through the load context.
 */
export class SqliteRightsReader implements RightsReader {
  private readonly db: Database.Database;
  private readonly sessionStatement;
  private readonly documentStatements = new Map<
    string,
    Database.Statement<[{ id: string; userId: string }], ProjectFacts>
  >();

  constructor(file: string) {
    // Start-up (the statements read the schema) may wait as before: nothing is served yet.
    this.db = new Database(file, { timeout: 5000 });
    this.sessionStatement = this.db.prepare<[string], { userId: string; siteRole: string; expiresAt: string }>(
      `SELECT s.userId AS userId, u.siteRole AS siteRole, s.expiresAt AS expiresAt
       FROM "Session" s JOIN "User" u ON u.id = s.userId WHERE s.id = ?`,
    );
    for (const kind of documentKinds()) {
      this.documentStatements.set(
        kind.kind,
        this.db.prepare(
          `SELECT d.projectId AS projectId, d.stage AS stage, p.visibility AS visibility, m.role AS role,
             u.siteRole AS siteRole
           FROM (${kind.projectOf}) d JOIN "Project" p ON p.id = d.projectId
           JOIN "User" u ON u.id = @userId
           LEFT JOIN "Membership" m ON m.projectId = d.projectId AND m.userId = @userId`,
        ),
      );
    }
    // Reads never wait for a writer in WAL mode; should one meet a lock anyway, SQLite's busy
    // wait would sleep on the event loop, so it is kept short and the read fails instead (the
    // upgrade is refused and retried by the client, the re-check runs again; decision 013).
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }

  async session(sessionHash: string): Promise<SessionFacts | null> {
    const row = this.sessionStatement.get(sessionHash);
    if (!row || new Date(row.expiresAt).getTime() <= Date.now()) return null;
    return { userId: row.userId, siteRole: row.siteRole };
  }

  async document(kind: DocumentKind, id: string, userId: string): Promise<ProjectFacts | null> {
    return this.documentStatements.get(kind.kind)?.get({ id, userId }) ?? null;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
