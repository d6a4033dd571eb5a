import { beforeAll, describe, expect, test } from "vitest";
import { createNote } from "../factories";
import { createFinding, EVERYONE, findingsCast, type Who } from "../support/findings-http";
import { location } from "../support/http-client";
import { read } from "../support/notes-http";
import type { TestServer } from "../support/server";
import { serverForFile } from "../support/session";

const currentServer = serverForFile();
let server: TestServer;
let cast: Awaited<ReturnType<typeof findingsCast>>;
let threadsPath: string;
let noteId: string;
/** Submitted to the council (council reviewers read it, observers do not), authored by the researcher. */
let submittedId: string;
let draftId: string;

const as = (who: Who) => cast.as(who);
const post = (who: Who, form: Record<string, string | string[]>, query = "") =>
  as(who).client.post(`${threadsPath}${query}`, form);
const pageOf = (kind: "notes" | "findings", id: string) => `/projects/${cast.project.id}/${kind}/${id}`;

async function openOn(who: Who, target: { noteId?: string; findingId?: string }, body = "Une remarque", extra = {}) {
  const kind = target.noteId ? "notes" : "findings";
  return post(who, {
    intent: "open",
    returnTo: pageOf(kind, (target.noteId ?? target.findingId)!),
    noteId: target.noteId ?? "",
    findingId: target.findingId ?? "",
    body,
    quote: "",
    anchor: "",
    ...extra,
  });
}
const threadOf = (response: Response) => /#thread-(\w+)$/.exec(location(response) ?? "")?.[1] ?? "";

beforeAll(async () => {
  server = currentServer();
  cast = await findingsCast(server);
  threadsPath = `/projects/${cast.project.id}/threads`;
  noteId = (
    await createNote(server.db, { projectId: cast.project.id, authorId: as("local_actor").userId, title: "Marché" })
  ).id;
  submittedId = (await createFinding(server.db, { projectId: cast.project.id, authorId: as("researcher").userId })).id;
  await server.db.finding.update({
    where: { id: submittedId },
    data: { state: "submitted", version: 1, firstSubmittedAt: new Date() },
  });
  draftId = (await createFinding(server.db, { projectId: cast.project.id, authorId: as("researcher").userId })).id;
});

describe("who may open a thread", () => {
  test("on a note: those with content.comment; readers 403; outsiders 404; no session to the login page", async () => {
    const expected: Record<Who, number> = {
      coordinator: 302,
      researcher: 302,
      local_actor: 302,
      council_reviewer: 302,
      observer: 403,
      coalition: 403,
      outsider: 404,
      anonymous: 302,
    };
    for (const who of EVERYONE) {
      const response = await openOn(who, { noteId }, `Remarque de ${who}`);
      expect(response.status, who).toBe(expected[who]);
      if (who === "anonymous") expect(location(response), who).toMatch(/^\/login/);
      else if (expected[who] === 302) {
        expect(location(response), who).toMatch(new RegExp(`^${pageOf("notes", noteId)}#thread-\\w+$`));
      }
    }
    expect(await server.db.commentThread.count({ where: { noteId } })).toBe(4);
  });

  test("on a finding: follows who may read it at its stage (a draft is a 404 for the council)", async () => {
    expect((await openOn("council_reviewer", { findingId: draftId })).status).toBe(404);
    expect((await openOn("observer", { findingId: submittedId })).status).toBe(404);
    expect((await openOn("coalition", { findingId: submittedId })).status).toBe(404);
    expect((await openOn("council_reviewer", { findingId: submittedId })).status).toBe(302);
    expect((await openOn("local_actor", { findingId: draftId })).status).toBe(302);
  });

  test("another project's object or thread is a 404, whoever asks", async () => {
    const otherNote = await createNote(server.db, {
      projectId: cast.otherProject.id,
      authorId: null,
      title: "Ailleurs",
    });
    expect((await openOn("coordinator", { noteId: otherNote.id })).status).toBe(404);
    const mine = threadOf(await openOn("outsider", { noteId: otherNote.id }, "chez moi", { returnTo: "" }));
    expect(mine).toBe("");
    const thread = await server.db.commentThread.create({
      data: { projectId: cast.otherProject.id, noteId: otherNote.id, comments: { create: { body: "x" } } },
    });
    for (const intent of ["reply", "resolve", "reopen"]) {
      const response = await post("coordinator", {
        intent,
        threadId: thread.id,
        body: "ici",
        returnTo: pageOf("notes", noteId),
      });
      expect(response.status, intent).toBe(404);
    }
  });

  test("a note in the trash hides its threads: acting on them is a 404", async () => {
    const note = await createNote(server.db, { projectId: cast.project.id, authorId: null, title: "Jetée" });
    const threadId = threadOf(await openOn("researcher", { noteId: note.id }));
    await server.db.note.update({ where: { id: note.id }, data: { deletedAt: new Date() } });
    const response = await post("researcher", {
      intent: "reply",
      threadId,
      body: "encore",
      returnTo: pageOf("notes", note.id),
    });
    expect(response.status).toBe(404);
  });
});

