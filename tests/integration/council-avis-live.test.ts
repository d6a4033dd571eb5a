import { beforeAll, expect, test } from "vitest";
import { closeCode, connect, openRaw, plainText, synced, until } from "../support/collab-client";
import { findingsCast } from "../support/findings-http";
import type { TestServer } from "../support/server";
import { logIn, serverForFile } from "../support/session";

const currentServer = serverForFile();
let server: TestServer;
let cast: Awaited<ReturnType<typeof findingsCast>>;
beforeAll(async () => {
  server = currentServer();
  cast = await findingsCast(server);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("two council reviewers co-write the avis live; adopted, it is frozen for open editors too; then transmitted", async () => {
  const second = await logIn(server);
  await server.db.membership.create({
    data: { projectId: cast.project.id, userId: second.user.id, role: "council_reviewer" },
  });
  const { id } = await server.db.saisine.create({
    data: { projectId: cast.project.id, origin: "own_initiative", question: "Quel avenir pour le marché ?" },
  });
  const name = `avis:${id}`;
  const first = connect(server.url, name, { cookie: cast.as("council_reviewer").client.cookieHeader() });
  const other = connect(server.url, name, { cookie: second.client.cookieHeader() });
  const observer = connect(server.url, name, { cookie: cast.as("observer").client.cookieHeader() });
  await Promise.all([synced(first.provider), synced(other.provider), synced(observer.provider)]);

  first.text.insert(0, "Le conseil recommande ");
  await until(() => plainText(other.doc) === "Le conseil recommande ", 5000, "relay to the second reviewer");
  other.text.insert(other.text.length, "de garder le samedi.");
  const whole = "Le conseil recommande de garder le samedi.";
  await until(() => plainText(first.doc) === whole, 5000, "relay to the first reviewer");
  // A reader's socket is read-only: its edit is dropped.
  observer.text.insert(0, "Observé ");
  await sleep(300);

  const raw = await openRaw(`${server.url.replace("http", "ws")}/collab/${name}`, {
    origin: server.url,
    cookie: cast.as("council_reviewer").client.cookieHeader(),
  });
  const rawClosed = closeCode(raw);
  const adopted = await cast.as("council_reviewer").client.post(`/projects/${cast.project.id}/council/${id}`, {
    intent: "adopt",
    votesFor: "9",
    votesAgainst: "1",
    votesAbstain: "2",
  });
  expect(adopted.status).toBe(302);
  const row = await server.db.saisine.findUniqueOrThrow({ where: { id } });
  expect(row.state).toBe("adopted");
  expect(JSON.parse(row.adoptedText!)).toEqual({ title: "", paragraphs: [whole] });

  // The open editors' rights are re-read within 2 s: a writer is asked to reconnect (4409) and
  // comes back read-only; what it sends afterwards is neither stored nor relayed.
  expect(await rawClosed).toBe(4409);
  const stored = await server.db.documentUpdate.count({ where: { docName: name } });
  const again = connect(server.url, name, { cookie: cast.as("council_reviewer").client.cookieHeader() });
  await synced(again.provider);
  expect(plainText(again.doc)).toBe(whole);
  again.text.insert(0, "Après adoption ");
  await sleep(500);
  expect(await server.db.documentUpdate.count({ where: { docName: name } })).toBe(stored);
  const fresh = connect(server.url, name, { cookie: cast.as("researcher").client.cookieHeader() });
  await synced(fresh.provider);
  expect(plainText(fresh.doc)).toBe(whole);

  // The page shows the text as adopted, with the votes, and no editor form any more.
  const page = await (await cast.as("observer").client.get(`/projects/${cast.project.id}/council/${id}`)).text();
  expect(page).toContain(whole);
  expect(page).toContain("9 pour, 1 contre, 2 abstentions");
  expect(page).not.toContain('name="intent" value="adopt"');
  const markdown = await (
    await cast.as("local_actor").client.get(`/projects/${cast.project.id}/council/${id}/export.md`)
  ).text();
  expect(markdown).toContain("Le conseil recommande de garder le samedi\\.");
  expect(markdown).toContain("Auto-saisine : Quel avenir pour le marché ?");

  const transmitted = await cast.as("coordinator").client.post(`/projects/${cast.project.id}/council/${id}`, {
    intent: "transmit",
  });
  expect(transmitted.status).toBe(302);
  expect((await server.db.saisine.findUniqueOrThrow({ where: { id } })).state).toBe("transmitted");
  for (const provider of [first, other, observer, again, fresh]) provider.destroy();
});
