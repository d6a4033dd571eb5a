import { beforeAll, describe, expect, test } from "vitest";
import { HttpClient, location } from "../support/http-client";
import type { TestServer } from "../support/server";
import { serverForFile } from "../support/session";
import { refiQdaHelpers } from "./refi-qda-helpers";

/**
 * Who may take the REFI-QDA exports (whoever reads the project's content) and import a codebook
 * (`codes.manage`), every role, coalition staff on a coalition-visible project, a member of
 * another project and someone logged out; a refused import writes nothing.
 */
const currentServer = serverForFile();
let server: TestServer;
const { member, codedProject, importFile } = refiQdaHelpers(() => server);
beforeAll(() => {
  server = currentServer();
});

describe("who may export and import", () => {
  const roles = [
    "coordinator",
    "researcher",
    "local_actor",
    "council_reviewer",
    "observer",
    "coalition",
    "outsider",
  ] as const;
  const exportStatus = {
    coordinator: 200,
    researcher: 200,
    local_actor: 200,
    council_reviewer: 200,
    observer: 200,
    coalition: 200,
    outsider: 404,
  };
  const importStatus = {
    coordinator: 200,
    researcher: 200,
    local_actor: 403,
    council_reviewer: 403,
    observer: 403,
    coalition: 403,
    outsider: 404,
  };
  const qdc = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="77777777-7777-7777-7777-777777777777" name="Code importé" isCodable="true"/></Codes></CodeBook>`;

  test.each(roles)("%s", async (role) => {
    const { project, codes } = await codedProject();
    const someone = await member(project.id, role);
    for (const file of ["export.qdc", "export.qdpx"]) {
      const response = await someone.client.get(`${codes}/${file}`);
      expect(response.status, file).toBe(exportStatus[role]);
      await response.arrayBuffer();
    }
    expect((await someone.client.get(`${codes}/import`)).status).toBe(importStatus[role]);
    const posted = await importFile(someone.client, codes, qdc);
    expect(posted.status).toBe(importStatus[role]);
    const created = await server.db.tag.count({ where: { projectId: project.id, label: "Code importé" } });
    expect(created).toBe(importStatus[role] === 200 ? 1 : 0);
  });

  test("logged out: to the login page, nothing written", async () => {
    const { project, codes } = await codedProject();
    const anonymous = new HttpClient(server.url);
    for (const file of ["export.qdc", "export.qdpx", "import"]) {
      const response = await anonymous.get(`${codes}/${file}`);
      expect(response.status, file).toBe(302);
      expect(location(response)).toMatch(/^\/login/);
    }
    const posted = await importFile(anonymous, codes, qdc);
    expect(posted.status).toBe(302);
    expect(await server.db.tag.count({ where: { projectId: project.id, label: "Code importé" } })).toBe(0);
  });
});
