import { beforeAll, describe, expect, test } from "vitest";
import type { ProjectRole } from "~/models/core/vocabulary";
import { createProject } from "../factories";
import type { TestServer } from "../support/server";
import { logIn, serverForFile } from "../support/session";
import { memberWithOwnSurvey, read } from "../support/survey-session";
import { createResponse, createSurvey, everyTypeDefinition } from "../survey-factories";

/** Results and exports of a survey, over the real server, against a known set of responses. */
const currentServer = serverForFile();
let server: TestServer;
beforeAll(() => {
  server = currentServer();
});

const memberWithSurvey = (role: ProjectRole, status: "open" | "closed" = "open") =>
  memberWithOwnSurvey(server, role, status);

/** Three known responses: what results and exports must say about them. */
async function knownDataSet(role: ProjectRole = "observer") {
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
    const { client, base } = await knownDataSet("observer");
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
    const { client, base } = await knownDataSet("council_reviewer");
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
    expect((await client.get(`${base}/results?from=hier&commune=<x>&page=-3`)).status).toBe(200);
    // A start after the end is said, and ignored rather than showing no response at all.
    const reversed = await read(await client.get(`${base}/results?from=2026-03-05&to=2026-03-01`));
    expect(reversed).toContain("La date de début est après la date de fin");
    expect(reversed).toContain("3 réponses");
  });
});

describe("exports", () => {
  test("CSV: BOM, semicolons, one column per option, ISO dates, decimal commas, formulas defused", async () => {
    const { client, base, ids } = await knownDataSet("observer");
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
      "Reçue le (UTC)",
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
      `${ids[0]};2026-03-01T10:00:00.000Z;1;public;;Pommes;Au marché;;1;0;1;0;;5;2,5;3;2019-03-14;26113;Die`,
      `${ids[1]};2026-03-02T09:30:00.000Z;1;field;;'=SOMME(A1);Autre;"Épicerie; solidaire";0;0;0;1;Covoiturage;3;10;;;38185;Grenoble`,
      `${ids[2]};2026-03-02T18:00:00.000Z;1;public;;"Il a dit ""bonjour""\nà tous";Au marché;;;;;;;4;;;;26113;Die`,
      "",
    ].join("\r\n");
    expect(text).toBe(expected);

    const comma = new TextDecoder().decode(
      new Uint8Array(await (await client.get(`${base}/export.csv?sep=comma`)).arrayBuffer()),
    );
    expect(comma.split("\r\n")[1]).toBe(
      `${ids[0]},2026-03-01T10:00:00.000Z,1,public,,Pommes,Au marché,,1,0,1,0,,5,2.5,3,2019-03-14,26113,Die`,
    );
    const filtered = await (await client.get(`${base}/export.csv?commune=38185`)).text();
    expect(filtered.trim().split("\r\n")).toHaveLength(2);
  });

  test("CSV: question and option labels written by a designer cannot start a formula either", async () => {
    const member = await logIn(server);
    const project = await createProject(server.db, { members: [[member.user.id, "observer"]] });
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
    const { client, base, ids, survey } = await knownDataSet("observer");
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
    const { client, base, survey } = await memberWithSurvey("observer");
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