describe("bad input", () => {
  test("an empty or too long body, a bad returnTo, a bad anchor: 400 with a French message, nothing written", async () => {
    const before = await server.db.comment.count();
    const empty = await openOn("researcher", { noteId }, "   \n ");
    expect(empty.status).toBe(400);
    expect(await read(empty)).toContain("Écrivez un commentaire.");
    const long = await openOn("researcher", { noteId }, "a".repeat(5001));
    expect(long.status).toBe(400);
    expect(await read(long)).toMatch(/au plus 5\s?000 caractères/);
    expect((await openOn("researcher", { noteId }, "ok", { returnTo: "https://evil.example/" })).status).toBe(400);
    expect(
      (await openOn("researcher", { noteId }, "ok", { returnTo: `/projects/${cast.otherProject.id}/notes` })).status,
    ).toBe(400);
    expect((await openOn("researcher", { noteId }, "ok", { quote: "marché", anchor: "!!" })).status).toBe(400);
    expect((await openOn("researcher", { noteId }, "ok", { quote: "marché", anchor: "AAAA" })).status).toBe(400);
    expect((await openOn("researcher", { noteId, findingId: submittedId }, "ok")).status).toBe(400);
    // With JavaScript (the page's fetcher), the refusal is JSON.
    const json = await openOn("researcher", { noteId }, "", { js: "1" });
    expect(json.status).toBe(400);
    expect(await json.json()).toEqual({ error: "Écrivez un commentaire." });
    expect(await server.db.comment.count()).toBe(before);
    expect((await as("researcher").client.get(threadsPath)).status).toBe(405);
  });
});

