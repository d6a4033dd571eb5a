import { beforeAll, describe, expect, test } from "vitest";
import type { FindingState, FindingTransition } from "~/models/core/vocabulary";
import { tryUpgrade } from "../support/collab-client";
import { EVERYONE, findingsCast, type Who } from "../support/findings-http";
import { location } from "../support/http-client";
import { findingInState } from "../support/review-http";
import type { TestServer } from "../support/server";
import { serverForFile } from "../support/session";

const currentServer = serverForFile();
let server: TestServer;
let cast: Awaited<ReturnType<typeof findingsCast>>;
beforeAll(async () => {
  server = currentServer();
  cast = await findingsCast(server);
});

/** Who may read a finding at each stage (independently of the code: the words). */
const READS: Record<"draft" | "submitted" | "public", Who[]> = {
  draft: ["coordinator", "researcher", "local_actor"],
  submitted: ["coordinator", "researcher", "local_actor", "council_reviewer"],
  public: ["coordinator", "researcher", "local_actor", "council_reviewer", "observer", "coalition"],
};
const stageOf = (state: FindingState) =>
  state === "draft" ? "draft" : state === "validated" || state === "published" ? "public" : "submitted";

/** Who may make each transition on a finding whose author is the researcher. */
const MAY: Record<FindingTransition, Who[]> = {
  submit: ["coordinator", "researcher"],
  request_changes: ["council_reviewer"],
  validate: ["council_reviewer"],
  publish: ["coordinator"],
  withdraw: ["coordinator", "researcher"],
  reopen: ["coordinator", "researcher"],
};
const CASES: [FindingTransition, FindingState, FindingState][] = [
  ["submit", "draft", "submitted"],
  ["submit", "changes_requested", "submitted"],
  ["request_changes", "submitted", "changes_requested"],
  ["validate", "submitted", "validated"],
  ["publish", "validated", "published"],
  ["withdraw", "submitted", "withdrawn"],
  ["withdraw", "published", "withdrawn"],
  ["reopen", "withdrawn", "draft"],
];

function expected(who: Who, transition: FindingTransition, from: FindingState): number {
  if (who === "anonymous") return 302;
  if (!READS[stageOf(from)].includes(who)) return 404;
  return MAY[transition].includes(who) ? 302 : 403;
}

const post = (who: Who, findingId: string, form: Record<string, string>) =>
  cast.as(who).client.post(`${cast.base}/${findingId}`, { intent: "transition", comment: "", ...form });

describe("the review workflow's rights", () => {
  test("every transition × every person: done, 403, 404 or to the login page; refused ones change nothing", async () => {
    const author = cast.as("researcher").userId!;
    for (const [transition, from, to] of CASES) {
      for (const who of EVERYONE) {
        const finding = await findingInState(server.db, { projectId: cast.project.id, authorId: author, state: from });
        const before = await server.db.finding.findUniqueOrThrow({ where: { id: finding.id } });
        const response = await post(who, finding.id, {
          transition,
          from,
          version: String(before.version),
          comment: "Il manque la source des chiffres.",
        });
        const status = expected(who, transition, from);
        const label = `${who} ${transition} from ${from}`;
        expect(response.status, label).toBe(status);
        if (who === "anonymous") expect(location(response)).toMatch(/^\/login/);
        const after = await server.db.finding.findUniqueOrThrow({ where: { id: finding.id } });
        const steps = await server.db.findingTransition.count({ where: { findingId: finding.id } });
        if (status === 302 && who !== "anonymous") {
          expect(after.state, label).toBe(to);
          expect(steps, label).toBe(1);
        } else {
          expect([after.state, after.version, steps], label).toEqual([before.state, before.version, 0]);
        }
      }
    }
  });

  test("own rights: a researcher who is not the author may neither submit, withdraw nor reopen", async () => {
    const other = cast.as("coordinator").userId!;
    for (const [transition, from] of [
      ["submit", "draft"],
      ["withdraw", "validated"],
      ["reopen", "withdrawn"],
    ] as const) {
      const finding = await findingInState(server.db, { projectId: cast.project.id, authorId: other, state: from });
      const version = from === "draft" ? "0" : "1";
      expect((await post("researcher", finding.id, { transition, from, version })).status, transition).toBe(403);
    }
  });
});

