import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { BIN, ROOT, TMP } from "../support/paths";

/**
 * Every Prisma command the project uses must work without Prisma's binary download host
 * (docs/decisions/004). Proxies point at a closed port and HOME at an empty folder, so
 * any download attempt — or a cached engine — would make these fail.
 */
let work: string;
let offlineEnv: NodeJS.ProcessEnv;

beforeAll(() => {
  work = path.join(TMP, `prisma-${crypto.randomUUID()}`);
  fs.mkdirSync(work, { recursive: true });
  offlineEnv = {
    ...process.env,
    HOME: fs.mkdtempSync(path.join(os.tmpdir(), "maillage-home-")),
    HTTP_PROXY: "http://127.0.0.1:9",
    HTTPS_PROXY: "http://127.0.0.1:9",
    NO_PROXY: "",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
});
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(offlineEnv.HOME!, { recursive: true, force: true });
});

function prisma(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(BIN("prisma"), args, {
    cwd: ROOT,
    env: { ...offlineEnv, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const committedMigrations = () =>
  fs
    .readdirSync(path.join(ROOT, "prisma/migrations"))
    .filter((name) => /^\d{14}_/.test(name))
    .sort();

describe("the committed migrations on an empty database", () => {
  const url = () => `file:${path.join(work, "empty.db")}`;

  test("migrate deploy creates every table and records each migration", () => {
    const deploy = prisma(["migrate", "deploy"], { DATABASE_URL: url() });
    expect(deploy.output).toContain("All migrations have been successfully applied");
    expect(deploy.status).toBe(0);
    const db = new Database(path.join(work, "empty.db"), { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(["User", "Session", "Project", "Membership", "Invitation", "_prisma_migrations"]),
    );
    const applied = db
      .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name")
      .pluck()
      .all();
    expect(applied).toEqual(committedMigrations());
    db.close();
  });

  test("migrate status reports the database up to date", () => {
    const status = prisma(["migrate", "status"], { DATABASE_URL: url() });
    expect(status.output).toContain("Database schema is up to date");
    expect(status.status).toBe(0);
  });

  test("the committed migrations produce exactly the schema (no forgotten migration)", () => {
    const diff = prisma([
      "migrate",
      "diff",
      "--from-migrations",
      "prisma/migrations",
      "--to-schema",
      "prisma/schema.prisma",
      "--exit-code",
    ]);
    expect(diff.output).toContain("No difference detected");
    expect(diff.status).toBe(0);
  });

  test("migrate reset empties the database and re-applies the migrations", () => {
    const db = new Database(path.join(work, "empty.db"));
    db.prepare(
      "INSERT INTO User (id, email, name, passwordHash, updatedAt) VALUES ('u1', 'a@b.fr', 'A', 'x', 0)",
    ).run();
    db.close();
    const reset = prisma(["migrate", "reset", "--force"], { DATABASE_URL: url() });
    expect(reset.status).toBe(0);
    const after = new Database(path.join(work, "empty.db"), { readonly: true });
    expect(after.prepare("SELECT count(*) FROM User").pluck().get()).toBe(0);
    expect(after.prepare("SELECT count(*) FROM _prisma_migrations").pluck().get()).toBe(committedMigrations().length);
    after.close();
  });
});

function scratchProject(name: string) {
  const project = path.join(work, name);
  fs.cpSync(path.join(ROOT, "prisma/migrations"), path.join(project, "migrations"), { recursive: true });
  const config = path.join(project, "prisma.config.ts");
  fs.writeFileSync(
    config,
    `import { defineConfig } from "prisma/config";
process.env.PRISMA_SCHEMA_ENGINE_BINARY = ${JSON.stringify(path.join(ROOT, "prisma/engine/schema-engine.mjs"))};
export default defineConfig({
  schema: ${JSON.stringify(path.join(project, "schema.prisma"))},
  migrations: { path: ${JSON.stringify(path.join(project, "migrations"))} },
  datasource: { url: ${JSON.stringify(`file:${path.join(project, "dev.db")}`)} },
});
`,
  );
  return { project, config };
}

describe("a schema change in development", () => {
  test("migrate dev writes a new migration and applies it; generate runs", () => {
    const { project, config } = scratchProject("project");
    const schema = fs
      .readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8")
      .replace(/output(\s*)= "\.\.\/app\/generated\/prisma"/, `output$1= "${path.join(project, "generated")}"`)
      .replace("model User {", "model User {\n  nickname String?");
    expect(schema, "the generated client must not overwrite the app's").toContain(path.join(project, "generated"));
    fs.writeFileSync(path.join(project, "schema.prisma"), schema);
    const dev = prisma(["migrate", "dev", "--name", "add_nickname", "--config", config]);
    expect(dev.output).toContain("Your database is now in sync with your schema");
    expect(dev.status).toBe(0);
    const created = fs.readdirSync(path.join(project, "migrations")).find((name) => name.endsWith("_add_nickname"));
    expect(created).toBeDefined();
    expect(fs.readFileSync(path.join(project, "migrations", created!, "migration.sql"), "utf8")).toContain(
      'ADD COLUMN "nickname" TEXT',
    );

    const generate = prisma(["generate", "--config", config]);
    expect(generate.status).toBe(0);
    expect(fs.existsSync(path.join(project, "generated", "client.ts"))).toBe(true);
  });

  test("a failing migration stops deploy with Prisma's P3018 message and a non-zero exit", () => {
    const { project, config } = scratchProject("broken");
    fs.copyFileSync(path.join(ROOT, "prisma/schema.prisma"), path.join(project, "schema.prisma"));
    fs.mkdirSync(path.join(project, "migrations", "29990101000000_broken"));
    fs.writeFileSync(
      path.join(project, "migrations", "29990101000000_broken", "migration.sql"),
      'ALTER TABLE "Nope" ADD COLUMN "x" TEXT;',
    );
    const deploy = prisma(["migrate", "deploy", "--config", config]);
    expect(deploy.status).not.toBe(0);
    expect(deploy.output).toContain("P3018");
    expect(deploy.output).toContain("29990101000000_broken");
  });
});