describe("replies, edits, deletions, resolving", () => {
  test("own comments are edited and deleted by their author; a coordinator deletes anyone's, never edits", async () => {
    const threadId = threadOf(await openOn("local_actor", { noteId }, "Premier mot"));
    const reply = await post("researcher", {
      intent: "reply",
      threadId,
      body: "  Une réponse  ",
      returnTo: pageOf("notes", noteId),
    });
    expect(reply.status).toBe(302);
    const [first, second] = await server.db.comment.findMany({ where: { threadId }, orderBy: { createdAt: "asc" } });
    expect(second!.body).toBe("Une réponse");
    const edit = (who: Who, commentId: string) =>
      post(who, { intent: "edit", commentId, body: `par ${who}`, returnTo: pageOf("notes", noteId) });
    const del = (who: Who, commentId: string) =>
      post(who, { intent: "delete", commentId, returnTo: pageOf("notes", noteId) });
    const editExpected: Record<Who, number> = {
      coordinator: 403,
      researcher: 403,
      local_actor: 302,
      council_reviewer: 403,
      observer: 403,
      coalition: 403,
      outsider: 404,
      anonymous: 302,
    };
    for (const who of EVERYONE) expect((await edit(who, first!.id)).status, `edit ${who}`).toBe(editExpected[who]);
    const edited = await server.db.comment.findUniqueOrThrow({ where: { id: first!.id } });
    expect(edited).toMatchObject({ body: "par local_actor" });
    expect(edited.editedAt).not.toBeNull();
    for (const who of ["local_actor", "council_reviewer", "observer", "coalition"] as Who[]) {
      expect((await del(who, second!.id)).status, `delete ${who}`).toBe(403);
    }
    expect((await del("outsider", second!.id)).status).toBe(404);
    expect((await del("researcher", second!.id)).status).toBe(302);
    expect((await del("researcher", second!.id)).status).toBe(409);
    expect((await edit("researcher", second!.id)).status).toBe(409);
    expect((await del("coordinator", first!.id)).status).toBe(302);
    const after = await server.db.comment.findMany({ where: { threadId }, orderBy: { createdAt: "asc" } });
    expect(after.map((c) => [c.body, c.deletedAt !== null])).toEqual([
      ["", true],
      ["", true],
    ]);
    const page = await read(await as("observer").client.get(pageOf("notes", noteId)));
    expect(page).toContain("Commentaire supprimé");
    expect(page).not.toContain("par local_actor");
  });

  test("resolve and reopen: the thread's author, the object's author, coordinators; 409 when already so", async () => {
    // A council reviewer opens a thread on a submitted finding they cannot edit, and resolves it.
    const threadId = threadOf(await openOn("council_reviewer", { findingId: submittedId }, "À préciser"));
    const act = (who: Who, intent: string) =>
      post(who, { intent, threadId, returnTo: pageOf("findings", submittedId) });
    const refused: Record<Who, number> = {
      coordinator: 0,
      researcher: 0,
      council_reviewer: 0,
      local_actor: 403,
      observer: 404,
      coalition: 404,
      outsider: 404,
      anonymous: 302,
    };
    for (const who of EVERYONE) {
      if (refused[who]) expect((await act(who, "resolve")).status, who).toBe(refused[who]);
    }
    expect((await act("council_reviewer", "resolve")).status).toBe(302);
    expect((await server.db.commentThread.findUniqueOrThrow({ where: { id: threadId } })).resolvedById).toBe(
      as("council_reviewer").userId,
    );
    expect((await act("council_reviewer", "resolve")).status).toBe(409);
    // No reply in a resolved thread: reopen it first.
    const reply = await post("researcher", {
      intent: "reply",
      threadId,
      body: "oui",
      returnTo: pageOf("findings", submittedId),
    });
    expect(reply.status).toBe(409);
    expect((await act("researcher", "reopen")).status).toBe(302); // the finding's author
    expect((await act("researcher", "reopen")).status).toBe(409);
    expect((await act("coordinator", "resolve")).status).toBe(302);
    expect((await act("local_actor", "reopen")).status).toBe(403);
    const page = await read(await as("council_reviewer").client.get(pageOf("findings", submittedId)));
    expect(page).toContain("Discussions résolues (1)");
    expect(page).toContain("À préciser");
  });
});

