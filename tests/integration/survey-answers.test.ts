import crypto from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import type { ProjectRole } from "~/models/core/vocabulary";
import { createProject } from "../factories";
import { HttpClient, location } from "../support/http-client";
import type { TestServer } from "../support/server";
import { logIn, serverForFile } from "../support/session";
import { memberWithOwnSurvey, read } from "../support/survey-session";
import { createSurvey, validForm } from "../survey-factories";

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

const memberWithSurvey = (role: ProjectRole, status: "open" | "closed" = "open") =>
  memberWithOwnSurvey(server, role, status);

describe("field entry by members", () => {
  test("a local actor enters a response; sending it again stores it once", async () => {
    const { user, client, survey, base } = await memberWithSurvey("local_actor");
    const page = await read(await client.get(`${base}/collect`));
    // The same short address as the poster's, typed from paper (issue 13, point 2).
    const code = (await server.db.survey.findUniqueOrThrow({ where: { id: survey.id } })).shortCode!;
    expect(page).toContain(`/s/${code.slice(0, 4)}-${code.slice(4)}`);
    expect(page).not.toContain(survey.publicToken);
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
    expect(page).toMatch(/\/s\/[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}/);
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

describe("the short address of a poster (issue 13, point 2)", () => {
  const shortAddress = (html: string) => /\/s\/([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})</.exec(html)?.[1];

  test("the poster shows a short address that works typed any way, and the long link keeps working", async () => {
    const { owner, project, survey, link } = await openSurvey();
    const poster = await read(await owner.client.get(`/projects/${project.id}/surveys/${survey.id}/poster`));
    const code = shortAddress(poster)!;
    expect(code, "a short address on the poster").toBeDefined();
    expect(poster).not.toContain(survey.publicToken);
    // Shown again, it is the same code: it is given once.
    const again = await read(await owner.client.get(`/projects/${project.id}/surveys/${survey.id}/poster`));
    expect(shortAddress(again)).toBe(code);

    const who = respondent();
    for (const typed of [code, code.toLowerCase(), code.replace("-", ""), code.replace(/0/g, "O").replace(/1/g, "l")]) {
      const page = await who.get(`/s/${encodeURIComponent(typed)}`);
      expect(page.status, typed).toBe(200);
      expect(await read(page)).toContain("Commerces de proximité");
    }
    const typed = `/s/${code.toLowerCase()}`;
    const hidden = hiddenFields(await read(await who.get(typed)));
    const response = await who.post(typed, { ...hidden, ...validForm() });
    expect(response.status).toBe(302);
    expect(location(response)).toBe(`${typed}/merci`);
    expect((await who.get(`${typed}/merci`)).status).toBe(200);
    expect((await who.get(`${typed}/communes?q=Die`)).status).toBe(200);
    expect((await who.get(link)).status).toBe(200);
    expect(await countResponses(survey.id)).toBe(1);
  });

  test("an address no survey has is unknown (404), and a U is never part of a code", async () => {
    const who = respondent();
    expect((await who.get("/s/ZZZZ-ZZZZ")).status).toBe(404);
    expect((await who.get("/s/UUUU-UUUU")).status).toBe(404);
  });

  test("respondents see a focused page: no log-in or sign-up links in the header", async () => {
    const { link } = await openSurvey();
    const who = respondent();
    const pages = [await read(await who.get(link)), await read(await who.get(`${link}/merci`))];
    pages.push(await read(await who.get("/s/ZZZZ-ZZZZ")));
    for (const html of pages) {
      expect(html).toContain('class="site-header"');
      expect(html).not.toMatch(/href="\/(login|signup)/);
      expect(html).not.toContain("Créer un compte");
    }
    // Elsewhere the header still offers them.
    expect(await read(await who.get("/login"))).toMatch(/href="\/signup/);
  });
});

describe("bidirectional controls (issue 13, point 5)", () => {
  test("are removed from a public answer before it is stored", async () => {
    const { survey, link } = await openSurvey();
    const who = respondent();
    const hidden = hiddenFields(await read(await who.get(link)));
    const response = await who.post(link, {
      ...hidden,
      ...validForm({ "q.q-story": "Des \u202Epommes\u202C \u2066ici\u2069" }),
    });
    expect(response.status).toBe(302);
    const stored = await server.db.surveyResponse.findFirstOrThrow({ where: { surveyId: survey.id } });
    expect(JSON.parse(stored.answers)["q-story"]).toBe("Des pommes ici");
  });
});
