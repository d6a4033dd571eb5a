import { beforeAll, describe, expect, test } from "vitest";
import type { ProjectRole } from "~/models/core/vocabulary";
import { createProject } from "../factories";
import type { TestServer } from "../support/server";
import { logIn, serverForFile } from "../support/session";
import { memberWithOwnSurvey, read } from "../support/survey-session";
import { createResponse, createSurvey, everyTypeDefinition } from "../survey-factories";
import { readXlsx } from "../support/xlsx-reader";

/** Results and exports of a survey, over the real server, against a known set of responses. */
const currentServer = serverForFile();
let server: TestServer;
beforeAll(() => {
  server = currentServer();
});

const memberWithSurvey = (role: ProjectRole, status: "open" | "closed" = "open") =>
  memberWithOwnSurvey(server, role, status);

/** Three known responses: what results and exports must say about them. */
async function knownDataSet(role: ProjectRole = "researcher") {
  const setup = await memberWithSurvey(role);
  const { survey } = setup;
  const at = (iso: string) => new Date(iso);
  const ids = [`${survey.id}-a`, `${survey.id}-b`, `${survey.id}-c`];
  const versionId = survey.currentVersionId;
  await createResponse(server.db, {
    id: ids[0],
    surveyId: survey.id,
    versionId,
    submittedAt: at("2026-03-01T10:00:00.000Z"),
    answers: {
      "q-story": "Pommes",
      "q-shop": "opt-market",
      "q-modes": ["opt-foot", "opt-car"],
      "q-satisf": 5,
      "q-km": 2.5,
      "q-people": 3,
      "q-since": "2019-03-14",
      "q-town": "26113",
    },
  });
  await createResponse(server.db, {
    id: ids[1],
    surveyId: survey.id,
    versionId,
    channel: "field",
    submittedAt: at("2026-03-02T09:30:00.000Z"),
    answers: {
      "q-story": "=SOMME(A1)",
      "q-shop": "~other",
      "q-shop~other": "Épicerie; solidaire",
      "q-modes": ["~other"],
      "q-modes~other": "Covoiturage",
      "q-satisf": 3,
      "q-km": 10,
      "q-town": "38185",
    },
  });
  await createResponse(server.db, {
    id: ids[2],
    surveyId: survey.id,
    versionId,
    submittedAt: at("2026-03-02T18:00:00.000Z"),
    answers: { "q-story": 'Il a dit "bonjour"\nà tous', "q-shop": "opt-market", "q-satisf": 4, "q-town": "26113" },
  });
  return { ...setup, ids };
}

