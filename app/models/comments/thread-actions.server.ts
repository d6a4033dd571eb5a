import { prisma, type Prisma } from "../core/db.server";
import { notify } from "../notifications/notify.server";
import { can, type ProjectAccess } from "../projects/permissions.server";
import { COMMENT_LIMITS as L, threadHash } from "./comment-limits";
import { loadTarget, loadThread, type CommentTarget, type LoadedThread, type TargetRef } from "./comment-target.server";
import { checkMentions } from "./mentions.server";
import { checkPassage } from "./thread-anchors.server";

/**
 * The acts on comment threads, one transaction each, with their notifications inside it. Each
 * returns where the thread now is, or why nothing was written: "not_found" (404: the object or
 * thread is not this project's, or the user may not read it), "forbidden" (403), the others
 * 400 or 409 (a stale state: already resolved, a deleted comment).
 */
export type ThreadRefusal =
  | "not_found"
  | "forbidden"
  | "bad_anchor"
  | "mismatch"
  | "bad_mention"
  | "resolved"
  | "already_resolved"
  | "not_resolved"
  | "comment_deleted"
  | "too_many_threads";
export type ThreadOutcome = { threadId: string; href: string } | ThreadRefusal;

type Actor = { access: ProjectAccess; userId: string };

const hrefOf = (target: CommentTarget, threadId: string) => `${target.href}${threadHash(threadId)}`;
const detailOf = (body: string) => (body.length > 140 ? `${body.slice(0, 139)}…` : body);

/** Who may resolve or reopen: the thread's author, the object's author, coordinators. */
export function canResolve(access: ProjectAccess, thread: { authorId: string | null }, target: CommentTarget): boolean {
  return (
    can(access, "threads.resolve", { ownerId: thread.authorId }) ||
    can(access, "threads.resolve", { ownerId: target.authorId })
  );
}

async function notifyMentions(
  tx: Prisma.TransactionClient,
  {
    userId,
    target,
    threadId,
    body,
    mentions,
  }: { userId: string; target: CommentTarget; threadId: string; body: string; mentions: string[] },
) {
  await notify(tx, {
    type: "comment_mention",
    projectId: target.projectId,
    actorId: userId,
    href: hrefOf(target, threadId),
    subject: target.title,
    detail: detailOf(body),
    recipients: mentions,
  });
}

/**
 * Opens a thread on a finding or a note: general, or on a passage whose quote must be what the
 * anchor holds in the document as stored (`readDocument`, the collaboration server's
 * `documents.read`), read only once the object is known to be readable.
 */
export async function openThread({
  access,
  userId,
  ref,
  body,
  mentions,
  passage,
  readDocument,
}: Actor & {
  ref: TargetRef;
  body: string;
  mentions: string[];
  passage: { quote: string; anchor: Uint8Array } | null;
  readDocument: (name: string) => Promise<Uint8Array | null>;
}): Promise<ThreadOutcome> {
  const target = await loadTarget(access, ref);
  if (!target) return "not_found";
  if (!can(access, "content.comment")) return "forbidden";
  const mentioned = await checkMentions(target, mentions);
  if (!mentioned) return "bad_mention";
  let held: string | null = null;
  if (passage) {
    const checked = await checkPassage(readDocument, target.docName, passage.quote, passage.anchor);
    if (typeof checked === "string") return checked;
    held = checked.held;
  }
  const where = target.kind === "finding" ? { findingId: target.id } : { noteId: target.id };
  if ((await prisma.commentThread.count({ where })) >= L.threadsMax) return "too_many_threads";
  return prisma.$transaction(async (tx) => {
    const thread = await tx.commentThread.create({
      data: {
        projectId: target.projectId,
        ...where,
        authorId: userId,
        ...(passage ? { anchor: Buffer.from(passage.anchor), quote: passage.quote.trim(), currentText: held } : {}),
        comments: { create: { authorId: userId, body } },
      },
      select: { id: true },
    });
    await notifyMentions(tx, { userId, target, threadId: thread.id, body, mentions: mentioned });
    return { threadId: thread.id, href: hrefOf(target, thread.id) };
  });
}

