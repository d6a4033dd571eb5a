import {
  documentRights,
  type DocumentRights,
  type RightsReader,
} from "../../app/models/documents/document-access.server";
import type { RoomRegistry } from "./room-registry";

/** Close codes the editor understands: stop for good, or reconnect with new rights. */
export const CLOSE_ACCESS_ENDED = 4403;
export const CLOSE_RIGHTS_CHANGED = 4409;

/**
 * Sessions end (log out, password change), members are removed or change role, notes go to
 * the trash, while sockets are open. Every `everyMs`, each open socket's session and rights
 * are read again with the same reader and the same rule as at the upgrade
 * (`documentRights`): those that lost access are closed, those whose rights changed are made
 * to reconnect. Each session and each (user, document) pair is read once per pass.
 */
export function startRevalidation({
  registry,
  reader,
  everyMs,
  log,
}: {
  registry: RoomRegistry;
  reader: RightsReader;
  everyMs: number;
  log: (line: string) => void;
}): { stop: () => void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return; // a slow pass is not stacked with the next
    running = true;
    revalidateClients(registry, reader, log)
      .catch((error: unknown) => log(`revalidation failed (${String(error)})`))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

export async function revalidateClients(
  registry: RoomRegistry,
  reader: RightsReader,
  log: (line: string) => void,
): Promise<void> {
  const liveSessions = new Map<string, boolean>();
  const rightsOf = new Map<string, DocumentRights | null>();
  for (const room of [...registry.rooms.values()]) {
    for (const client of [...room.clients.values()]) {
      let live = liveSessions.get(client.sessionHash);
      if (live === undefined) {
        live = (await reader.session(client.sessionHash)) !== null;
        liveSessions.set(client.sessionHash, live);
      }
      const key = `${client.userId}|${room.name.name}`;
      let rights = rightsOf.get(key);
      if (rights === undefined) {
        rights = await documentRights(reader, room.name, client.userId);
        rightsOf.set(key, rights);
      }
      if (!live || !rights) {
        log(`${room.name.name}: access ended for ${client.userId}, closing`);
        client.socket.close(CLOSE_ACCESS_ENDED, "access ended");
      } else if ((rights === "read") !== client.readOnly) {
        client.socket.close(CLOSE_RIGHTS_CHANGED, "rights changed");
      }
    }
  }
}
