import crypto from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { createUser, TEST_PASSWORD } from "../factories";
import { HttpClient, location } from "../support/http-client";
import type { TestServer } from "../support/server";
import { serverForFile } from "../support/session";

const currentServer = serverForFile();
let server: TestServer;
beforeAll(() => {
  server = currentServer();
});

const sha256 = (value: string) => crypto.createHash("sha256").update(value).digest("hex");

async function loggedIn(user: { email: string; password: string }) {
  const client = new HttpClient(server.url);
  const response = await client.post("/login", { email: user.email, password: user.password });
  expect(response.status).toBe(302);
  return client;
}

describe("sign up", () => {
  test("creates the account, opens a session and lands on the projects", async () => {
    const client = new HttpClient(server.url);
    const email = `Nouvelle.${crypto.randomUUID()}@Example.org`;
    const response = await client.post("/signup", {
      name: "Aïcha Diallo",
      email,
      password: "les figues de die sont mûres",
    });
    expect(response.status).toBe(302);
    expect(location(response)).toBe("/projects");
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("maillage_session="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const user = await server.db.user.findUniqueOrThrow({
      where: { email: email.toLowerCase() },
      select: { passwordHash: true },
    });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const page = await client.get("/projects");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Mes projets");
  });

  test("refuses a common password with a French message and creates nothing", async () => {
    const client = new HttpClient(server.url);
    const email = `commun-${crypto.randomUUID()}@example.org`;
    const response = await client.post("/signup", { name: "Test", email, password: "azertyuiop" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("fait partie des plus courants");
    expect(await server.db.user.count({ where: { email } })).toBe(0);
  });

  test("refuses a short password, a bad email and an empty name, each with its own message", async () => {
    const client = new HttpClient(server.url);
    const response = await client.post("/signup", { name: " ", email: "pas-une-adresse", password: "court" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Indiquez votre nom.");
    expect(html).toContain("n&#x27;est pas valide");
    expect(html).toContain("au moins 8 caractères");
    expect(html).toMatch(/aria-invalid="true"/);
  });

  test("a filled honeypot is answered like a sign-up, and creates nothing", async () => {
    const person = await new HttpClient(server.url).post("/signup", {
      name: "Personne",
      email: `personne-${crypto.randomUUID()}@example.org`,
      password: TEST_PASSWORD,
      website: "",
    });
    const email = `robot-${crypto.randomUUID()}@example.org`;
    const bot = new HttpClient(server.url);
    const response = await bot.post("/signup", {
      name: "Robot",
      email,
      password: TEST_PASSWORD,
      website: "https://spam.example",
    });
    expect(response.status).toBe(person.status);
    expect(location(response)).toBe(location(person));
    expect(bot.cookies.size).toBe(0);
    expect(await server.db.user.count({ where: { email } })).toBe(0);
  });

  test("the sign-up page has the honeypot, hidden from people and out of the tab order", async () => {
    const html = await (await new HttpClient(server.url).get("/signup")).text();
    expect(html).toMatch(/<div class="visually-hidden" aria-hidden="true">/);
    expect(html).toMatch(/<input id="hp-website" name="website" type="text" tabindex="-1" autoComplete="off"\/>/i);
  });

  test("says when the email is already used", async () => {
    const existing = await createUser(server.db);
    const response = await new HttpClient(server.url).post("/signup", {
      name: "Double",
      email: existing.email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Un compte existe déjà");
  });
});

describe("log in", () => {
  test("answers the same message whether or not the email exists", async () => {
    const user = await createUser(server.db);
    const wrongPassword = await new HttpClient(server.url).post("/login", {
      email: user.email,
      password: "pas le bon mot de passe",
    });
    const unknownEmail = await new HttpClient(server.url).post("/login", {
      email: `inconnu-${crypto.randomUUID()}@example.org`,
      password: "pas le bon mot de passe",
    });
    expect(wrongPassword.status).toBe(400);
    expect(unknownEmail.status).toBe(400);
    const message = (html: string) => /<p role="alert" class="form-error">([^<]*)<\/p>/.exec(html)?.[1];
    const [a, b] = [message(await wrongPassword.text()), message(await unknownEmail.text())];
    expect(a).toBe("Adresse électronique ou mot de passe incorrect.");
    expect(b).toBe(a);
  });

  test("issues a new session id and stores only its SHA-256", async () => {
    const user = await createUser(server.db);
    const client = await loggedIn(user);
    const first = client.cookies.get("maillage_session")!;
    await client.post("/login", { email: user.email, password: user.password });
    const again = await loggedIn(user); // a second browser
    const second = again.cookies.get("maillage_session")!;
    expect(second).not.toBe(first);
    const rows = await server.db.session.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(rows.map((r) => r.id)).toContain(sha256(second));
    expect(rows.map((r) => r.id)).not.toContain(second);
  });

  test("a new login from the same browser replaces the previous session", async () => {
    const user = await createUser(server.db);
    const client = await loggedIn(user);
    const before = client.cookies.get("maillage_session")!;
    const response = await new HttpClient(server.url).post(
      "/login",
      { email: user.email, password: user.password },
      { cookie: `maillage_session=${before}` },
    );
    expect(response.status).toBe(302);
    expect(await server.db.session.count({ where: { id: sha256(before) } })).toBe(0);
  });

  test("throttles repeated failures from one address with a 429 in French", async () => {
    const user = await createUser(server.db);
    const client = new HttpClient(server.url);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await client.post("/login", { email: user.email, password: `mauvais-${attempt}-essai` })).status).toBe(
        400,
      );
    }
    const blocked = await client.post("/login", { email: user.email, password: user.password });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.text()).toContain("Trop de tentatives");
    expect(client.cookies.has("maillage_session")).toBe(false);
  });
});

describe("sessions", () => {
  test("a tampered cookie is treated as logged out, without an error", async () => {
    const user = await createUser(server.db);
    const client = await loggedIn(user);
    const tampered = client.cookies.get("maillage_session")!.slice(0, -2) + "zz";
    for (const value of [tampered, "", "%00%ff", "x".repeat(4000), "../../etc/passwd"]) {
      const response = await fetch(new URL("/projects", server.url), {
        headers: { cookie: `maillage_session=${value}` },
        redirect: "manual",
      });
      expect(response.status, value.slice(0, 20)).toBe(302);
      expect(location(response)).toBe("/login?redirectTo=%2Fprojects");
    }
  });

  test("an expired session is logged out and its cookie cleared", async () => {
    const user = await createUser(server.db);
    const client = await loggedIn(user);
    await server.db.session.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const response = await client.get("/");
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().join()).toMatch(/maillage_session=;.*Max-Age=0/i);
    expect(client.cookies.has("maillage_session")).toBe(false);
  });

  test("a session in its second half is renewed (sliding expiry)", async () => {
    const user = await createUser(server.db);
    const client = await loggedIn(user);
    const soon = new Date(Date.now() + 2 * 24 * 3600 * 1000);
    await server.db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: soon } });
    const response = await client.get("/projects");
    expect(response.headers.getSetCookie().join()).toContain("maillage_session=");
    const row = await server.db.session.findFirstOrThrow({ where: { userId: user.id }, select: { expiresAt: true } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
  });

  test("log out revokes the session on the server", async () => {
    const user = await createUser(server.db);
    const client = await loggedIn(user);
    const stolen = client.cookies.get("maillage_session")!;
    expect(location(await client.post("/logout", {}))).toBe("/");
    const replay = await fetch(new URL("/projects", server.url), {
      headers: { cookie: `maillage_session=${stolen}` },
      redirect: "manual",
    });
    expect(replay.status).toBe(302);
  });

  test("log out everywhere ends every session of the user", async () => {
    const user = await createUser(server.db);
    const phone = await loggedIn(user);
    const laptop = await loggedIn(user);
    await laptop.post("/logout", { everywhere: "true" });
    expect((await phone.get("/projects")).status).toBe(302);
    expect(await server.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  test("changing the password revokes the other sessions and keeps this one", async () => {
    const user = await createUser(server.db);
    const phone = await loggedIn(user);
    const laptop = await loggedIn(user);
    const wrong = await laptop.post("/account", {
      currentPassword: "pas le bon",
      newPassword: "un tout nouveau mot de passe",
    });
    expect(wrong.status).toBe(400);
    const response = await laptop.post("/account", {
      currentPassword: user.password,
      newPassword: "un tout nouveau mot de passe",
    });
    expect(response.status).toBe(302);
    const confirmation = await laptop.get(location(response)!);
    expect(await confirmation.text()).toContain("Mot de passe changé");
    expect((await laptop.get("/projects")).status).toBe(200);
    expect((await phone.get("/projects")).status).toBe(302);
    const fresh = await new HttpClient(server.url).post("/login", {
      email: user.email,
      password: "un tout nouveau mot de passe",
    });
    expect(fresh.status).toBe(302);
  });

  test("logging out is a POST: GET /logout changes nothing", async () => {
    const user = await createUser(server.db);
    const client = await loggedIn(user);
    await client.get("/logout");
    expect((await client.get("/projects")).status).toBe(200);
  });
});
