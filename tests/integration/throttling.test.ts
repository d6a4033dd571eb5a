import crypto from "node:crypto";
import { beforeAll, expect, test } from "vitest";
import { createUser } from "../factories";
import { HttpClient } from "../support/http-client";
import type { TestServer } from "../support/server";
import { serverForFile } from "../support/session";

// Its own server: these tests spend the whole budget of their addresses. TRUST_PROXY lets each
// test speak from its own addresses through X-Forwarded-For, as clients behind a proxy do.
const currentServer = serverForFile({ env: { TRUST_PROXY: "1" } });
let server: TestServer;
beforeAll(() => {
  server = currentServer();
});

const INVALID = "Adresse électronique ou mot de passe incorrect.";
const formError = (html: string) => /<p role="alert" class="form-error">([^<]*)<\/p>/.exec(html)?.[1];

/** One login from `address`: its status, its form message and how long the answer took. */
async function tryLogin(address: string, email: string, password = "pas le bon mot de passe") {
  const started = performance.now();
  const response = await new HttpClient(server.url).post("/login", { email, password }, { "x-forwarded-for": address });
  const html = await response.text();
  return { status: response.status, message: formError(html), ms: performance.now() - started, response };
}

test(
  "one address trying one password on 25 accounts is slowed, then stopped after 10",
  { timeout: 60_000 },
  async () => {
    const address = "203.0.113.7";
    const existing = await Promise.all(Array.from({ length: 13 }, () => createUser(server.db)));
    const emails = Array.from({ length: 25 }, (_, i) =>
      i % 2 === 0 ? existing[i / 2]!.email : `absent-${i}-${crypto.randomUUID()}@example.org`,
    );
    const answers = [];
    for (const email of emails) answers.push(await tryLogin(address, email));

    expect(answers.slice(0, 10).map((a) => a.status)).toEqual(Array(10).fill(400));
    expect(new Set(answers.slice(0, 10).map((a) => a.message))).toEqual(new Set([INVALID]));
    // Slowed: the first failures are answered at once, then each waits longer (up to 4 s). The
    // waits are floors, so they hold on a busy machine; "at once" is checked against them.
    const fastest = Math.min(...answers.slice(0, 4).map((a) => a.ms));
    expect(fastest + 3_000).toBeLessThan(answers[8]!.ms);
    expect(answers[8]!.ms).toBeGreaterThanOrEqual(4_000);
    expect(answers[9]!.ms).toBeGreaterThanOrEqual(4_000);
    // Stopped: the 11th account on, existing or not, gets the same refusal, at once.
    const refused = answers.slice(10);
    expect(refused.map((a) => a.status)).toEqual(Array(15).fill(429));
    expect(new Set(refused.map((a) => a.message)).size).toBe(1);
    expect(refused[0]!.message).toMatch(/^Trop de tentatives depuis votre connexion\. Réessayez dans \d+ min\.$/);
    const refusedTimes = refused.map((a) => a.ms).sort((a, b) => a - b);
    expect(refusedTimes[Math.floor(refusedTimes.length / 2)]).toBeLessThan(1_000); // not held
    expect(Number(refused[0]!.response.headers.get("retry-after"))).toBeGreaterThan(0);

    // Even the right password waits now: guessing has stopped paying.
    const user = await createUser(server.db);
    expect((await tryLogin(address, user.email, user.password)).status).toBe(429);
    // Another address is not affected.
    expect((await tryLogin("203.0.113.8", user.email, user.password)).status).toBe(302);
  },
);

test("guesses on one account spread over many addresses stop after 20, existing or not", async () => {
  const user = await createUser(server.db);
  const unknown = `inconnu-${crypto.randomUUID()}@example.org`;
  for (const email of [user.email, unknown]) {
    const statuses = [];
    for (let i = 0; i < 20; i++) statuses.push((await tryLogin(`198.51.100.${i + 1}`, email)).status);
    expect(statuses, email).toEqual(Array(20).fill(400));
  }
  const [known, absent] = [await tryLogin("198.51.100.200", user.email), await tryLogin("198.51.100.201", unknown)];
  expect([known.status, absent.status]).toEqual([429, 429]);
  expect(known.message).toMatch(/^Trop de tentatives sur ce compte\. Réessayez dans \d+ min\.$/);
  expect(absent.message).toBe(known.message);
  // The right password from yet another address is refused too, and opens no session.
  const right = await tryLogin("198.51.100.202", user.email, user.password);
  expect(right.status).toBe(429);
  expect(right.response.headers.getSetCookie()).toEqual([]);
});

test("a person's typos on their own account are forgiven once they log in", { timeout: 60_000 }, async () => {
  // Four people at one office address each mistype once or twice, then get in.
  const address = "192.0.2.44";
  for (let person = 0; person < 4; person++) {
    const user = await createUser(server.db);
    expect((await tryLogin(address, user.email)).status).toBe(400);
    expect((await tryLogin(address, user.email)).status).toBe(400);
    expect((await tryLogin(address, user.email, user.password)).status).toBe(302);
  }
  // 12 attempts in all, yet the address still has its whole allowance of failures.
  const strangers = [];
  for (let i = 0; i < 10; i++)
    strangers.push((await tryLogin(address, `autre-${i}-${crypto.randomUUID()}@example.org`)).status);
  expect(strangers).toEqual(Array(10).fill(400));
  expect((await tryLogin(address, `encore-${crypto.randomUUID()}@example.org`)).status).toBe(429);
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
