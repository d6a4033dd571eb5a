import { canWriteDocument } from "../../app/models/documents/document-access.server";
import { accessFrom, type ProjectAccess } from "../../app/models/projects/permissions.server";
import type { AccessReader } from "./access-reader";
import type { Room } from "./room";

/** Close codes the editor understands: stop for good, or reconnect with new rights. */
export const CLOSE_ACCESS_ENDED = 4403;
export const CLOSE_RIGHTS_CHANGED = 4409;

/**
 * Sessions end (log out, password change) and members are removed or change role while
 * their sockets are open. Every few seconds, close those that lost access and make those
 * whose rights changed reconnect. Each session and each (user, project) pair is read once per
 * pass, with the reader's prepared statements; the decision is the permissions module's.
 */
export function revalidateClients(rooms: Map<string, Room>, reader: AccessReader, log: (line: string) => void): void {
  const liveSessions = new Map<string, boolean>();
  const accesses = new Map<string, ProjectAccess | null>();
  for (const room of rooms.values()) {
    for (const client of room.clients.values()) {
      let live = liveSessions.get(client.sessionHash);
      if (live === undefined) {
        live = reader.session(client.sessionHash) !== null;
        liveSessions.set(client.sessionHash, live);
      }
      const key = `${client.userId}|${room.projectId}`;
      let access = accesses.get(key);
      if (access === undefined) {
        const facts = reader.projectAccessFacts(room.projectId, client.userId);
        access = facts ? accessFrom(facts) : null;
        accesses.set(key, access);
      }
      if (!live || !access) {
        log(`${room.name.name}: access ended for ${client.userId}, closing`);
        client.socket.close(CLOSE_ACCESS_ENDED, "access ended");
      } else if (canWriteDocument(access, room.name) === client.readOnly) {
        client.socket.close(CLOSE_RIGHTS_CHANGED, "rights changed");
      }
    }
  }
}
