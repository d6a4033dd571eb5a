import { beforeAll, describe, expect, test } from "vitest";
import { createUser } from "../factories";
import { tryUpgrade } from "../support/collab-client";
import { HttpClient, location } from "../support/http-client";
import { rawRequest } from "../support/raw-http";
import { startServer, type TestServer } from "../support/server";
import { serverForFile } from "../support/session";

const currentServer = serverForFile();
let server: TestServer;
beforeAll(() => {
  server = currentServer();
});

describe("cross-site requests", () => {
  test("a POST from another origin is refused with 403 and changes nothing", async () => {
    const client = new HttpClient(server.url);
    const response = await client.post(
      "/signup",
      { name: "Intrus", email: "intrus@example.org", password: "une phrase de passe" },
      { origin: "https://evil.example" },
    );
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("ne provient pas de ce site");
    expect(await server.db.user.count({ where: { email: "intrus@example.org" } })).toBe(0);
  });

  test("a POST with neither Origin nor Sec-Fetch-Site is refused", async () => {
    const response = await fetch(new URL("/login", server.url), {
      method: "POST",
      body: new URLSearchParams({ email: "a@b.fr", password: "x" }),
      redirect: "manual",
    });
    expect(response.status).toBe(403);
  });

  test("Sec-Fetch-Site: cross-site is refused, same-origin accepted", async () => {
    const body = new URLSearchParams({ lang: "en", redirectTo: "/" });
    const cross = await fetch(new URL("/language", server.url), {
      method: "POST",
      body,
      redirect: "manual",
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(cross.status).toBe(403);
    const same = await fetch(new URL("/language", server.url), {
      method: "POST",
      body,
      redirect: "manual",
      headers: { "sec-fetch-site": "same-origin" },
    });
    expect(same.status).toBe(302);
  });

  test("the English refusal follows the language cookie", async () => {
    const response = await fetch(new URL("/login", server.url), {
      method: "POST",
      redirect: "manual",
      headers: { origin: "https://evil.example", cookie: "lang=en" },
    });
    expect(await response.text()).toBe("Request refused: it does not come from this site.");
  });
});

describe("DNS rebinding, without PUBLIC_URL", () => {
  const port = () => new URL(server.url).port;

  test("a request naming another site in Host gets a 421 in French, static files included", async () => {
    for (const path of ["/", "/login", "/favicon.svg"]) {
      const response = await rawRequest(new URL(path, server.url).href, { headers: { host: "evil.example" } });
      expect(response.status, path).toBe(421);
      expect(response.text).toBe("Requête refusée : ce site ne répond pas à cette adresse.");
    }
    const post = await rawRequest(new URL("/login", server.url).href, {
      method: "POST",
      headers: { host: `evil.example:${port()}`, origin: `http://evil.example:${port()}` },
      form: { email: "a@b.fr", password: "x" },
    });
    expect(post.status).toBe(421);
  });

  test("localhost and 127.0.0.1 are this site", async () => {
    for (const host of [`localhost:${port()}`, `127.0.0.1:${port()}`]) {
      const response = await rawRequest(new URL("/login", server.url).href, { headers: { host } });
      expect(response.status, host).toBe(200);
    }
    const user = await createUser(server.db);
    const login = await rawRequest(new URL("/login", server.url).href, {
      method: "POST",
      headers: { host: `localhost:${port()}`, origin: `http://localhost:${port()}` },
      form: { email: user.email, password: user.password },
    });
    expect(login.status).toBe(302);
  });

  test("a GET carrying another site's Origin is refused too", async () => {
    const response = await rawRequest(new URL("/projects", server.url).href, {
      headers: { origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
  });

  test("a websocket upgrade naming another site in Host or Origin is refused", async () => {
    const ws = `${server.url.replace("http", "ws")}/collab/note:doesnotexist1`;
    // This site, no session: the upgrade gets as far as asking who is there.
    expect(await tryUpgrade(ws, { origin: server.url })).toBe(401);
    expect(await tryUpgrade(ws, { host: `evil.example:${port()}`, origin: `http://evil.example:${port()}` })).toBe(403);
    expect(await tryUpgrade(ws, { host: `evil.example:${port()}`, origin: server.url })).toBe(403);
  });
});

describe("oversized requests", () => {
  test("a form body over 1 MiB is refused with 413 before the app reads it", async () => {
    const client = new HttpClient(server.url);
    const response = await client.post("/signup", {
      name: "x".repeat(1024 * 1024 + 10),
      email: "gros@example.org",
      password: "p",
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("taille maximale");
  });

  test("a streamed body without a length is refused with 411", async () => {
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("email=a%40b.fr&password=x"));
        controller.close();
      },
    });
    const response = await fetch(new URL("/login", server.url), {
      method: "POST",
      body,
      duplex: "half",
      headers: { origin: server.url, "content-type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    } as RequestInit);
    expect(response.status).toBe(411);
  });
});

describe("bodies that are not forms", () => {
  test("JSON or a broken multipart body gets a 400 with a message, not a 500", async () => {
    const user = await createUser(server.db);
    const client = new HttpClient(server.url);
    await client.post("/login", { email: user.email, password: user.password });
    for (const [path, type, body] of [
      ["/login", "application/json", '{"email":"a@b.fr"}'],
      ["/projects/new", "multipart/form-data", "--x\r\n"],
      ["/account", "application/json", "[]"],
    ]) {
      const response = await client.send(path!, {
        method: "POST",
        body,
        headers: { origin: server.url, "content-type": type! },
      });
      expect(response.status, path).toBe(400);
    }
  });
});

describe("open redirects", () => {
  const payloads = [
    "//evil.example",
    "/\\evil.example",
    "/%5Cevil.example",
    "https://evil.example/x",
    "javascript:alert(1)",
    "/%09/evil.example",
  ];

  test.each(payloads)("login with redirectTo=%j ends on an internal page", async (payload) => {
    const user = await createUser(server.db);
    const client = new HttpClient(server.url);
    const response = await client.post("/login", { email: user.email, password: user.password, redirectTo: payload });
    expect(response.status).toBe(302);
    const target = location(response)!;
    expect(target.startsWith("/")).toBe(true);
    expect(target.startsWith("//")).toBe(false);
    expect(new URL(target, server.url).origin).toBe(server.url);
  });

  test("an already logged-in visitor following a crafted login link stays on the site", async () => {
    const user = await createUser(server.db);
    const client = new HttpClient(server.url);
    await client.post("/login", { email: user.email, password: user.password });
    for (const payload of payloads) {
      const response = await client.get(`/login?redirectTo=${encodeURIComponent(payload)}`);
      expect(response.status).toBe(302);
      expect(new URL(location(response)!, server.url).origin).toBe(server.url);
      expect(location(response)!.startsWith("//")).toBe(false);
    }
  });

  test("the language switch cannot redirect away either", async () => {
    const client = new HttpClient(server.url);
    const response = await client.post("/language", { lang: "fr", redirectTo: "//evil.example" });
    expect(location(response)).toBe("/");
  });
});

describe("security headers", () => {
  test("an enforced CSP whose nonce is the one on Remix's inline scripts", async () => {
    const response = await fetch(new URL("/login", server.url));
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const html = await response.text();
    const scripts = html.match(/<script[^>]*>/g)!;
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) {
      if (/\bsrc=/.test(tag) && !/nonce=/.test(tag)) continue; // same-origin files are allowed by 'self'
      expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("content-security-policy-report-only")).toBeNull();
  });

  test("each response gets its own nonce", async () => {
    const nonceOf = async () =>
      /'nonce-([^']+)'/.exec((await fetch(new URL("/", server.url))).headers.get("content-security-policy")!)![1];
    expect(await nonceOf()).not.toBe(await nonceOf());
  });

  test("an unknown address is a 404 page in French", async () => {
    const response = await fetch(new URL("/nulle-part", server.url));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Page introuvable");
  });
});

describe("the session cookie over HTTPS", () => {
  test("is Secure when the site is served over HTTPS behind a trusted proxy, and only then", async () => {
    const user = await createUser(server.db);
    const form = new URLSearchParams({ email: user.email, password: user.password });
    const login = (base: string, headers: Record<string, string>) =>
      fetch(new URL("/login", base), {
        method: "POST",
        body: form,
        redirect: "manual",
        headers: { origin: base, ...headers },
      });

    // Without TRUST_PROXY a client cannot claim HTTPS through a header.
    const spoofed = await login(server.url, { "x-forwarded-proto": "https" });
    expect(spoofed.headers.getSetCookie().join()).not.toMatch(/Secure/i);

    const proxied = await startServer({ env: { TRUST_PROXY: "true" } });
    try {
      const proxiedUser = await createUser(proxied.db, { password: user.password });
      const body = new URLSearchParams({ email: proxiedUser.email, password: user.password });
      const https = await fetch(new URL("/login", proxied.url), {
        method: "POST",
        body,
        redirect: "manual",
        headers: { origin: proxied.url.replace("http:", "https:"), "x-forwarded-proto": "https" },
      });
      expect(https.status).toBe(302);
      const cookie = https.headers.getSetCookie().find((c) => c.startsWith("maillage_session="))!;
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/HttpOnly/i);
    } finally {
      await proxied.stop();
    }
  });
});

describe("a client's mistakes are answered, not logged as server errors", () => {
  // The file fails if the server wrote anything to stderr (serverForFile): no stack trace here.
  test("a POST to a page without an action is a 405; a malformed address is a 400 in French", async () => {
    const { client } = await logInFresh();
    for (const path of ["/api/territories?q=die", "/calendar/inconnu.ics", "/projects"]) {
      const response = await client.post(path, { x: "1" });
      expect([405, 404], path).toContain(response.status);
    }
    const bad = await fetch(new URL("/s/%00%ff", server.url));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe("Adresse invalide : vérifiez le lien ou recopiez-le en entier.");
  });
});

async function logInFresh() {
  const user = await createUser(server.db);
  const client = new HttpClient(server.url);
  expect((await client.post("/login", { email: user.email, password: user.password })).status).toBe(302);
  return { client };
}
