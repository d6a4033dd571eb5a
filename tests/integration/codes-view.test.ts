// What the code view shows from coded passages inserted directly as the projection writes them:
// counts, co-occurrences, one code's passages with their filters and pages, and the exports.
import { beforeAll, describe, expect, test } from "vitest";
import { createCode, createCodedPassage, createNote, createProject } from "../factories";
import { day, read } from "../support/notes-http";
import type { TestServer } from "../support/server";
import { logIn, serverForFile } from "../support/session";

const currentServer = serverForFile();
let server: TestServer;
beforeAll(() => {
  server = currentServer();
});

/**
 * A project with three codes and passages in three notes:
 * - note 1 (Die, 14 March, by Alice): Marché [0,10), Circuit court [5,15), École [20,30)
 * - note 2 (Crest, 2 April, by Bruno): Marché [0,10), Circuit court [0,10), École [0,4) (all overlap)
 * - note 3 (no date, in the trash): Marché [0,10), Circuit court [0,10) (not counted)
 */
async function codedProject() {
  const alice = await logIn(server, { name: "Alice Martin" });
  const bruno = await logIn(server, { name: "Bruno Roux" });
  const project = await createProject(server.db, {
    members: [
      [alice.user.id, "researcher"],
      [bruno.user.id, "local_actor"],
    ],
  });
  const cycle = await server.db.projectCycle.findFirstOrThrow({ where: { projectId: project.id } });
  const market = await createCode(server.db, {
    projectId: project.id,
    label: "Marché",
    definition: "Vendre et acheter",
  });
  const short = await createCode(server.db, { projectId: project.id, label: "Circuit court", colour: "#b5452a" });
  const school = await createCode(server.db, { projectId: project.id, label: "École" });
  const note1 = await createNote(server.db, {
    projectId: project.id,
    authorId: alice.user.id,
    title: "Marché du samedi",
    observedOn: day("2026-03-14"),
    placeCommuneCode: "26113",
    placeCommuneName: "Die",
  });
  await server.db.note.update({ where: { id: note1.id }, data: { cycleId: cycle.id, phase: "observation" } });
  const note2 = await createNote(server.db, {
    projectId: project.id,
    authorId: bruno.user.id,
    title: "=Réunion à Crest",
    observedOn: day("2026-04-02"),
    placeCommuneCode: "26108",
    placeCommuneName: "Crest",
  });
  const note3 = await createNote(server.db, { projectId: project.id, authorId: alice.user.id, title: "Jetée" });
  await server.db.note.update({ where: { id: note3.id }, data: { deletedAt: new Date() } });
  const p = (noteId: string, codeId: string, start: number, end: number, text: string, by = alice.user.id) =>
    createCodedPassage(server.db, { noteId, projectId: project.id, codeId, start, end, text, codedById: by });
  const first = await p(note1.id, market.id, 0, 10, "Les stands\ndu samedi");
  await p(note1.id, short.id, 5, 15, "du samedi matin");
  await p(note1.id, school.id, 20, 30, "la cantine");
  await p(note2.id, market.id, 0, 10, "=SOMME(A1)", bruno.user.id);
  await p(note2.id, short.id, 0, 10, "vente directe", bruno.user.id);
  await p(note2.id, school.id, 0, 4, "école", bruno.user.id);
  await p(note3.id, market.id, 0, 10, "à la jetée");
  await p(note3.id, short.id, 0, 10, "à la jetée");
  return {
    alice,
    bruno,
    project,
    cycle,
    market,
    short,
    school,
    note1,
    note2,
    first,
    base: `/projects/${project.id}/codes`,
  };
}

