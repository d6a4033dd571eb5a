import crypto from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import type { ProjectRole } from "~/models/vocabulary";
import { createProject } from "../factories";
import { HttpClient, location } from "../support/http-client";
import type { TestServer } from "../support/server";
import { logIn, serverForFile } from "../support/session";
import { createResponse, createSurvey, everyTypeDefinition, validForm } from "../survey-factories";

// TRUST_PROXY: each test answers from its own address, so the per-address limit is tested alone.
const currentServer = serverForFile({ env: { TRUST_PROXY: "1" } });
let server: TestServer;
beforeAll(() => {
  server = currentServer();
});

let addressCounter = 0;
/** A respondent without an account, from an address of their own. */
function respondent() {
  const address = `203.0.113.${++addressCounter}`;
  const client = new HttpClient(server.url);
  return {
    client,
    get: (path: string) => client.get(path, { "x-forwarded-for": address }),
    post: (path: string, form: Record<string, string | string[]>) =>
      client.post(path, form, { "x-forwarded-for": address }),
  };
}

async function read(response: Response) {
  return (await response.text())
    .replaceAll("<!-- -->", "")
    .replaceAll("&#x27;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");
}

/** The hidden fields of a rendered form, as a browser would send them back. */
function hiddenFields(html: string) {
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];
  return { submissionKey: field("submissionKey")!, versionId: field("versionId")! };
}

async function openSurvey(status: "open" | "draft" | "closed" = "open") {
  const owner = await logIn(server);
  const project = await createProject(server.db, { members: [[owner.user.id, "coordinator"]] });
  const survey = await createSurvey(server.db, { projectId: project.id, status });
  return { owner, project, survey, link: `/s/${survey.publicToken}` };
}

const countResponses = (surveyId: string) => server.db.surveyResponse.count({ where: { surveyId } });