describe("results", () => {
  test("counts, percentages, mean and median, communes and days for a known data set", async () => {
    const { client, base } = await knownDataSet("coordinator");
    const response = await client.get(`${base}/results`);
    expect(response.status).toBe(200);
    const html = await read(response);
    expect(html).toContain("3 réponses");
    // Où faites-vous vos courses ? market 2/3, other 1/3.
    expect(html).toMatch(/<th scope="row">Au marché<\/th><td class="num">2<\/td><td class="num">66,7 %<\/td>/);
    expect(html).toMatch(/<th scope="row">Autre<\/th><td class="num">1<\/td><td class="num">33,3 %<\/td>/);
    // Modes: 2 answered; foot 1 (50 %), car 1 (50 %), other 1 (50 %), bike 0.
    expect(html).toMatch(/<th scope="row">À vélo<\/th><td class="num">0<\/td><td class="num">0 %<\/td>/);
    expect(html).toMatch(/<th scope="row">À pied<\/th><td class="num">1<\/td><td class="num">50 %<\/td>/);
    // Scale 5, 3, 4: mean 4, median 4; distance 2.5 and 10: mean and median 6.25.
    expect(html).toMatch(/<dt>Moyenne<\/dt><dd>4<\/dd><dt>Médiane<\/dt><dd>4<\/dd>/);
    expect(html).toMatch(/<dt>Moyenne<\/dt><dd>6,25<\/dd><dt>Médiane<\/dt><dd>6,25<\/dd>/);
    // By commune and by day.
    expect(html).toMatch(/<th scope="row">Die<\/th><td class="num">2<\/td>/);
    expect(html).toMatch(/<th scope="row">Grenoble<\/th><td class="num">1<\/td>/);
    expect(html).toMatch(/<th scope="row">2026-03-02<\/th><td class="num">2<\/td>/);
    // Free texts, newest first.
    expect(html.indexOf('Il a dit "bonjour"')).toBeLessThan(html.indexOf("=SOMME(A1)"));
    expect(html).toContain("Pommes");
  });

  test("filters by commune and date range; free texts searched", async () => {
    const { client, base } = await knownDataSet("researcher");
    const oneCommune = await read(await client.get(`${base}/results?commune=38185`));
    expect(oneCommune).toContain("1 réponse");
    // The other communes stay on offer, so that one can move from commune to commune.
    expect(oneCommune).toMatch(/<option value="38185" selected="">Grenoble \(38185\)<\/option>/);
    expect(oneCommune).toContain('<option value="26113">Die (26113)</option>');
    expect(await read(await client.get(`${base}/results?from=2026-03-02`))).toContain("2 réponses");
    expect(await read(await client.get(`${base}/results?from=2026-03-01&to=2026-03-01`))).toContain("1 réponse");
    const searched = await read(await client.get(`${base}/results?texte=q-story&q=pomm`));
    expect(searched).toContain("Pommes");
    expect(searched).not.toContain("=SOMME(A1)");
    const others = await read(await client.get(`${base}/results?texte=q-shop~other`));
    expect(others).toContain("Épicerie; solidaire");
    // Nonsense filters are ignored, not a 500.
    const nonsense = await client.get(`${base}/results?from=hier&commune=<x>&page=-3`);
    expect(nonsense.status).toBe(200);
    expect(await read(nonsense)).toContain("Cette date n'est pas valide : le filtre est ignoré.");
    // A start after the end is said, and ignored rather than showing no response at all.
    const reversed = await read(await client.get(`${base}/results?from=2026-03-05&to=2026-03-01`));
    expect(reversed).toContain("La date de début est après la date de fin");
    expect(reversed).toContain("3 réponses");
  });
});