describe("the code list", () => {
  test("shows each code with its definition, colour and counts, notes in the trash set aside", async () => {
    const { alice, base, market } = await codedProject();
    const html = await read(await alice.client.get(base));
    expect(html).toMatch(
      new RegExp(`<a title="Vendre et acheter" aria-describedby="code-def-${market.id}"[^>]*>Marché</a>`),
    );
    expect(html).toContain(`<span id="code-def-${market.id}">Vendre et acheter</span>`);
    expect(html).toContain('style="background-color:#b5452a"');
    // Marché: 2 passages in 2 notes (the trashed note's passage is not counted).
    const at = html.indexOf(">Marché</a>");
    const row = html.slice(at, html.indexOf("</tr>", at));
    expect(row.replace(/<span class="code-count-label"[^>]*>[^<]*<\/span>/g, "")).toMatch(
      /<td class="num">2<\/td><td class="num">2<\/td>/,
    );
  });

  test("co-occurrences: a table with caption and scoped headers, and the pairs as a list", async () => {
    const { alice, base } = await codedProject();
    expect(await read(await alice.client.get(base))).toContain(`href="${base}/co-occurrences"`);
    const html = await read(await alice.client.get(`${base}/co-occurrences`));
    expect(html).toMatch(/<div class="cooc-scroll" role="region" aria-labelledby="cooc-caption" tabindex="0">/);
    expect(html).toContain(
      '<caption id="cooc-caption">Co-occurrences des codes (passages qui se chevauchent)</caption>',
    );
    expect(html).toContain('<th scope="col">Circuit court</th>');
    expect(html).toContain('<th scope="row">Marché</th>');
    // Marché × Circuit court overlap in notes 1 and 2: 2. École overlaps both in note 2 only: 1 each
    // (note 1's École [20,30) touches nothing).
    expect(html).toContain("<li>Circuit court et Marché : 2 chevauchements</li>");
    expect(html).toContain("<li>Circuit court et École : 1 chevauchement</li>");
    expect(html).toContain("<li>École et Marché : 1 chevauchement</li>");
    const pairs = html.match(/<li>[^<]* et [^<]* : \d+ chevauchements?<\/li>/g) ?? [];
    expect(pairs).toHaveLength(3);
    expect(pairs[0]).toContain(": 2");
  });

  test("passages that only touch do not overlap; a project without overlaps says so", async () => {
    const { user, client } = await logIn(server);
    const project = await createProject(server.db, { members: [[user.id, "observer"]] });
    const a = await createCode(server.db, { projectId: project.id, label: "A" });
    const b = await createCode(server.db, { projectId: project.id, label: "B" });
    const note = await createNote(server.db, { projectId: project.id, authorId: user.id });
    await createCodedPassage(server.db, { noteId: note.id, projectId: project.id, codeId: a.id, start: 0, end: 5 });
    await createCodedPassage(server.db, { noteId: note.id, projectId: project.id, codeId: b.id, start: 5, end: 9 });
    const html = await read(await client.get(`/projects/${project.id}/codes/co-occurrences`));
    expect(html).toContain("Aucun passage ne se chevauche encore entre deux codes.");
    expect(html).not.toContain("cooc-table");
  });
});

describe("one code's page", () => {
  test("lists its passages with their note, date, commune, cycle, phase, author and coder", async () => {
    const { alice, project, base, market, note1, first, cycle } = await codedProject();
    const html = await read(await alice.client.get(`${base}/${market.id}`));
    expect(html).toContain("2 passages");
    expect(html).toContain("Vendre et acheter");
    // Newest observation first.
    expect(html.indexOf("=SOMME(A1)")).toBeLessThan(html.indexOf("Les stands\ndu samedi"));
    expect(html).toContain(`href="/projects/${project.id}/notes/${note1.id}?passage=${first.passageId}"`);
    expect(html).toContain("Observée le 14 mars 2026");
    expect(html).toContain("Commune : Die");
    expect(html).toContain("Cycle 1");
    expect(html).toContain("<li>Observation</li>");
    expect(html).toContain("Note de Alice Martin");
    expect(html).toContain("Codé par Bruno Roux");
    expect(html).not.toContain("à la jetée");
    void cycle;
  });

  test("filters by author, commune, cycle, phase and dates, in the address; unknown values are ignored", async () => {
    const { alice, bruno, base, market, cycle } = await codedProject();
    const page = async (query: string) => read(await alice.client.get(`${base}/${market.id}?${query}`));
    const only = (html: string) => ({ die: html.includes("Les stands"), crest: html.includes("=SOMME(A1)") });
    expect(only(await page(`author=${bruno.user.id}`))).toEqual({ die: false, crest: true });
    expect(only(await page("commune=26113"))).toEqual({ die: true, crest: false });
    expect(only(await page(`cycle=${cycle.id}`))).toEqual({ die: true, crest: false });
    expect(only(await page("phase=observation"))).toEqual({ die: true, crest: false });
    expect(only(await page("from=2026-04-01"))).toEqual({ die: false, crest: true });
    expect(only(await page("to=2026-03-31"))).toEqual({ die: true, crest: false });
    const filtered = await page("commune=26113&phase=observation");
    expect(filtered).toContain("1 passage correspond aux filtres");
    expect(filtered).toMatch(/<option value="26113" selected="">Die<\/option>/);
    expect(await page("commune=26108&phase=observation")).toContain("Aucun passage ne correspond à ces filtres.");
    const ignored = await page("author=intrus&phase=sieste&from=2026-02-30");
    expect(ignored).toContain("Filtre ignoré, valeur inconnue : Auteur de la note, Phase, Observée depuis le.");
    expect(only(ignored)).toEqual({ die: true, crest: true });
    expect(ignored).toContain("2 passages");
  });

  test("pages through many passages", async () => {
    const { user, client } = await logIn(server);
    const project = await createProject(server.db, { members: [[user.id, "council_reviewer"]] });
    const code = await createCode(server.db, { projectId: project.id, label: "Beaucoup" });
    const note = await createNote(server.db, { projectId: project.id, authorId: user.id, title: "Longue note" });
    for (let i = 0; i < 35; i++) {
      const text = `passage numéro ${String(i).padStart(2, "0")}`;
      await createCodedPassage(server.db, {
        noteId: note.id,
        projectId: project.id,
        codeId: code.id,
        start: i * 20,
        end: i * 20 + 10,
        text,
      });
    }
    const base = `/projects/${project.id}/codes/${code.id}`;
    const first = await read(await client.get(base));
    expect(first).toContain("35 passages");
    expect(first).toContain("passage numéro 29");
    expect(first).not.toContain("passage numéro 30");
    expect(first).toContain("Page 1 sur 2");
    const second = await read(await client.get(`${base}?page=2`));
    expect(second).toContain("passage numéro 34");
    expect(second).not.toContain("passage numéro 29");
    const past = await client.get(`${base}?page=9`);
    expect(past.status).toBe(302);
    expect(past.headers.get("location")).toBe(`${base}?page=2`);
  });

  test("says which findings cite it", async () => {
    const { alice, project, base, market } = await codedProject();
    for (const title of ["Les marchés tiennent", "Le samedi compte"]) {
      const finding = await server.db.finding.create({ data: { projectId: project.id, title } });
      await server.db.evidence.create({
        data: { findingId: finding.id, projectId: project.id, kind: "code", codeId: market.id },
      });
    }
    const html = await read(await alice.client.get(`${base}/${market.id}`));
    expect(html).toContain("Cité dans 2 constats");
    expect(html).toContain(">Les marchés tiennent</a>");
  });
});

