/**
 * The demo's comment threads (issue 15 §2), written through the app's own model functions so
 * that anchors are checked and notifications come out as in use: on the finding under review,
 * a passage the council reviewer questioned (answered with a mention, then resolved by them) and
 * a general thread still open; on a note, a general thread with a mention and a thread on a
 * passage with a reply. Call after seedDemoReview.
 */
import * as Y from "yjs";
import type { PrismaClient } from "../app/generated/prisma/client";
import { openThread, replyToThread, setThreadResolved } from "../app/models/comments/thread-actions.server";
import type { TargetRef } from "../app/models/comments/comment-target.server";
import { anchorAtOffsets, encodeAnchor } from "../app/models/findings/note-anchor";
import { flattenRichText } from "../app/models/notes/note-flat-text";
import { NOTE_FRAGMENT } from "../app/models/notes/note-schema";
import { getProjectAccess } from "../app/models/projects/permissions.server";

type People = { researcherId: string; coordinatorId: string; reviewerId: string; localActorId: string };

/** A passage of a stored document (the first `words` words of its longest block) and its anchor. */
async function passageOf(prisma: PrismaClient, docName: string, words: number) {
  const row = await prisma.documentSnapshot.findUnique({ where: { docName }, select: { state: true } });
  if (!row) return null;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, row.state);
  const flat = flattenRichText(doc.getXmlFragment(NOTE_FRAGMENT));
  const blocks = flat.text.split("\n");
  const longest = blocks.reduce((a, b) => (b.length > a.length ? b : a), "");
  const quote = longest.split(" ").slice(0, words).join(" ");
  const start = flat.text.indexOf(longest);
  const anchor = quote ? anchorAtOffsets(flat, start, start + quote.length) : null;
  doc.destroy();
  return anchor ? { quote, anchor: encodeAnchor(anchor) } : null;
}

export async function seedDemoComments(
  prisma: PrismaClient,
  { projectId, people }: { projectId: string; people: People },
): Promise<void> {
  const readDocument = async (name: string) => {
    const row = await prisma.documentSnapshot.findUnique({ where: { docName: name }, select: { state: true } });
    return row ? new Uint8Array(row.state) : null;
  };
  const actor = async (userId: string) => ({
    access: (await getProjectAccess({ id: userId, siteRole: "member" }, projectId))!,
    userId,
  });
  const ok = <T>(outcome: T | string, what: string): T => {
    if (typeof outcome === "string") throw new Error(`demo comments: ${what} refused (${outcome})`);
    return outcome;
  };
  const open = async (userId: string, ref: TargetRef, body: string, mentions: string[], passage: boolean) => {
    const docName = "findingId" in ref ? `finding:${ref.findingId}` : `note:${ref.noteId}`;
    const found = passage ? await passageOf(prisma, docName, 8) : null;
    const outcome = await openThread({ ...(await actor(userId)), ref, body, mentions, passage: found, readDocument });
    return ok(outcome, "open").threadId;
  };
  const reply = async (userId: string, threadId: string, body: string, mentions: string[] = []) =>
    ok(await replyToThread({ ...(await actor(userId)), threadId, body, mentions }), "reply");

  const finding = await prisma.finding.findFirst({
    where: { projectId, firstSubmittedAt: { not: null }, state: { in: ["submitted", "changes_requested"] } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (finding) {
    const ref = { findingId: finding.id };
    const questioned = await open(
      people.reviewerId,
      ref,
      "D'où vient ce constat ? Citez les entretiens qui le montrent.",
      [],
      true,
    );
    await reply(
      people.researcherId,
      questioned,
      "@Bernard Olivier : trois entretiens de mars le disent, je les ai ajoutés en preuves.",
      [people.reviewerId],
    );
    ok(
      await setThreadResolved({ ...(await actor(people.reviewerId)), threadId: questioned, resolved: true }),
      "resolve",
    );
    const general = await open(
      people.reviewerId,
      ref,
      "Le conseil aimerait savoir si les communes voisines ont été interrogées.",
      [],
      false,
    );
    await reply(people.coordinatorId, general, "Pas encore : c'est prévu à l'atelier de mai.");
  }

  const note = await prisma.note.findFirst({
    where: { projectId, deletedAt: null },
    orderBy: { observedOn: "asc" },
    select: { id: true },
  });
  if (note) {
    const ref = { noteId: note.id };
    await open(
      people.coordinatorId,
      ref,
      "@Rachid Benali, peux-tu relire cette note avant l'atelier ?",
      [people.researcherId],
      false,
    );
    const onPassage = await open(people.localActorId, ref, "Ce n'est pas tout à fait ce qui a été dit.", [], true);
    await reply(people.researcherId, onPassage, "Tu as raison, je reformule d'après l'enregistrement.");
  }
}
