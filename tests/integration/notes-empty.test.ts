import { beforeAll, expect, test } from "vitest";
import { createProject, createTag } from "../factories";
import { location } from "../support/http-client";
import type { TestServer } from "../support/server";
import { logIn, serverForFile } from "../support/session";
import { purgeInChildProcess as purgeAll } from "../support/purge";

/**
 * A new note left without any content is not kept (issue 13): the hourly notes job removes it
 * once it is an hour old, and keeps every note someone put anything in.
 */
const currentServer = serverForFile();
let server: TestServer;
beforeAll(() => {
  server = currentServer();
});

const MINUTE = 60_000;

test("a new note left empty for an hour is removed, with its document; one with anything in it is kept", async () => {
  const writer = await logIn(server);
  const project = await createProject(server.db, { members: [[writer.user.id, "researcher"]] });
  const notes = `/projects/${project.id}/notes`;
  const create = async (title = "") => {
    const response = await writer.client.post(`${notes}/new`, { title });
    expect(response.status).toBe(302);
    return location(response)!.split("#")[0]!.split("/").pop()!;
  };
  const [empty, titled, written, erased, tagged, placed] = await Promise.all([
    create(),
    create("Marché du samedi"),
    create(),
    create(),
    create(),
    create(),
  ]);
  // What the collaboration server leaves for a note someone typed in (projected), and for one
  // whose text was typed then erased (an update log, an empty projection).
  await server.db.note.update({
    where: { id: written },
    data: { title: "Relevé", wordCount: 1, lastEditedAt: new Date(), lastEditorId: writer.user.id },
  });
  await server.db.documentUpdate.create({ data: { docName: `note:${erased}`, id: 1, update: Buffer.from([0, 0]) } });
  const tag = await createTag(server.db, { projectId: project.id, label: "marché" });
  await server.db.noteTag.create({ data: { noteId: tagged, tagId: tag.id } });
  await server.db.note.update({ where: { id: placed }, data: { place: "Halle" } });

  // Half an hour later: still being written, perhaps.
  const early = purgeInChildProcess(server.databaseFile, new Date(Date.now() + 30 * MINUTE).toISOString());
  expect(early).toEqual({ removed: 0, failures: 0, removedDocuments: [] });

  const later = purgeInChildProcess(server.databaseFile, new Date(Date.now() + 61 * MINUTE).toISOString());
  expect(later).toEqual({ removed: 1, failures: 0, removedDocuments: [`note:${empty}`] });
  const left = await server.db.note.findMany({ where: { projectId: project.id }, select: { id: true } });
  expect(left.map((note) => note.id).sort()).toEqual([titled, written, erased, tagged, placed].sort());
  // The list no longer shows it; the note's address is a 404.
  expect((await writer.client.get(`${notes}/${empty}`)).status).toBe(404);
});

const purgeInChildProcess = (databaseFile: string, now: string) =>
  purgeAll(databaseFile, now, { module: "note-abandoned", fn: "purgeAbandonedNotes" });
