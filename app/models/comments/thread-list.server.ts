import { prisma } from "../core/db.server";
import { can, type ProjectAccess } from "../projects/permissions.server";
import { COMMENT_LIMITS as L } from "./comment-limits";
import { loadTarget, type TargetRef } from "./comment-target.server";
import { mentionableMembers } from "./mentions.server";
import { canResolve } from "./thread-actions.server";
import type { ThreadsData, ThreadView } from "./thread-view";

export type { ThreadsData };

const person = (user: { id: string; name: string } | null) => (user ? { id: user.id, name: user.name } : null);

/**
 * The threads of a finding or a note for its page, oldest first, or null when the access may
 * not read the object (the page answers 404 before, this is a second lock). Two indexed reads
 * whatever the number of threads (threads, then their comments), and the members for mentions.
 */
export async function listThreads(access: ProjectAccess, ref: TargetRef): Promise<ThreadsData | null> {
  const target = await loadTarget(access, ref);
  if (!target) return null;
  const where = target.kind === "finding" ? { findingId: target.id } : { noteId: target.id };
  const canComment = can(access, "content.comment");
  const [threads, members] = await Promise.all([
    prisma.commentThread.findMany({
      where,
      orderBy: { createdAt: "asc" },
      take: L.threadsMax,
      select: {
        id: true,
        authorId: true,
        anchor: true,
        quote: true,
        currentText: true,
        createdAt: true,
        resolvedAt: true,
        author: { select: { id: true, name: true } },
        resolvedBy: { select: { name: true } },
      },
    }),
    canComment ? mentionableMembers(target) : Promise.resolve([]),
  ]);
  const comments = await prisma.comment.findMany({
    where: { threadId: { in: threads.map((thread) => thread.id) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: L.commentsShown,
    select: {
      id: true,
      threadId: true,
      body: true,
      createdAt: true,
      editedAt: true,
      deletedAt: true,
      author: { select: { id: true, name: true } },
    },
  });
  const byThread = new Map<string, ThreadView["comments"]>(threads.map((thread) => [thread.id, []]));
  for (const comment of comments) {
    const deleted = comment.deletedAt !== null;
    const ownerId = comment.author?.id ?? null;
    byThread.get(comment.threadId)?.push({
      id: comment.id,
      author: person(comment.author),
      body: deleted ? "" : comment.body,
      createdAt: comment.createdAt.toISOString(),
      editedAt: comment.editedAt?.toISOString() ?? null,
      deleted,
      canEdit: !deleted && can(access, "comments.edit", { ownerId }),
      canDelete: !deleted && can(access, "comments.delete", { ownerId }),
    });
  }
  return {
    target: { kind: target.kind, id: target.id },
    canComment,
    members,
    threads: threads.map((thread) => ({
      id: thread.id,
      author: person(thread.author),
      quote: thread.quote,
      currentText: thread.currentText,
      anchor: thread.anchor ? Buffer.from(thread.anchor).toString("base64url") : null,
      createdAt: thread.createdAt.toISOString(),
      resolvedAt: thread.resolvedAt?.toISOString() ?? null,
      resolvedBy: thread.resolvedBy?.name ?? null,
      canResolve: canResolve(access, thread, target),
      comments: byThread.get(thread.id) ?? [],
    })),
  };
}
