import type { AppLoadContext } from "@remix-run/node";
import { documentRights, type RightsReader } from "../../app/models/documents/document-access.server";
import { parseDocumentName } from "../../app/models/documents/registry.server";
import type { RoomRegistry } from "./room-registry";

/**
 * What the Remix app may ask of the collaboration server, through its load context: the
 * rights on a document (same reader and rule as the upgrade), closing a document's sockets,
 * removing a document for good. The app never touches the update log itself.
 */
export function documentsService(registry: RoomRegistry, reader: RightsReader): AppLoadContext["documents"] {
  return {
    async rights(name, userId) {
      const doc = parseDocumentName(name);
      return doc ? documentRights(reader, doc, userId) : null;
    },
    closeDocument(name) {
      registry.closeDocument(name);
    },
    read(name) {
      return registry.read(name);
    },
    async removeDocument(name) {
      await registry.remove(name);
    },
  };
}