describe("exports of coded passages", () => {
  test("CSV with the survey export's conventions", async () => {
    const { bruno, project, base } = await codedProject();
    const response = await bruno.client.get(`${base}/export.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="passages-codes-projet-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(
      "Code;Code parent;Passage;Note;Observée le;Commune;Cycle;Phase;Auteur de la note;Codé par;Mis à jour le (heure de Paris);Décalage UTC;Identifiant de la note;Identifiant du passage",
    );
    // Codes in French order, each one's passages newest observation first; trashed notes left out.
    expect(text).not.toContain("jetée");
    const rows = lines.slice(1).filter(Boolean);
    expect(rows.map((row) => row.split(";")[0])).toEqual([
      "Circuit court",
      "Circuit court",
      "École",
      "École",
      "Marché",
      "Marché",
    ]);
    // A passage or a title that starts like a formula is written as text.
    expect(text).toContain(";'=SOMME(A1);'=Réunion à Crest;2026-04-02;Crest;;;Bruno Roux;Bruno Roux;");
    expect(text).toContain(
      '"Les stands\ndu samedi";Marché du samedi;2026-03-14;Die;1;Observation;Alice Martin;Alice Martin;',
    );
    expect(text).toMatch(/;\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2};UTC\+0[12]:00;/);

    const comma = await bruno.client.get(`${base}/export.csv?sep=comma`);
    expect((await comma.text()).split("\r\n")[0]).toMatch(/^\uFEFF?Code,Code parent,Passage,/);
    void project;
  });

  test("one code's CSV, and Markdown with codes as sections and passages as quotes", async () => {
    const { alice, base, market, short } = await codedProject();
    const csv = await (await alice.client.get(`${base}/export.csv?code=${market.id}`)).text();
    const rows = csv.split("\r\n").slice(1).filter(Boolean);
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.startsWith("Marché;"))).toBe(true);

    const response = await alice.client.get(`${base}/export.md`);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/filename="passages-codes-.*\.md"$/);
    const md = await response.text();
    expect(md).toMatch(/^# Passages codés — Projet /);
    expect(md).toContain("\n## Marché\n\nVendre et acheter\n\n2 passages.\n");
    expect(md).toContain("\n> Les stands\n> du samedi\n\n— « Marché du samedi », observée le 14 mars 2026\n");
    expect(md).toContain("\n> =SOMME\\(A1\\)\n");
    expect(md.indexOf("## Circuit court")).toBeLessThan(md.indexOf("## Marché"));
    const one = await (await alice.client.get(`${base}/export.md?code=${short.id}`)).text();
    expect(one).toContain("## Circuit court");
    expect(one).not.toContain("## Marché");
  });
});
