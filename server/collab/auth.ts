import type { IncomingMessage } from "node:http";
import { verifyRequestOrigin } from "lucia";
import { lucia } from "../../app/models/accounts/auth.server";
import {
  canWriteDocument,
  parseDocumentName,
  type DocumentName,
} from "../../app/models/documents/document-access.server";
import { accessFrom, can } from "../../app/models/projects/permissions.server";
import { hashSessionId } from "../../app/models/accounts/session-adapter.server";
import type { AccessReader } from "./access-reader";

export type Authorized = {
  ok: true;
  userId: string;
  sessionHash: string;
  doc: DocumentName;
  projectId: string;
  readOnly: boolean;
};
export type Refused = { ok: false; status: 400 | 401 | 403; reason: string };

export const COLLAB_PATH = "/collab/";

/**
 * Decides at the HTTP upgrade, before any document byte is sent: a well-formed document
 * name, this site's Origin (a page elsewhere cannot open a socket with our cookie), a live
 * session from the cookie (never a token in the URL), and the right to read the document.
 * A document that does not exist and one the user may not see get the same 403.
 */
export function authorizeUpgrade(req: IncomingMessage, reader: AccessReader): Authorized | Refused {
  const url = new URL(req.url ?? "/", "http://collab.invalid");
  let name: string;
  try {
    name = decodeURIComponent(url.pathname.slice(COLLAB_PATH.length));
  } catch {
    return { ok: false, status: 400, reason: "undecodable document name" };
  }
  const doc = url.pathname.startsWith(COLLAB_PATH) ? parseDocumentName(name) : null;
  if (!doc) return { ok: false, status: 400, reason: "malformed document name" };

  const origin = req.headers.origin;
  const host = req.headers.host;
  if (!origin || !host || !verifyRequestOrigin(origin, [host])) {
    return { ok: false, status: 403, reason: "foreign or missing Origin" };
  }

  let sessionId: string | null = null;
  try {
    sessionId = lucia.readSessionCookie(req.headers.cookie ?? "");
  } catch {
    sessionId = null; // a malformed cookie header counts as none
  }
  if (!sessionId) return { ok: false, status: 401, reason: "no session" };
  const sessionHash = hashSessionId(sessionId);
  const session = reader.session(sessionHash);
  if (!session) return { ok: false, status: 401, reason: "invalid session" };

  const facts = reader.document(doc.kind, doc.id, session.userId);
  const access = facts ? accessFrom({ ...facts, siteRole: session.siteRole }) : null;
  if (!facts || !access || !can(access, "content.read")) {
    return { ok: false, status: 403, reason: "no access to the document" };
  }
  return {
    ok: true,
    userId: session.userId,
    sessionHash,
    doc,
    projectId: facts.projectId,
    readOnly: !canWriteDocument(access, doc),
  };
}
