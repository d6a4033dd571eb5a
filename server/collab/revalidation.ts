import { batchProjectAccess, canWriteDocument } from "../../app/models/document-access.server";
import { prisma } from "../../app/models/db.server";
import type { Room } from "./room";

/** Close codes the editor understands: stop for good, or reconnect with new rights. */
export const CLOSE_ACCESS_ENDED = 4403;
export const CLOSE_RIGHTS_CHANGED = 4409;

/**
 * Sessions end (log out, password change) and members are removed or change role while
 * their sockets are open. Every few seconds, in three or four queries whatever the number
 * of sockets, close those that lost access and make those whose rights changed reconnect.
 */
export async function revalidateClients(rooms: Map<string, Room>, log: (line: string) => void): Promise<void> {
  const entries = [...rooms.values()].flatMap((room) => [...room.clients.values()].map((client) => ({ room, client })));
  if (entries.length === 0) return;
  const hashes = [...new Set(entries.map((e) => e.client.sessionHash))];
  const live = await prisma.session.findMany({
    where: { id: { in: hashes }, expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  const liveHashes = new Set(live.map((s) => s.id));
  const access = await batchProjectAccess(
    entries.map((e) => ({ userId: e.client.userId, projectId: e.client.projectId })),
  );

  for (const { room, client } of entries) {
    const current = access.get(`${client.userId}|${client.projectId}`);
    if (!liveHashes.has(client.sessionHash) || !current) {
      log(`${room.name.name}: access ended for ${client.userId}, closing`);
      client.socket.close(CLOSE_ACCESS_ENDED, "access ended");
    } else if (canWriteDocument(current, room.name) === client.readOnly) {
      client.socket.close(CLOSE_RIGHTS_CHANGED, "rights changed");
    }
  }
}
