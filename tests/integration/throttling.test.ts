import crypto from "node:crypto";
import { beforeAll, expect, test } from "vitest";
import { createUser } from "../factories";
import { HttpClient } from "../support/http-client";
import type { TestServer } from "../support/server";
import { serverForFile } from "../support/session";

// Its own server: these tests spend the whole budget of 127.0.0.1.
const currentServer = serverForFile();
let server: TestServer;
beforeAll(() => {
  server = currentServer();
});

test("an address that keeps failing logins across many accounts is slowed down", async () => {
  const client = new HttpClient(server.url);
  const statuses: number[] = [];
  for (let i = 0; i < 21; i++) {
    const email = `absent-${i}-${crypto.randomUUID()}@example.org`;
    statuses.push((await client.post("/login", { email, password: "pas le bon mot de passe" })).status);
  }
  expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
  expect(statuses[20]).toBe(429);
  // Even the right password waits now: guessing has stopped paying.
  const user = await createUser(server.db);
  expect((await client.post("/login", { email: user.email, password: user.password })).status).toBe(429);
});

test("too many sign-ups from one address get a 429 and create nothing", async () => {
  const client = new HttpClient(server.url);
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) {
    const email = `flot-${i}-${crypto.randomUUID()}@example.org`;
    statuses.push((await client.post("/signup", { name: "Flot", email, password: "court" })).status);
  }
  expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
  expect(statuses[10]).toBe(429);
  const email = `apres-${crypto.randomUUID()}@example.org`;
  const blocked = await client.post("/signup", { name: "Après", email, password: "une phrase de passe valable" });
  expect(blocked.status).toBe(429);
  expect(await blocked.text()).toContain("Trop de tentatives");
  expect(await server.db.user.count({ where: { email } })).toBe(0);
});
