import type { IncomingMessage } from "node:http";
import { lucia } from "../../app/models/accounts/auth.server";
import { hashSessionId } from "../../app/models/accounts/session-adapter.server";
import { documentRights, type RightsReader } from "../../app/models/documents/document-access.server";
import { parseDocumentName, type DocumentName } from "../../app/models/documents/registry.server";
import { checkSite } from "../site";

export type Authorized = {
  ok: true;
  userId: string;
  sessionHash: string;
  doc: DocumentName;
  readOnly: boolean;
};
export type Refused = {
  ok: false;
  status: 400 | 401 | 403 | 404;
  reason: string;
  /** Who asked, when the session was valid (the refusal counts against them, not their address). */
  session?: { userId: string; sessionHash: string };
};

export const COLLAB_PATH = "/collab/";

/**
 * Decides at the HTTP upgrade, before any document byte is sent: a well-formed document
 * name of a registered kind, this site's Origin (a page elsewhere cannot open a socket with
 * our cookie), a live session from the cookie (never a token in the URL), and the right to
 * read the document (`documentRights`, the same rule as the HTTP route and the re-check).
 * A document that does not exist and one the user may not see get the same 404, as pages answer
 * where the user may not know something exists (a finding of another project, issue 14).
 */
export async function authorizeUpgrade(req: IncomingMessage, reader: RightsReader): Promise<Authorized | Refused> {
  const url = new URL(req.url ?? "/", "http://collab.invalid");
  let name: string;
  try {
    name = decodeURIComponent(url.pathname.slice(COLLAB_PATH.length));
  } catch {
    return { ok: false, status: 400, reason: "undecodable document name" };
  }
  const doc = url.pathname.startsWith(COLLAB_PATH) ? parseDocumentName(name) : null;
  if (!doc) return { ok: false, status: 400, reason: "malformed document name" };

  // Host and Origin must name this site (site.ts, DNS rebinding: decision 015); a browser always sends Origin here.
  const site = checkSite(req.headers);
  if (!req.headers.origin || !site.ok) {
    return { ok: false, status: 403, reason: site.ok ? "missing Origin" : site.reason };
  }

  let sessionId: string | null = null;
  try {
    sessionId = lucia.readSessionCookie(req.headers.cookie ?? "");
  } catch {
    sessionId = null; // a malformed cookie header counts as none
  }
  if (!sessionId) return { ok: false, status: 401, reason: "no session" };
  const sessionHash = hashSessionId(sessionId);
  const session = await reader.session(sessionHash);
  if (!session) return { ok: false, status: 401, reason: "invalid session" };

  const rights = await documentRights(reader, doc, session.userId);
  if (!rights) {
    return {
      ok: false,
      status: 404,
      reason: "no access to the document",
      session: { userId: session.userId, sessionHash },
    };
  }
  return { ok: true, userId: session.userId, sessionHash, doc, readOnly: rights === "read" };
}