describe("answering through the public link", () => {
  test("a valid answer is stored with its version and the respondent sees the confirmation", async () => {
    const { survey, link } = await openSurvey();
    const who = respondent();
    const page = await who.get(link);
    expect(page.status).toBe(200);
    const html = await read(page);
    expect(html).toContain("Commerces de proximité");
    expect(html).toContain('Racontez votre dernier achat local<span class="required-mark"> (obligatoire)</span>');
    const hidden = hiddenFields(html);
    expect(hidden.versionId).toBe(survey.currentVersionId);

    const response = await who.post(link, { ...hidden, ...validForm({ "q.q-km": "3,5", "q.q-modes": ["opt-foot"] }) });
    expect(response.status).toBe(302);
    expect(location(response)).toBe(`${link}/merci`);
    const stored = await server.db.surveyResponse.findMany({ where: { surveyId: survey.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      versionId: survey.currentVersionId,
      channel: "public",
      enteredById: null,
      communeCode: "26113",
      submissionKey: hidden.submissionKey,
    });
    expect(JSON.parse(stored[0]!.answers)).toEqual({
      "q-story": "Des pommes au marché de Die.",
      "q-shop": "opt-market",
      "q-modes": ["opt-foot"],
      "q-satisf": 4,
      "q-km": 3.5,
      "q-town": "26113",
    });
    const thanks = await read(await who.get(`${link}/merci`));
    expect(thanks).toContain("Merci pour votre réponse");
  });

  test.each([
    ["q-story", { "q.q-story": "" }, "Répondez à cette question."],
    ["q-name", { "q.q-name": "x".repeat(501) }, "Écrivez au plus 500 caractères (vous en avez écrit 501)."],
    ["q-shop", { "q.q-shop": "opt-inconnue" }, "Choisissez parmi les réponses proposées."],
    ["q-shop-other", { "q.q-shop": "~other" }, "Précisez votre réponse « Autre »."],
    ["q-modes", { "q.q-modes": ["opt-foot", "zzzz-nope"] }, "Choisissez parmi les réponses proposées."],
    ["q-satisf", { "q.q-satisf": "7" }, "Choisissez une valeur entre 1 et 5."],
    ["q-km", { "q.q-km": "beaucoup" }, "Écrivez un nombre, par exemple 12 ou 3,5."],
    ["q-km", { "q.q-km": "1000" }, "Écrivez un nombre entre 0 et 200."],
    ["q-people", { "q.q-people": "2,5" }, "Écrivez un nombre entier, sans virgule."],
    ["q-since", { "q.q-since": "2023-02-30" }, "Cette date n'existe pas : écrivez-la au format jj/mm/aaaa."],
    ["q-since", { "q.q-since": "1492-10-12" }, "Écrivez une date entre 1900 et 2100."],
    ["q-town", { "q.q-town": "00000" }, "Choisissez une commune dans la liste"],
  ])("%s refused with its message, nothing stored: %j", async (errorId, fields, message) => {
    const { survey, link } = await openSurvey();
    const who = respondent();
    const hidden = hiddenFields(await read(await who.get(link)));
    const response = await who.post(link, { ...hidden, ...validForm(fields as Record<string, string | string[]>) });
    expect(response.status).toBe(400);
    const html = await read(response);
    expect(html).toContain(message);
    // The field says it is invalid and points at its message; the summary links to it.
    expect(html).toContain(`id="${errorId}-error"`);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('class="error-summary"');
    expect(await countResponses(survey.id)).toBe(0);
  });

  test("a filled honeypot looks accepted but stores nothing", async () => {
    const { survey, link } = await openSurvey();
    const who = respondent();
    const hidden = hiddenFields(await read(await who.get(link)));
    const response = await who.post(link, { ...hidden, ...validForm(), website: "http://spam.example" });
    expect(response.status).toBe(302);
    expect(location(response)).toBe(`${link}/merci`);
    expect(await countResponses(survey.id)).toBe(0);
  });

  test("a double submit stores one response and both see the confirmation", async () => {
    const { survey, link } = await openSurvey();
    const who = respondent();
    const form = { ...hiddenFields(await read(await who.get(link))), ...validForm() };
    const [first, second] = await Promise.all([who.post(link, form), who.post(link, form)]);
    const third = await who.post(link, form);
    for (const response of [first, second, third]) {
      expect(response.status).toBe(302);
      expect(location(response)).toBe(`${link}/merci`);
    }
    expect(await countResponses(survey.id)).toBe(1);
  });

  test("a version of another survey, or no submission key, is refused", async () => {
    const { survey, link } = await openSurvey();
    const other = await openSurvey();
    const who = respondent();
    const hidden = hiddenFields(await read(await who.get(link)));
    const foreign = await who.post(link, { ...hidden, versionId: other.survey.currentVersionId, ...validForm() });
    expect(foreign.status).toBe(400);
    expect(await read(foreign)).toContain("Ce formulaire n'est plus valable");
    const keyless = await who.post(link, { versionId: hidden.versionId, ...validForm() });
    expect(keyless.status).toBe(400);
    expect(await countResponses(survey.id)).toBe(0);
    expect(await countResponses(other.survey.id)).toBe(0);
  });

  test("too many answers from one address get a 429 with a French message and Retry-After; mistakes do not count", async () => {
    const { survey, link } = await openSurvey();
    const who = respondent();
    const answer = async () => who.post(link, { ...hiddenFields(await read(await who.get(link))), ...validForm() });
    // A form refused for a mistake gives its point back: a hundred mistakes still leave room.
    const hidden = hiddenFields(await read(await who.get(link)));
    for (let i = 0; i < 100; i++) expect((await who.post(link, { ...hidden, "q.q-story": "" })).status).toBe(400);
    for (let i = 0; i < 100; i++) expect((await answer()).status).toBe(302);
    expect(await countResponses(survey.id)).toBe(100);
    const blocked = await answer();
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await read(blocked)).toContain("Trop de réponses envoyées depuis cette connexion.");
    expect(await countResponses(survey.id)).toBe(100);
    // Another address is not slowed down.
    const neighbour = respondent();
    const fresh = hiddenFields(await read(await neighbour.get(link)));
    expect((await neighbour.post(link, { ...fresh, ...validForm() })).status).toBe(302);
  });

  test("a script posting junk from one address is stopped after 300 posts", async () => {
    const { link } = await openSurvey();
    const who = respondent();
    const hidden = hiddenFields(await read(await who.get(link)));
    const statuses = [];
    for (let i = 0; i < 301; i++) statuses.push((await who.post(link, { ...hidden, "q.q-story": "" })).status);
    expect(statuses.slice(0, 300).every((status) => status === 400)).toBe(true);
    expect(statuses[300]).toBe(429);
  });

  test("an unknown token is a 404 page that says so", async () => {
    const who = respondent();
    for (const path of ["/s/inconnu-0123456789", "/s/x", "/s/%3Cscript%3E"]) {
      const response = await who.get(path);
      expect(response.status).toBe(404);
      expect(await read(response)).toContain("Enquête introuvable");
    }
    const post = await who.post("/s/inconnu-0123456789", validForm());
    expect(post.status).toBe(404);
  });

  test("a closed survey is a 410 page, and answering it stores nothing", async () => {
    const { survey, link } = await openSurvey("closed");
    const who = respondent();
    const page = await who.get(link);
    expect(page.status).toBe(410);
    expect(await read(page)).toContain("Cette enquête est fermée");
    const post = await who.post(link, {
      versionId: survey.currentVersionId,
      submissionKey: crypto.randomUUID(),
      ...validForm(),
    });
    expect(post.status).toBe(410);
    expect(await read(post)).toContain("Cette enquête est fermée");
    expect(await countResponses(survey.id)).toBe(0);
  });

  test("a draft survey cannot be answered", async () => {
    const { survey, link } = await openSurvey("draft");
    const who = respondent();
    const page = await who.get(link);
    expect(page.status).toBe(404);
    expect(await read(page)).toContain("Enquête pas encore ouverte");
    const post = await who.post(link, {
      versionId: survey.currentVersionId,
      submissionKey: crypto.randomUUID(),
      ...validForm(),
    });
    expect(post.status).toBe(404);
    expect(await countResponses(survey.id)).toBe(0);
  });

  test("the commune search works without an account, only for an open survey", async () => {
    const open = await openSurvey();
    const closed = await openSurvey("closed");
    const who = respondent();
    const found = await who.get(`${open.link}/communes?q=Die&kind=commune`);
    expect(found.status).toBe(200);
    const body = (await found.json()) as { results: { code: string }[] };
    expect(body.results.map((r) => r.code)).toContain("26113");
    expect((await who.get(`${closed.link}/communes?q=Die`)).status).toBe(404);
  });
});

