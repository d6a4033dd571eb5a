import { beforeAll, describe, expect, test } from "vitest";
import { createNote, createProject, createUser } from "../factories";
import { tryUpgrade } from "../support/collab-client";
import { rawRequest } from "../support/raw-http";
import type { TestServer } from "../support/server";
import { serverForFile } from "../support/session";

// Deployed as the README says: behind an HTTPS proxy that passes Host through and sets
// X-Forwarded-Proto, with PUBLIC_URL naming the site (decision 015).
const SITE = "https://maillage.example";
const currentServer = serverForFile({ env: { PUBLIC_URL: SITE, TRUST_PROXY: "1" } });
let server: TestServer;
beforeAll(() => {
  server = currentServer();
});

/** What the proxy forwards for a browser on https://maillage.example. */
const proxied = { host: "maillage.example", "x-forwarded-proto": "https" };

async function logIn() {
  const user = await createUser(server.db);
  const response = await rawRequest(new URL("/login", server.url).href, {
    method: "POST",
    headers: { ...proxied, origin: SITE },
    form: { email: user.email, password: user.password },
  });
  expect(response.status).toBe(302);
  const cookie = response.setCookie.find((line) => line.startsWith("__Host-maillage_session="))!;
  return { user, cookie, pair: cookie.split(";")[0]! };
}

describe("the session cookie", () => {
  test("is __Host-maillage_session: Secure, Path=/, no Domain, HttpOnly, SameSite=Lax", async () => {
    const { cookie } = await logIn();
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; Path=\/(;|$)/i);
    expect(cookie).not.toMatch(/Domain=/i);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  test("is read back under that name, and cleared under it on logout", async () => {
    const { pair } = await logIn();
    const page = await rawRequest(new URL("/projects", server.url).href, { headers: { ...proxied, cookie: pair } });
    expect(page.status).toBe(200);
    expect(page.text).toContain("Mes projets");
    const logout = await rawRequest(new URL("/logout", server.url).href, {
      method: "POST",
      headers: { ...proxied, origin: SITE, cookie: pair },
      form: {},
    });
    expect(logout.status).toBe(302);
    expect(logout.setCookie.join()).toMatch(/^__Host-maillage_session=;.*Max-Age=0.*Secure/i);
  });
});

describe("requests for another site", () => {
  test("Host must be PUBLIC_URL's: another name, or the bare address, gets a 421", async () => {
    expect((await rawRequest(new URL("/login", server.url).href, { headers: proxied })).status).toBe(200);
    for (const host of ["evil.example", new URL(server.url).host, "localhost"]) {
      const response = await rawRequest(new URL("/login", server.url).href, { headers: { ...proxied, host } });
      expect(response.status, host).toBe(421);
      expect(response.text).toBe("Requête refusée : ce site ne répond pas à cette adresse.");
    }
  });

  test("a form posted from another origin, or from the site over plain HTTP, is refused", async () => {
    const user = await createUser(server.db);
    for (const origin of ["https://evil.example", "http://maillage.example"]) {
      const response = await rawRequest(new URL("/login", server.url).href, {
        method: "POST",
        headers: { ...proxied, origin },
        form: { email: user.email, password: user.password },
      });
      expect(response.status, origin).toBe(403);
      expect(response.setCookie).toEqual([]);
    }
  });

  test("a websocket upgrade opens only with this site's Host and Origin", async () => {
    const { user, pair } = await logIn();
    const project = await createProject(server.db, { members: [[user.id, "coordinator"]] });
    const note = await createNote(server.db, { projectId: project.id, authorId: user.id });
    const ws = `${server.url.replace("http", "ws")}/collab/note:${note.id}`;
    const headers = { host: "maillage.example", origin: SITE, cookie: pair };
    expect(await tryUpgrade(ws, { ...headers, host: "evil.example" })).toBe(403);
    expect(await tryUpgrade(ws, { ...headers, origin: "https://evil.example" })).toBe(403);
    expect(await tryUpgrade(ws, { ...headers, host: new URL(server.url).host })).toBe(403);
    expect(await tryUpgrade(ws, headers)).toBe("open");
  });
});
