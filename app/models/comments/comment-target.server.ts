import { prisma } from "../core/db.server";
import type { ProjectAccess } from "../projects/permissions.server";
import { canReadFinding } from "../review/finding-visibility.server";
import { findingReadAction, findingStage } from "../review/finding-visibility";
import type { ProjectAction } from "../projects/rights";

/** What a thread is about: a finding or a note of the project, as far as comments need it. */
export type CommentTarget = {
  kind: "finding" | "note";
  id: string;
  projectId: string;
  /** The finding's or note's author: may resolve its threads. */
  authorId: string | null;
  title: string;
  /** The co-edited document holding the text anchors point into. */
  docName: string;
  /** Its page, where threads show (`#thread-<id>` is added for one). */
  href: string;
  /** What a member must be allowed to read it (a finding's depends on its review stage). */
  readAction: ProjectAction;
};

export type TargetRef = { findingId: string } | { noteId: string };

/**
 * The finding or note, when it is this project's and the access may read it: null otherwise
 * (a finding still a draft for a council reviewer, a note in the trash), so callers answer 404.
 */
export async function loadTarget(access: ProjectAccess, ref: TargetRef): Promise<CommentTarget | null> {
  const projectId = access.projectId;
  if ("findingId" in ref) {
    const finding = await prisma.finding.findFirst({
      where: { id: ref.findingId, projectId },
      select: { id: true, authorId: true, title: true, state: true, firstSubmittedAt: true },
    });
    if (!finding || !canReadFinding(access, finding)) return null;
    return {
      kind: "finding",
      id: finding.id,
      projectId,
      authorId: finding.authorId,
      title: finding.title,
      docName: `finding:${finding.id}`,
      href: `/projects/${projectId}/findings/${finding.id}`,
      readAction: findingReadAction(findingStage(finding)),
    };
  }
  const note = await prisma.note.findFirst({
    where: { id: ref.noteId, projectId, deletedAt: null },
    select: { id: true, authorId: true, title: true },
  });
  if (!note) return null;
  return {
    kind: "note",
    id: note.id,
    projectId,
    authorId: note.authorId,
    title: note.title,
    docName: `note:${note.id}`,
    href: `/projects/${projectId}/notes/${note.id}`,
    readAction: "content.read",
  };
}

export type LoadedThread = {
  id: string;
  authorId: string | null;
  resolvedAt: Date | null;
  target: CommentTarget;
};

/** A thread of this project with its target, when the access may read that target; else null (404). */
export async function loadThread(access: ProjectAccess, threadId: string): Promise<LoadedThread | null> {
  const thread = await prisma.commentThread.findFirst({
    where: { id: threadId, projectId: access.projectId },
    select: { id: true, authorId: true, resolvedAt: true, findingId: true, noteId: true },
  });
  if (!thread) return null;
  const ref: TargetRef | null = thread.findingId
    ? { findingId: thread.findingId }
    : thread.noteId
      ? { noteId: thread.noteId }
      : null;
  const target = ref ? await loadTarget(access, ref) : null;
  if (!target) return null;
  return { id: thread.id, authorId: thread.authorId, resolvedAt: thread.resolvedAt, target };
}