async function memberWithSurvey(role: ProjectRole, status: "open" | "closed" = "open") {
  const member = await logIn(server);
  const project = await createProject(server.db, { members: [[member.user.id, role]] });
  const survey = await createSurvey(server.db, { projectId: project.id, status });
  return { ...member, project, survey, base: `/projects/${project.id}/surveys/${survey.id}` };
}

describe("field entry by members", () => {
  test("a local actor enters a response; sending it again stores it once", async () => {
    const { user, client, survey, base } = await memberWithSurvey("local_actor");
    const page = await read(await client.get(`${base}/collect`));
    expect(page).toContain(`/s/${survey.publicToken}`);
    expect(page).toContain("<svg");
    expect(page).toContain("Saisie terrain");
    const form = { versionId: survey.currentVersionId, submissionKey: crypto.randomUUID(), ...validForm() };
    for (let i = 0; i < 2; i++) {
      const response = await client.post(`${base}/field-responses`, form);
      expect(response.status).toBe(200);
    }
    const stored = await server.db.surveyResponse.findMany({ where: { surveyId: survey.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ channel: "field", enteredById: user.id, communeCode: "26113" });
  });

  test("an invalid field response gets its messages as JSON and stores nothing", async () => {
    const { client, survey, base } = await memberWithSurvey("researcher");
    const response = await client.post(`${base}/field-responses`, {
      versionId: survey.currentVersionId,
      submissionKey: crypto.randomUUID(),
      ...validForm({ "q.q-satisf": "12" }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: { "q-satisf": "Choisissez une valeur entre 1 et 5." } });
    expect(await countResponses(survey.id)).toBe(0);
  });

  test("an observer sees the link but may not enter responses (403); a non-member gets 404", async () => {
    const { client, survey, base } = await memberWithSurvey("observer");
    const page = await read(await client.get(`${base}/collect`));
    expect(page).toContain(`/s/${survey.publicToken}`);
    expect(page).toContain("Votre rôle permet de voir le lien, pas de saisir des réponses.");
    const form = { versionId: survey.currentVersionId, submissionKey: crypto.randomUUID(), ...validForm() };
    expect((await client.post(`${base}/field-responses`, form)).status).toBe(403);
    const stranger = await logIn(server);
    expect((await stranger.client.post(`${base}/field-responses`, form)).status).toBe(404);
    expect((await stranger.client.get(`${base}/collect`)).status).toBe(404);
    expect((await stranger.client.get(`${base}/results`)).status).toBe(404);
    expect((await stranger.client.get(`${base}/export.csv`)).status).toBe(404);
    expect(await countResponses(survey.id)).toBe(0);
  });

  test("a closed survey takes no field response", async () => {
    const { client, survey, base } = await memberWithSurvey("coordinator", "closed");
    const form = { versionId: survey.currentVersionId, submissionKey: crypto.randomUUID(), ...validForm() };
    expect((await client.post(`${base}/field-responses`, form)).status).toBe(410);
    expect(await countResponses(survey.id)).toBe(0);
    // Its poster says so before anyone pins it up; an open survey's poster does not.
    const notOpen = "le lien et le code QR ne permettent pas";
    expect(await read(await client.get(`${base}/poster`))).toContain(notOpen);
    const open = await memberWithSurvey("coordinator", "open");
    expect(await read(await open.client.get(`${open.base}/poster`))).not.toContain(notOpen);
  });
});

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
    expect(await read(await client.get(`${base}/results?commune=38185`))).toContain("1 réponse");
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
