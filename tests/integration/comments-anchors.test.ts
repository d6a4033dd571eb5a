import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createNote } from "../factories";
import { connect, paragraphText, until, type TestProvider } from "../support/collab-client";
import { anchorOf, createFinding, findingsCast, writeNote } from "../support/findings-http";
import { location } from "../support/http-client";
import { read } from "../support/notes-http";
import type { TestServer } from "../support/server";
import { serverForFile } from "../support/session";

const currentServer = serverForFile();
let server: TestServer;
let cast: Awaited<ReturnType<typeof findingsCast>>;
const open: TestProvider[] = [];
afterAll(() => open.forEach((p) => p.destroy()));

const TEXT = "Le marché attire du monde le samedi matin.";
const QUOTE = "attire du monde";

/** Two real y-websocket clients on a finding's statement, in sync, the text written by the first. */
async function writers(findingId: string) {
  const cookie = (who: "researcher" | "coordinator") => cast.as(who).client.cookieHeader();
  const a = connect(server.url, `finding:${findingId}`, { cookie: cookie("researcher") });
  const b = connect(server.url, `finding:${findingId}`, { cookie: cookie("coordinator") });
  open.push(a, b);
  await until(() => a.provider.synced && b.provider.synced, 5000, "sync");
  a.text.insert(0, TEXT);
  await until(
    () => b.doc.getXmlFragment("default").length > 0 && paragraphText(b.doc).toString() === TEXT,
    5000,
    "relay",
  );
  return { a, b };
}

function openAnchored(findingOrNote: { findingId: string } | { noteId: string }, quote: string, anchor: string) {
  const kind = "findingId" in findingOrNote ? "findings" : "notes";
  const id = "findingId" in findingOrNote ? findingOrNote.findingId : findingOrNote.noteId;
  return cast.as("council_reviewer").client.post(`/projects/${cast.project.id}/threads`, {
    intent: "open",
    returnTo: `/projects/${cast.project.id}/${kind}/${id}`,
    findingId: "",
    noteId: "",
    ...findingOrNote,
    body: "Ce passage mérite une source.",
    quote,
    anchor,
  });
}

beforeAll(async () => {
  server = currentServer();
  cast = await findingsCast(server);
});

describe("threads anchored to a passage", () => {
  test("the anchor follows the text through concurrent edits; changed, then deleted, the page says so", async () => {
    const { id: findingId } = await createFinding(server.db, {
      projectId: cast.project.id,
      authorId: cast.as("researcher").userId,
    });
    await server.db.finding.update({
      where: { id: findingId },
      data: { state: "submitted", firstSubmittedAt: new Date(), version: 1 },
    });
    const { a, b } = await writers(findingId);
    // A quote that is not what the anchor holds is refused.
    expect((await openAnchored({ findingId }, "le dimanche", anchorOf(a.doc, QUOTE))).status).toBe(400);
    const response = await openAnchored({ findingId }, QUOTE, anchorOf(a.doc, QUOTE));
    expect(response.status).toBe(302);
    const threadId = /#thread-(\w+)$/.exec(location(response)!)![1]!;
    const row = () => server.db.commentThread.findUniqueOrThrow({ where: { id: threadId } });
    expect(await row()).toMatchObject({ quote: QUOTE, currentText: QUOTE, findingId });

    // Concurrently: one types before the passage, the other after it.
    a.text.insert(0, "Depuis 2020, ");
    b.text.insert(TEXT.length, " Et le dimanche ?");
    await until(() => paragraphText(a.doc).toString() === paragraphText(b.doc).toString(), 5000, "converge");
    expect(paragraphText(a.doc).toString()).toBe(`Depuis 2020, ${TEXT} Et le dimanche ?`);
    // The projection runs after a quiet second; the passage is still the same words.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await row()).currentText).toBe(QUOTE);

    // A word typed inside the passage: "passage modifié".
    const inside = paragraphText(b.doc).toString().indexOf("du monde");
    b.text.insert(inside, "vraiment ");
    await expect.poll(async () => (await row()).currentText, { timeout: 10_000 }).toBe("attire vraiment du monde");
    const page = await read(
      await cast.as("council_reviewer").client.get(`/projects/${cast.project.id}/findings/${findingId}`),
    );
    expect(page).toContain("passage modifié");

    // The whole passage deleted: "passage supprimé".
    const text = paragraphText(a.doc).toString();
    const start = text.indexOf("attire");
    a.text.delete(start, "attire vraiment du monde".length);
    await expect.poll(async () => (await row()).currentText, { timeout: 10_000 }).toBe("");
    const after = await read(
      await cast.as("researcher").client.get(`/projects/${cast.project.id}/findings/${findingId}`),
    );
    expect(after).toContain("passage supprimé");
    expect(after).toContain("Ce passage mérite une source.");
  });

  test("on a note too: the note's projection keeps the thread's current text", async () => {
    const coordinator = cast.as("coordinator");
    const { id: noteId } = await createNote(server.db, {
      projectId: cast.project.id,
      authorId: coordinator.userId,
      title: "Marché",
    });
    const writer = await writeNote(server, coordinator.client.cookieHeader(), noteId, TEXT);
    open.push(writer);
    const response = await openAnchored({ noteId }, QUOTE, anchorOf(writer.doc, QUOTE));
    expect(response.status).toBe(302);
    const threadId = /#thread-(\w+)$/.exec(location(response)!)![1]!;
    writer.text.delete(TEXT.indexOf(QUOTE), QUOTE.length);
    await expect
      .poll(async () => (await server.db.commentThread.findUniqueOrThrow({ where: { id: threadId } })).currentText, {
        timeout: 10_000,
      })
      .toBe("");
    expect(await read(await cast.as("observer").client.get(`/projects/${cast.project.id}/notes/${noteId}`))).toContain(
      "passage supprimé",
    );
  });
});
