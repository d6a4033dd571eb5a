import { describe, expect, test } from "vitest";
import { checkSite, type Site } from "../../server/site";

const unset: Site = { publicOrigin: null, trustProxy: 0 };
const published: Site = { publicOrigin: "https://maillage.example", trustProxy: 1 };
const status = (headers: Record<string, string>, site: Site) => {
  const verdict = checkSite(headers, site);
  return verdict.ok ? "ok" : verdict.status;
};

describe("without PUBLIC_URL", () => {
  test("answers only names of this machine, on any port", () => {
    for (const host of ["localhost:3000", "127.0.0.1:41234", "[::1]:3000", "LOCALHOST", "127.0.0.1"]) {
      expect(status({ host }, unset), host).toBe("ok");
    }
    for (const host of ["evil.example", "evil.example:3000", "192.168.1.10:3000", "localhost.evil.example", ""]) {
      expect(status({ host }, unset), host).toBe(421);
    }
    expect(status({}, unset)).toBe(421);
    expect(status({ host: "127.0.0.1:3000/x" }, unset)).toBe(421);
  });

  test("an Origin must name the Host, as before PUBLIC_URL existed", () => {
    expect(status({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }, unset)).toBe("ok");
    expect(status({ host: "127.0.0.1:3000", origin: "http://localhost:3000" }, unset)).toBe(403);
    expect(status({ host: "127.0.0.1:3000", origin: "http://evil.example" }, unset)).toBe(403);
    expect(status({ host: "127.0.0.1:3000", origin: "null" }, unset)).toBe(403);
  });
});

describe("with PUBLIC_URL=https://maillage.example", () => {
  test("Host must be its host (the default port may be written or not)", () => {
    expect(status({ host: "maillage.example" }, published)).toBe("ok");
    expect(status({ host: "Maillage.Example:443" }, published)).toBe("ok");
    expect(status({ host: "maillage.example:8443" }, published)).toBe(421);
    expect(status({ host: "127.0.0.1:3000" }, published)).toBe(421);
    expect(status({ host: "evil.example" }, published)).toBe(421);
  });

  test("Origin must be exactly its origin, scheme included", () => {
    const host = "maillage.example";
    expect(status({ host, origin: "https://maillage.example" }, published)).toBe("ok");
    expect(status({ host, origin: "http://maillage.example" }, published)).toBe(403);
    expect(status({ host, origin: "https://evil.example" }, published)).toBe(403);
  });

  test("behind a trusted proxy, X-Forwarded-Host must name it too; untrusted, it is ignored", () => {
    const host = "maillage.example";
    expect(status({ host, "x-forwarded-host": "maillage.example" }, published)).toBe("ok");
    expect(status({ host, "x-forwarded-host": "evil.example" }, published)).toBe(421);
    expect(status({ host, "x-forwarded-host": "maillage.example, evil.example" }, published)).toBe(421);
    expect(status({ host, "x-forwarded-host": "evil.example" }, { ...published, trustProxy: 0 })).toBe("ok");
  });
});