describe("the permission matrix for replies, deletions and reopening", () => {
  test("every role on a note's thread, own and others' comments", async () => {
    const url = pageOf("notes", noteId);
    const expected: Record<Who, { reply: number; deleteOthers: number; reopenOthers: number }> = {
      coordinator: { reply: 302, deleteOthers: 302, reopenOthers: 302 },
      researcher: { reply: 302, deleteOthers: 403, reopenOthers: 403 },
      local_actor: { reply: 302, deleteOthers: 403, reopenOthers: 302 }, // the note's author
      council_reviewer: { reply: 302, deleteOthers: 403, reopenOthers: 403 },
      observer: { reply: 403, deleteOthers: 403, reopenOthers: 403 },
      coalition: { reply: 403, deleteOthers: 403, reopenOthers: 403 },
      outsider: { reply: 404, deleteOthers: 404, reopenOthers: 404 },
      anonymous: { reply: 302, deleteOthers: 302, reopenOthers: 302 }, // to the login page
    };
    for (const who of EVERYONE) {
      // A thread of someone else (the researcher, or the coordinator for the researcher), resolved.
      const opener: Who = who === "researcher" ? "coordinator" : "researcher";
      const threadId = threadOf(await openOn(opener, { noteId }, `Fil pour ${who}`));
      const [first] = await server.db.comment.findMany({ where: { threadId } });
      const reply = await post(who, { intent: "reply", threadId, body: `réponse de ${who}`, returnTo: url });
      expect(reply.status, `reply ${who}`).toBe(expected[who].reply);
      if (who === "anonymous") expect(location(reply)).toMatch(/^\/login/);
      const removed = await post(who, { intent: "delete", commentId: first!.id, returnTo: url });
      expect(removed.status, `delete ${who}`).toBe(expected[who].deleteOthers);
      expect((await post(opener, { intent: "resolve", threadId, returnTo: url })).status).toBe(302);
      const reopened = await post(who, { intent: "reopen", threadId, returnTo: url });
      expect(reopened.status, `reopen ${who}`).toBe(expected[who].reopenOthers);
      const row = await server.db.commentThread.findUniqueOrThrow({ where: { id: threadId } });
      expect(row.resolvedAt === null, `reopened by ${who}`).toBe(
        expected[who].reopenOthers === 302 && who !== "anonymous",
      );
    }
  });

  test("without JavaScript, the page offers the members to mention in a multiple select", async () => {
    const page = await read(await as("researcher").client.get(pageOf("notes", noteId)));
    expect(page).toMatch(/<select[^>]*name="mentions"[^>]*multiple|<select[^>]*multiple[^>]*name="mentions"/);
    expect(await read(await as("observer").client.get(pageOf("notes", noteId)))).not.toContain('name="mentions"');
  });
});

describe("mentions and notifications", () => {
  test("only members who may read the object can be mentioned; replies tell the participants", async () => {
    const url = pageOf("findings", submittedId);
    const mention = (who: string, ids: string[]) =>
      openOn("coordinator", { findingId: submittedId }, `@quelqu’un ${who}`, { mentions: ids });
    expect((await mention("outsider", [as("outsider").userId!])).status).toBe(400);
    expect((await mention("observer", [as("observer").userId!])).status).toBe(400); // cannot read a submitted finding
    expect((await mention("coalition", [as("coalition").userId!])).status).toBe(400); // not a member
    expect((await mention("forged", ["nobody"])).status).toBe(400);
    const opened = await mention("council_reviewer", [as("council_reviewer").userId!]);
    expect(opened.status).toBe(302);
    const threadId = threadOf(opened);
    const mentioned = await server.db.notification.findMany({
      where: { type: "comment_mention", href: { endsWith: threadId } },
    });
    expect(mentioned).toMatchObject([{ userId: as("council_reviewer").userId, href: `${url}#thread-${threadId}` }]);
    const reply = await post("council_reviewer", { intent: "reply", threadId, body: "Vu", returnTo: url });
    expect(reply.status).toBe(302);
    await post("researcher", { intent: "reply", threadId, body: "Merci", returnTo: url });
    const replies = await server.db.notification.findMany({
      where: { type: "comment_reply", href: { endsWith: threadId } },
      orderBy: { createdAt: "asc" },
    });
    // The first reply tells the thread's author; the second the author and the first replier.
    expect(replies.map((n) => n.userId).sort()).toEqual(
      [as("coordinator").userId, as("coordinator").userId, as("council_reviewer").userId].sort(),
    );
    expect(replies.every((n) => n.href === `${url}#thread-${threadId}`)).toBe(true);
  });
});