describe("forged, stale and replayed requests change nothing and say why", () => {
  test("a request for a state the finding has left is a 409 saying where it is now; a replay too", async () => {
    const author = cast.as("researcher").userId!;
    const finding = await findingInState(server.db, {
      projectId: cast.project.id,
      authorId: author,
      state: "submitted",
    });
    const verdict = { transition: "validate", from: "submitted", version: "1", comment: "" };
    expect((await post("council_reviewer", finding.id, verdict)).status).toBe(302);
    const replay = await post("council_reviewer", finding.id, verdict);
    expect(replay.status).toBe(409);
    expect(await replay.text()).toContain("Ce constat a été validé entre-temps");
    const late = await post("council_reviewer", finding.id, {
      ...verdict,
      transition: "request_changes",
      comment: "Non",
    });
    expect(late.status).toBe(409);
    expect(await server.db.findingTransition.count({ where: { findingId: finding.id } })).toBe(1);
  });

  test("a stale version is a 409; a transition that cannot start from the state is a 409", async () => {
    const author = cast.as("researcher").userId!;
    const finding = await findingInState(server.db, {
      projectId: cast.project.id,
      authorId: author,
      state: "submitted",
      version: 2,
    });
    const stale = await post("council_reviewer", finding.id, {
      transition: "validate",
      from: "submitted",
      version: "1",
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("version 2");
    const wrong = await post("coordinator", finding.id, { transition: "publish", from: "submitted", version: "2" });
    expect(wrong.status).toBe(409);
    expect(await wrong.text()).toContain("Soumis au conseil");
    expect(await server.db.finding.findUniqueOrThrow({ where: { id: finding.id }, select: { state: true } })).toEqual({
      state: "submitted",
    });
  });

  test("asking for changes without a comment, or a malformed form, is a 400", async () => {
    const author = cast.as("researcher").userId!;
    const finding = await findingInState(server.db, {
      projectId: cast.project.id,
      authorId: author,
      state: "submitted",
    });
    const bare = await post("council_reviewer", finding.id, {
      transition: "request_changes",
      from: "submitted",
      version: "1",
      comment: "   ",
    });
    expect(bare.status).toBe(400);
    expect(await bare.text()).toContain("le commentaire est obligatoire");
    for (const form of [
      { transition: "approve", from: "submitted", version: "1" },
      { transition: "validate", from: "somewhere", version: "1" },
      { transition: "validate", from: "submitted", version: "un" },
    ]) {
      expect((await post("council_reviewer", finding.id, form)).status, JSON.stringify(form)).toBe(400);
    }
    expect(await server.db.findingTransition.count({ where: { findingId: finding.id } })).toBe(0);
  });
});

describe("a finding's readers depend on its stage", () => {
  test("a council reviewer cannot open a draft's page, files, versions nor its socket (404), but can once submitted", async () => {
    const author = cast.as("researcher").userId!;
    const draft = await findingInState(server.db, { projectId: cast.project.id, authorId: author, state: "draft" });
    const reviewer = cast.as("council_reviewer");
    for (const path of ["", "/print", "/export.md", "/versions/1"]) {
      expect((await reviewer.client.get(`${cast.base}/${draft.id}${path}`)).status, path).toBe(404);
    }
    const ws = `${server.url.replace("http", "ws")}/collab/finding:${draft.id}`;
    expect(await tryUpgrade(ws, { origin: server.url, cookie: reviewer.client.cookieHeader() })).toBe(404);
    expect((await reviewer.client.get(`/collab/finding:${draft.id}`)).status).toBe(404);
    const list = await (await reviewer.client.get(cast.base)).text();
    expect(list).not.toContain(draft.id);
    const report = await (await reviewer.client.get(`${cast.base}/export.md`)).text();
    expect(report).not.toContain(`findings/${draft.id}`);

    const submitted = await findingInState(server.db, {
      projectId: cast.project.id,
      authorId: author,
      state: "submitted",
    });
    expect((await reviewer.client.get(`${cast.base}/${submitted.id}`)).status).toBe(200);
    expect(
      await tryUpgrade(`${server.url.replace("http", "ws")}/collab/finding:${submitted.id}`, {
        origin: server.url,
        cookie: reviewer.client.cookieHeader(),
      }),
    ).toBe("open");
    expect(await (await reviewer.client.get(cast.base)).text()).toContain(submitted.id);
    // Observers see it once validated only.
    expect((await cast.as("observer").client.get(`${cast.base}/${submitted.id}`)).status).toBe(404);
    expect(await (await cast.as("observer").client.get(cast.base)).text()).not.toContain(submitted.id);
  });

  test("a reviewer of project A gets 404 for project B's finding, through A's address or B's", async () => {
    const elsewhere = await findingInState(server.db, {
      projectId: cast.otherProject.id,
      authorId: null,
      state: "submitted",
    });
    const reviewer = cast.as("council_reviewer");
    expect((await reviewer.client.get(`${cast.base}/${elsewhere.id}`)).status).toBe(404);
    expect((await reviewer.client.get(`/projects/${cast.otherProject.id}/findings/${elsewhere.id}`)).status).toBe(404);
    const forged = await post("council_reviewer", elsewhere.id, {
      transition: "validate",
      from: "submitted",
      version: "1",
    });
    expect(forged.status).toBe(404);
    expect(await server.db.finding.findUniqueOrThrow({ where: { id: elsewhere.id }, select: { state: true } })).toEqual(
      {
        state: "submitted",
      },
    );
  });

  test("evidence links (cité dans N constats) count only findings the reader may see", async () => {
    const author = cast.as("researcher").userId!;
    const tag = await server.db.tag.create({
      data: { projectId: cast.project.id, label: "Circuits courts", nameKey: "circuits courts" },
      select: { id: true },
    });
    const draft = await findingInState(server.db, {
      projectId: cast.project.id,
      authorId: author,
      state: "draft",
      title: "Brouillon secret du marché",
    });
    await server.db.evidence.create({
      data: { findingId: draft.id, projectId: cast.project.id, kind: "code", codeId: tag.id, position: 0 },
    });
    const codePage = (who: Who) => cast.as(who).client.get(`/projects/${cast.project.id}/codes/${tag.id}`);
    expect(await (await codePage("researcher")).text()).toContain("Brouillon secret du marché");
    expect(await (await codePage("council_reviewer")).text()).not.toContain("Brouillon secret du marché");
  });
});