/** Replies in an open thread; its participants (author and everyone who wrote in it) are told. */
export async function replyToThread({
  access,
  userId,
  threadId,
  body,
  mentions,
}: Actor & { threadId: string; body: string; mentions: string[] }): Promise<ThreadOutcome> {
  const thread = await loadThread(access, threadId);
  if (!thread) return "not_found";
  if (!can(access, "content.comment")) return "forbidden";
  if (thread.resolvedAt) return "resolved";
  const mentioned = await checkMentions(thread.target, mentions);
  if (!mentioned) return "bad_mention";
  return prisma.$transaction(async (tx) => {
    // Re-read inside the transaction: a thread resolved meanwhile takes no reply.
    const fresh = await tx.commentThread.updateMany({
      where: { id: thread.id, resolvedAt: null },
      data: { lastActivityAt: new Date() },
    });
    if (!fresh.count) return "resolved" as const;
    const writers = await tx.comment.findMany({
      where: { threadId: thread.id, authorId: { not: null } },
      distinct: ["authorId"],
      select: { authorId: true },
    });
    await tx.comment.create({ data: { threadId: thread.id, authorId: userId, body } });
    const participants = [thread.authorId, ...writers.map((w) => w.authorId)].filter(
      (id): id is string => Boolean(id) && !mentioned.includes(id!),
    );
    await notify(tx, {
      type: "comment_reply",
      projectId: thread.target.projectId,
      actorId: userId,
      href: hrefOf(thread.target, thread.id),
      subject: thread.target.title,
      detail: detailOf(body),
      recipients: participants,
    });
    await notifyMentions(tx, { userId, target: thread.target, threadId: thread.id, body, mentions: mentioned });
    return { threadId: thread.id, href: hrefOf(thread.target, thread.id) };
  });
}

/** A comment of this project with its thread, when the access may read the thread's object. */
async function loadComment(access: ProjectAccess, commentId: string) {
  const comment = await prisma.comment.findFirst({
    where: { id: commentId, thread: { projectId: access.projectId } },
    select: { id: true, authorId: true, deletedAt: true, threadId: true },
  });
  if (!comment) return null;
  const thread = await loadThread(access, comment.threadId);
  return thread ? { comment, thread } : null;
}

/** Rewrites one's own comment (`comments.edit`, owner = its author). */
export async function editComment({
  access,
  commentId,
  body,
}: Actor & { commentId: string; body: string }): Promise<ThreadOutcome> {
  const loaded = await loadComment(access, commentId);
  if (!loaded) return "not_found";
  const { comment, thread } = loaded;
  if (!can(access, "comments.edit", { ownerId: comment.authorId })) return "forbidden";
  if (comment.deletedAt) return "comment_deleted";
  const changed = await prisma.comment.updateMany({
    where: { id: comment.id, deletedAt: null },
    data: { body, editedAt: new Date() },
  });
  if (!changed.count) return "comment_deleted";
  return { threadId: thread.id, href: hrefOf(thread.target, thread.id) };
}

/**
 * Deletes a comment (`comments.delete`: one's own, or anyone's for a coordinator): its words
 * go, its place stays ("Commentaire supprimé").
 */
export async function deleteComment({ access, commentId }: Actor & { commentId: string }): Promise<ThreadOutcome> {
  const loaded = await loadComment(access, commentId);
  if (!loaded) return "not_found";
  const { comment, thread } = loaded;
  if (!can(access, "comments.delete", { ownerId: comment.authorId })) return "forbidden";
  const changed = await prisma.comment.updateMany({
    where: { id: comment.id, deletedAt: null },
    data: { body: "", deletedAt: new Date() },
  });
  if (!changed.count) return "comment_deleted";
  return { threadId: thread.id, href: hrefOf(thread.target, thread.id) };
}

/** Resolves (resolved = true) or reopens a thread; a thread already so answers 409. */
export async function setThreadResolved({
  access,
  userId,
  threadId,
  resolved,
}: Actor & { threadId: string; resolved: boolean }): Promise<ThreadOutcome> {
  const thread: LoadedThread | null = await loadThread(access, threadId);
  if (!thread) return "not_found";
  if (!canResolve(access, thread, thread.target)) return "forbidden";
  const changed = await prisma.commentThread.updateMany({
    where: { id: thread.id, resolvedAt: resolved ? null : { not: null } },
    data: resolved
      ? { resolvedAt: new Date(), resolvedById: userId, lastActivityAt: new Date() }
      : { resolvedAt: null, resolvedById: null, lastActivityAt: new Date() },
  });
  if (!changed.count) return resolved ? "already_resolved" : "not_resolved";
  return { threadId: thread.id, href: hrefOf(thread.target, thread.id) };
}
