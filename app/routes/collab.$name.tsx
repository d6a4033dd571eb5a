import type { LoaderFunctionArgs } from "@remix-run/node";
import { getOptionalUser } from "~/models/accounts/auth.server";
import { parseDocumentName } from "~/models/documents/registry.server";

/**
 * The collaboration address over plain HTTP: 204 when this session may open the document's
 * socket, 401 or 404 when not — the same answer as the websocket upgrade, which a browser
 * cannot read (a refused upgrade looks like a network failure). The editor asks here after a
 * failed reconnection, so a member removed while offline is told, instead of retrying for ever.
 * A 204 also says, in `X-Collab-Rights`, whether the socket would be read-only: the editor asks
 * on every connection, so that someone whose role changed while offline is told rather than
 * typing into a socket that drops their changes. The rights come from the collaboration
 * server itself (same reader, same rule as its upgrade).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const headers = { "Cache-Control": "no-store" };
  const doc = parseDocumentName(params.name ?? "");
  if (!doc) return new Response(null, { status: 400, headers });
  const user = await getOptionalUser(request);
  if (!user) return new Response(null, { status: 401, headers });
  const rights = await context.documents.rights(doc.name, user.id);
  // An unknown document and a forbidden one get the same answer, as at the upgrade.
  if (!rights) return new Response(null, { status: 404, headers });
  return new Response(null, { status: 204, headers: { ...headers, "X-Collab-Rights": rights } });
}