describe("results and exports cover the same responses", () => {
  type ExportedJson = { survey: { filter: unknown }; responses: { id: string }[] };

  /** The total a results page announces ("3 réponses", "1 réponse", "2\u202f500 réponses"). */
  async function resultsTotal(client: Awaited<ReturnType<typeof memberWithSurvey>>["client"], url: string) {
    const html = await read(await client.get(url));
    const total = /<p class="lead" role="status">([\d\u202f\u00a0 ]+) réponses?<\/p>/.exec(html);
    expect(total, url).not.toBeNull();
    return Number(total![1]!.replace(/\D/g, ""));
  }

  test("for every filter, the CSV and the JSON have as many rows as the results count", async () => {
    const { client, base, survey } = await memberWithSurvey("researcher");
    // Responses on both sides of each day's edges (UTC), in three communes and none.
    const responses: [string, string | null][] = [
      ["2026-02-28T23:59:59.999Z", "26113"],
      ["2026-03-01T00:00:00.000Z", "38185"],
      ["2026-03-01T12:00:00.000Z", "26113"],
      ["2026-03-01T23:59:59.999Z", null],
      ["2026-03-02T00:00:00.000Z", "26113"],
      ["2026-03-02T18:00:00.000Z", "38185"],
      ["2026-03-31T08:00:00.000Z", "2A004"],
      ["2026-04-01T00:00:00.000Z", "26113"],
    ];
    for (const [at, town] of responses) {
      await createResponse(server.db, {
        surveyId: survey.id,
        versionId: survey.currentVersionId,
        submittedAt: new Date(at),
        answers: { "q-story": `Réponse du ${at}`, ...(town ? { "q-town": town } : {}) },
      });
    }
    const cases: [query: string, expected: number][] = [
      ["", 8],
      ["commune=26113", 4],
      ["commune=38185", 2],
      ["commune=2A004", 1],
      ["from=2026-03-01", 7],
      ["to=2026-03-01", 4],
      ["from=2026-03-01&to=2026-03-01", 3],
      ["from=2026-03-02&to=2026-03-31", 3],
      ["from=2026-03-01&to=2026-03-02&commune=26113", 2],
      ["from=2026-04-02", 0],
      // Ignored on the page (and said there): ignored in the exports too.
      ["from=2026-03-05&to=2026-03-01", 8],
      ["from=2026-02-30&commune=38185", 2],
      ["commune=<x>", 8],
    ];
    for (const [query, expected] of cases) {
      const suffix = query ? `?${query}` : "";
      expect(await resultsTotal(client, `${base}/results${suffix}`), query).toBe(expected);
      // One header line, then one line per response (no answer here holds a line break).
      const csv = (await (await client.get(`${base}/export.csv${suffix}`)).text()).replace(/^\uFEFF/, "");
      const csvIds = csv
        .split("\r\n")
        .slice(1, -1)
        .map((line) => line.split(";")[0]);
      const json = (await (await client.get(`${base}/export.json${suffix}`)).json()) as ExportedJson;
      expect(csvIds, query).toHaveLength(expected);
      expect(
        json.responses.map((r) => r.id),
        query,
      ).toEqual(csvIds);
    }
    // The JSON export says which filter it applied: the one the page applied.
    const reversed = await client.get(`${base}/export.json?from=2026-03-05&to=2026-03-01&commune=2A004`);
    expect(((await reversed.json()) as ExportedJson).survey.filter).toEqual({ from: null, to: null, commune: "2A004" });
  });
});

describe("exports", () => {
  test("CSV: BOM, semicolons, values in French, Paris time, INSEE codes as text, formulas defused", async () => {
    const { client, base, ids } = await knownDataSet("researcher");
    const response = await client.get(`${base}/export.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="enquete-commerces-de-proximite-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const shop = "Où faites-vous vos courses ?";
    const modes = "Comment vous y rendez-vous ?";
    const header = [
      "Réponse",
      "Reçue le (heure de Paris)",
      "Décalage UTC",
      "Version",
      "Canal",
      "Votre prénom",
      "Racontez votre dernier achat local",
      shop,
      `${shop} — Autre (précisez)`,
      `${modes} — À pied`,
      `${modes} — À vélo`,
      `${modes} — En voiture`,
      `${modes} — Autre`,
      `${modes} — Autre (précisez)`,
      "Êtes-vous satisfait de l'offre ?",
      "Distance jusqu'au commerce (km)",
      "Personnes dans le foyer",
      "Depuis quand habitez-vous ici ?",
      "Votre commune — code INSEE",
      "Votre commune — commune",
    ].join(";");
    const expected = [
      header,
      `${ids[0]};2026-03-01 11:00:00;UTC+01:00;1;lien public;;Pommes;Au marché;;oui;non;oui;non;;5;2,5;3;2019-03-14;"=""26113""";Die`,
      `${ids[1]};2026-03-02 10:30:00;UTC+01:00;1;saisie terrain;;'=SOMME(A1);Autre;"Épicerie; solidaire";non;non;non;oui;Covoiturage;3;10;;;"=""38185""";Grenoble`,
      `${ids[2]};2026-03-02 19:00:00;UTC+01:00;1;lien public;;"Il a dit ""bonjour""\nà tous";Au marché;;;;;;;4;;;;"=""26113""";Die`,
      "",
    ].join("\r\n");
    expect(text).toBe(expected);

    const comma = new TextDecoder().decode(
      new Uint8Array(await (await client.get(`${base}/export.csv?sep=comma`)).arrayBuffer()),
    );
    expect(comma.split("\r\n")[1]).toBe(
      `${ids[0]},2026-03-01 11:00:00,UTC+01:00,1,lien public,,Pommes,Au marché,,oui,non,oui,non,,5,2.5,3,2019-03-14,"=""26113""",Die`,
    );
    const filtered = await (await client.get(`${base}/export.csv?commune=38185`)).text();
    expect(filtered.trim().split("\r\n")).toHaveLength(2);
  });

  test("CSV: question and option labels written by a designer cannot start a formula either", async () => {
    const member = await logIn(server);
    const project = await createProject(server.db, { members: [[member.user.id, "researcher"]] });
    const definition = everyTypeDefinition();
    const shop = definition.sections[0]!.questions.find((q) => q.id === "q-shop")!;
    shop.label = '=HYPERLINK("http://evil.example","Où ?")';
    if (shop.type === "single_choice") shop.options[0]!.label = "@SUM(1+1)";
    const survey = await createSurvey(server.db, { projectId: project.id, definitions: [definition] });
    await createResponse(server.db, {
      surveyId: survey.id,
      versionId: survey.currentVersionId,
      answers: { "q-story": "Pommes", "q-shop": "opt-market", "q-town": "26113" },
    });
    const text = await (await member.client.get(`/projects/${project.id}/surveys/${survey.id}/export.csv`)).text();
    const [header, row] = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toContain(`"'=HYPERLINK(""http://evil.example"",""Où ?"")";`);
    expect(row).toContain(";'@SUM(1+1);");
    expect(text).not.toMatch(/[;\n"]=HYPERLINK|;@SUM/);
  });

  test("JSON: every version's questions and the responses", async () => {
    const { client, base, ids, survey } = await knownDataSet("coordinator");
    const response = await client.get(`${base}/export.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/\.json"$/);
    const body = (await response.json()) as {
      survey: { id: string };
      versions: { number: number; definition: { title: string } }[];
      questions: { id: string; type: string }[];
      responses: {
        id: string;
        version: number;
        channel: string;
        submittedAt: string;
        answers: Record<string, unknown>;
      }[];
    };
    expect(body.survey.id).toBe(survey.id);
    expect(body.versions.map((v) => v.number)).toEqual([1]);
    expect(body.questions.map((q) => q.id)).toEqual(
      everyTypeDefinition().sections.flatMap((s) => s.questions.map((q) => q.id)),
    );
    expect(body.responses.map((r) => r.id)).toEqual(ids);
    expect(body.responses[1]).toMatchObject({ version: 1, channel: "field", submittedAt: "2026-03-02T09:30:00.000Z" });
    expect(body.responses[1]!.answers["q-shop~other"]).toBe("Épicerie; solidaire");
  });

  test("a large export streams in batches: chunked, complete, every response once", async () => {
    const { client, base, survey } = await memberWithSurvey("researcher");
    const count = 2500;
    const start = Date.UTC(2026, 0, 1);
    await server.db.surveyResponse.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        surveyId: survey.id,
        versionId: survey.currentVersionId,
        submissionKey: `bulk-${i}`,
        channel: "public",
        answers: JSON.stringify({
          "q-story": `Réponse ${i}`,
          "q-shop": "opt-farm",
          "q-satisf": 1 + (i % 5),
          "q-town": "26113",
        }),
        communeCode: "26113",
        submittedAt: new Date(start + i * 60_000),
      })),
    });
    const response = await client.get(`${base}/export.csv`);
    expect(response.headers.get("content-length")).toBeNull();
    expect(response.headers.get("transfer-encoding")).toBe("chunked");
    const reader = response.body!.getReader();
    let chunks = 0;
    let text = "";
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      text += decoder.decode(value, { stream: true });
    }
    expect(chunks).toBeGreaterThan(1);
    const lines = text.trim().split("\r\n").slice(1);
    expect(lines).toHaveLength(count);
    expect(new Set(lines.map((l) => l.split(";")[0])).size).toBe(count);
    const results = await read(await client.get(`${base}/results`));
    expect(results).toContain("2 500 réponses".replace(" ", "\u202f"));
  });
});

describe("XLSX export (issue 13, point 4)", () => {
  test("typed cells read back by an independent reader: dates, numbers, INSEE codes as text, header frozen", async () => {
    const { client, base, survey } = await memberWithSurvey("researcher");
    await createResponse(server.db, {
      id: `${survey.id}-x`,
      surveyId: survey.id,
      versionId: survey.currentVersionId,
      channel: "field",
      // Summer time: 14:05 in Paris.
      submittedAt: new Date("2026-07-14T12:05:09.000Z"),
      answers: {
        "q-story": "=SOMME(A1) <b>&",
        "q-shop": "opt-market",
        "q-modes": ["opt-bike"],
        "q-satisf": 5,
        "q-km": 2.5,
        "q-since": "2019-03-14",
        "q-town": "01053",
      },
    });
    const response = await client.get(`${base}/export.xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="enquete-[a-z0-9-]+\.xlsx"$/);
    const book = readXlsx(new Uint8Array(await response.arrayBuffer()));
    expect(book.sheetName).toBe("Réponses");
    expect(book.frozenRows).toBe(1);
    const header = (column: string) => book.cells.get(`${column}1`)?.value;
    const columnOf = (title: string) => {
      for (const cell of book.cells.values())
        if (cell.ref.endsWith("1") && /^[A-Z]+1$/.test(cell.ref) && cell.value === title) return cell.ref.slice(0, -1);
      throw new Error(`no column ${title}`);
    };
    const at = (title: string) => book.cells.get(`${columnOf(title)}2`)!;
    expect(header("B")).toBe("Reçue le (heure de Paris)");
    const received = at("Reçue le (heure de Paris)");
    expect(received.type).toBe("date");
    expect(book.dateText(received.value as number)).toBe("2026-07-14T14:05:09");
    expect(at("Décalage UTC")).toMatchObject({ type: "text", value: "UTC+02:00" });
    expect(at("Canal")).toMatchObject({ type: "text", value: "saisie terrain" });
    expect(at("Version")).toMatchObject({ type: "number", value: 1 });
    expect(at("Êtes-vous satisfait de l'offre ?")).toMatchObject({ type: "number", value: 5 });
    expect(at("Distance jusqu'au commerce (km)")).toMatchObject({ type: "number", value: 2.5 });
    const since = at("Depuis quand habitez-vous ici ?");
    expect(since.type).toBe("date");
    expect(book.dateText(since.value as number)).toBe("2019-03-14T00:00:00");
    expect(at("Votre commune — code INSEE")).toMatchObject({ type: "text", value: "01053" });
    expect(at("Votre commune — commune")).toMatchObject({ type: "text", value: "Bourg-en-Bresse" });
    expect(at("Comment vous y rendez-vous ? — À vélo")).toMatchObject({ type: "text", value: "oui" });
    expect(at("Comment vous y rendez-vous ? — À pied")).toMatchObject({ type: "text", value: "non" });
    // A typed text stays text, not a formula, and its markup characters survive.
    expect(at("Racontez votre dernier achat local")).toMatchObject({ type: "text", value: "=SOMME(A1) <b>&" });
  });

  test("filtered like the page, and empty but valid with no response", async () => {
    const { client, base } = await knownDataSet("researcher");
    const all = readXlsx(new Uint8Array(await (await client.get(`${base}/export.xlsx`)).arrayBuffer()));
    expect([...all.cells.keys()].filter((ref) => /^A\d+$/.test(ref))).toHaveLength(4);
    const one = readXlsx(new Uint8Array(await (await client.get(`${base}/export.xlsx?commune=38185`)).arrayBuffer()));
    expect([...one.cells.keys()].filter((ref) => /^A\d+$/.test(ref))).toHaveLength(2);
    const none = readXlsx(
      new Uint8Array(await (await client.get(`${base}/export.xlsx?from=2030-01-01`)).arrayBuffer()),
    );
    expect([...none.cells.keys()].filter((ref) => /^A\d+$/.test(ref))).toEqual(["A1"]);
  });
});

test("XLSX: a download abandoned half-way stops cleanly and the server goes on", async () => {
  const { client, base, survey } = await memberWithSurvey("researcher");
  await server.db.surveyResponse.createMany({
    data: Array.from({ length: 3000 }, (_, i) => ({
      surveyId: survey.id,
      versionId: survey.currentVersionId,
      submissionKey: `xlsx-${i}`,
      channel: "public",
      answers: JSON.stringify({ "q-story": `Réponse ${i} `.repeat(20), "q-shop": "opt-farm", "q-town": "26113" }),
      communeCode: "26113",
      submittedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
    })),
  });
  const response = await client.get(`${base}/export.xlsx`);
  const reader = response.body!.getReader();
  expect((await reader.read()).done).toBe(false);
  await reader.cancel();
  const again = await client.get(`${base}/results`);
  expect(again.status).toBe(200);
  expect(await read(again)).toContain("3\u202f000 réponses");
  // The whole file still comes through for the next person.
  const book = readXlsx(new Uint8Array(await (await client.get(`${base}/export.xlsx`)).arrayBuffer()));
  expect(book.cells.get("A3001")?.type).toBe("text");
});

describe("raw answers are for coordinators and researchers (issue 13, point 5)", () => {
  const ROLES: [ProjectRole, boolean][] = [
    ["coordinator", true],
    ["researcher", true],
    ["local_actor", false],
    ["council_reviewer", false],
    ["observer", false],
  ];
  const EXPORTS = ["export.csv", "export.csv?sep=comma", "export.xlsx", "export.json"];

  test.each(ROLES)("%s — may read raw answers: %s", async (role, raw) => {
    const { client, base } = await knownDataSet(role);
    for (const path of EXPORTS) {
      const response = await client.get(`${base}/${path}`);
      expect(response.status, path).toBe(raw ? 200 : 403);
      await response.arrayBuffer();
    }
    const html = await read(await client.get(`${base}/results`));
    // Everyone sees the aggregated results.
    expect(html).toContain("3 réponses");
    expect(html).toMatch(/<th scope="row">Au marché<\/th><td class="num">2<\/td>/);
    for (const text of ["Pommes", "=SOMME(A1)", "export.csv", "export.xlsx", "export.json"]) {
      expect(html.includes(text), `${role} ${raw ? "sees" : "does not see"} ${text}`).toBe(raw);
    }
    expect(html.includes("seuls les coordinateurs et les chercheurs")).toBe(!raw);
    // Asking for a free-text listing in the address changes nothing.
    const asked = await read(await client.get(`${base}/results?texte=q-story&q=pomm`));
    expect(asked.includes("Pommes")).toBe(raw);
    const others = await read(await client.get(`${base}/results?texte=q-shop~other`));
    expect(others.includes("Épicerie; solidaire")).toBe(raw);
  });

  test("coalition staff reading a shared project see aggregated results only", async () => {
    const staff = await logIn(server, { siteRole: "coalition_coordinator" });
    const owner = await logIn(server);
    const project = await createProject(server.db, {
      members: [[owner.user.id, "coordinator"]],
      visibility: "coalition",
    });
    const survey = await createSurvey(server.db, { projectId: project.id });
    await createResponse(server.db, {
      surveyId: survey.id,
      versionId: survey.currentVersionId,
      answers: { "q-story": "Pommes", "q-shop": "opt-market", "q-town": "26113" },
    });
    const base = `/projects/${project.id}/surveys/${survey.id}`;
    for (const path of EXPORTS) expect((await staff.client.get(`${base}/${path}`)).status, path).toBe(403);
    const html = await read(await staff.client.get(`${base}/results`));
    expect(html).toContain("1 réponse");
    expect(html).not.toContain("Pommes");
  });
});
