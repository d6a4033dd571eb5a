#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, backed by Prisma's Wasm
// schema engine.
//
// Why: on first use, the Prisma 7 CLI downloads a native schema engine from
// Prisma's host, which our machines cannot reach. .config/prisma.ts points
// PRISMA_SCHEMA_ENGINE_BINARY here and the CLI spawns this file like the
// binary, in one of three ways:
//   --version
//       print the engine hash (the CLI checks it);
//   --datasource <json> cli <command>
//       one-shot command: can-connect-to-database, create-database;
//   [--datamodels <file>]... [--datasource <json>] [other flags]
//       JSON-RPC 2.0 server: one message per line on stdin/stdout, JSON log
//       lines on stderr.
// Each RPC is answered by @prisma/schema-engine-wasm talking to SQLite through
// @prisma/adapter-better-sqlite3. None of this is a documented Prisma API: the
// code mirrors what node_modules/prisma/build/cli.js 7.10.0 does. Versions are
// pinned below on purpose; after a Prisma upgrade, re-read the CLI and re-test
// generate, migrate dev/deploy/status/reset/diff before moving the pin.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { enginesVersion } from "@prisma/engines-version";
import * as wasmGlue from "@prisma/schema-engine-wasm/schema_engine_bg";

// prisma@7.10.0 ships engines 0edf323e...; the Wasm engine must come from the
// same commit.
const PINNED_ENGINE_HASH = "0edf323efd1d98336f3f0a68684b56f689b900d3";
const WASM_GLUE = "@prisma/schema-engine-wasm/schema_engine_bg";
const WASM_GLUE_URL = import.meta.resolve(WASM_GLUE);
const RPC_ERROR = {
  code: 4466,
  message: "An error happened. Check the data field for details.",
};

const send = (stream, message) => stream.write(JSON.stringify(message) + "\n");
// Native tracing JSON shape: the CLI collects `fields.message` from stderr and
// keeps the last ERROR entry as the explanation when the engine dies.
const log = (level, fields, target = "schema_engine::logger") =>
  send(process.stderr, {
    timestamp: new Date().toISOString(),
    level,
    fields,
    target,
  });

function fail(message, errorCode) {
  log("ERROR", {
    is_panic: false,
    message,
    ...(errorCode && { error_code: errorCode }),
  });
  process.exit(1);
}

function parseArgs(argv) {
  const args = { datamodels: [], datasource: {}, cli: null, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "--datamodels" || arg === "-d") args.datamodels.push(argv[++i]);
    else if (arg === "--datasource")
      args.datasource = JSON.parse(argv[++i]); // { url, ... }
    else if (arg === "cli") args.cli = argv[++i];
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++; // no use on SQLite
  }
  return args;
}

// "file:..." URL -> absolute path. Relative paths resolve against our cwd: the
// CLI spawns us in the directory it resolves the config against, as it does the
// native engine.
function sqlitePath(url) {
  if (!url?.startsWith("file:")) fail(`This schema engine only supports SQLite "file:" URLs, got "${url}".`, "P1013");
  const file = url.startsWith("file://") ? fileURLToPath(url.split("?")[0]) : url.slice(5).split("?")[0];
  return file === ":memory:" ? file : path.resolve(file);
}

function createDatabase(file) {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  new Database(file).close();
  return path.basename(file);
}

function deleteDatabase(file) {
  if (file === ":memory:") return;
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

// One-shot commands, used by the CLI's "ensure the database exists" step.
function runCliCommand(command, file) {
  // The CLI skips the first stderr line and parses every other one as JSON.
  log("INFO", { message: "Starting schema engine CLI", git_hash: PINNED_ENGINE_HASH }, "schema_engine");
  if (command === "can-connect-to-database") {
    if (!fs.existsSync(file)) fail(`Database \`${path.basename(file)}\` does not exist at \`${file}\``, "P1003");
  } else if (command === "create-database") createDatabase(file);
  else if (command === "drop-database") deleteDatabase(file);
  else fail(`Unknown cli command: ${command}`);
  process.exit(0);
}

// The package entry point imports the .wasm file as an ES module, which Node 20
// cannot do without a flag; instantiate it ourselves and hand it to the
// wasm-bindgen glue.
let wasmLoaded;
const loadWasm = () =>
  (wasmLoaded ??= (async () => {
    // The glue reports Rust panic messages here (the Prisma CLI defines the
    // same global).
    globalThis.PRISMA_WASM_PANIC_REGISTRY = {
      message: "",
      set_message(m) {
        this.message = m;
      },
    };
    const bytes = fs.readFileSync(new URL("schema_engine_bg.wasm", WASM_GLUE_URL));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": wasmGlue,
    });
    wasmGlue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
  })());

// State shared by the RPC handlers, the engine's log callback and the SQLite
// connections.
const hooks = {
  print: () => {},
  errorRegistry: null,
  applying: null,
  scriptError: null,
};

// Adapt one better-sqlite3 connection to what the Wasm engine does with it.
function instrument(adapter) {
  // The engine sends whole scripts (`db execute`, creating _prisma_migrations)
  // through executeRaw, but prepare() only takes one statement; scripts must go
  // through exec(), as executeScript does (migration scripts already use
  // executeScript).
  const { executeRaw, executeScript } = adapter;
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw.call(adapter, query);
    } catch (error) {
      if (query.args.length > 0 || !/more than one statement/.test(error?.message)) throw error;
      await executeScript.call(adapter, query.sql);
      return 0;
    }
  };
  // Keep the driver error of a failed migration, which the native engine
  // reports in P3018. (The adapter throws synchronously: no `.catch()` here.)
  adapter.executeScript = async (script) => {
    try {
      return await executeScript.call(adapter, script);
    } catch (error) {
      hooks.scriptError = error;
      throw error;
    }
  };
  return adapter;
}

// The engine's logs are already native-shaped JSON: pass them on. The native
// engine also tells the user "Applying migration `name`", which the Wasm engine
// only logs.
function onEngineLog(line) {
  process.stderr.write(line.trim() + "\n");
  try {
    const { fields, span, target } = JSON.parse(line);
    if (
      target === "schema_commands::commands::apply_migrations" &&
      span?.migration_name &&
      fields?.message?.startsWith("Applying")
    ) {
      hooks.applying = span.migration_name;
      hooks.print(`Applying migration \`${hooks.applying}\``);
    }
  } catch {} // not JSON: nothing to track
}

async function createEngine(args, dbFile) {
  await loadWasm();
  if (dbFile !== ":memory:") fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const connections = new Set();
  // No shadowDatabaseUrl on purpose: the adapter then gives every shadow replay
  // a fresh `:memory:` database, which is always empty as Prisma requires (a
  // configured shadow file would keep the tables of the previous replay).
  const sqlite = new PrismaBetterSqlite3({ url: dbFile });
  const open = async (connect) => {
    const adapter = instrument(await connect());
    connections.add(adapter);
    return adapter;
  };
  // The binding turns JS exceptions into "External error id#N" + an
  // errorRegistry entry.
  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: sqlite.provider,
    adapterName: sqlite.adapterName,
    connect: () => open(() => sqlite.connect()),
    connectToShadowDb: () => open(() => sqlite.connectToShadowDb()),
  });
  hooks.errorRegistry = factory.errorRegistry;
  // Without --datamodels (`db execute`, `migrate diff` of two files) the Wasm
  // engine panics: it needs a schema to pick its connector. This shim is
  // SQLite-only anyway.
  const datamodels = args.datamodels.length
    ? args.datamodels.map((file) => [file, fs.readFileSync(file, "utf8")])
    : [["schema.prisma", 'datasource db {\n  provider = "sqlite"\n}\n']];
  // Note: this already connects to the database.
  const engine = await wasmGlue.SchemaEngine.new({ datamodels }, onEngineLog, factory);
  return {
    engine,
    close() {
      // better-sqlite3 closes synchronously inside dispose().
      for (const adapter of connections) adapter.dispose().catch(() => {});
      connections.clear();
    },
  };
}

// Same DDL as the engine's own applyMigrations uses on SQLite.
const MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);`;
// Wasm engine methods that need nothing from us...
const PASS_THROUGH = ["dbExecute", "ensureConnectionValidity", "introspect", "introspectSql", "schemaPush"];
// ...and those that fail with P1014 on a database without _prisma_migrations.
const NEED_MIGRATIONS_TABLE = [
  "createMigration",
  "devDiagnostic",
  "evaluateDataLoss",
  "markMigrationApplied",
  "markMigrationRolledBack",
];
const isMissingMigrationsTable = (error) => error?.code === "P1014" && /_prisma_migrations/.test(error.message);

function p3018(migrationName, driverError) {
  const cause = driverError.cause ?? {};
  const meta = {
    migration_name: migrationName,
    database_error_code: String(cause.extendedCode ?? cause.originalCode ?? "unknown"),
    database_error: cause.originalMessage ?? cause.message ?? driverError.message,
  };
  const message = `A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\nMigration name: ${meta.migration_name}\n\nDatabase error code: ${meta.database_error_code}\n\nDatabase error:\n${meta.database_error}\n`;
  return Object.assign(new Error(message), { code: "P3018", meta });
}

function serve(args, dbFile) {
  // Requests are handled one at a time (see below), so lazy creation cannot
  // race.
  let current; // { engine, close }; recreated after `reset`
  const engine = async () => (current ??= await createEngine(args, dbFile)).engine;
  const dropEngine = () => {
    current?.close();
    current?.engine.free();
    current = undefined;
  };
  // The native engine prints through a `print` request; the CLI writes the
  // content to its own stdout (or to the file of `migrate diff --output`) and
  // acknowledges it.
  let printId = 0;
  hooks.print = (content) =>
    send(process.stdout, {
      jsonrpc: "2.0",
      id: `print-${++printId}`,
      method: "print",
      params: { content },
    });

  // The native engine reads a missing _prisma_migrations table as "nothing
  // applied yet"; the Wasm engine fails with P1014 instead (`migrate dev` on a
  // new database). Only its applyMigrations creates the table, so create it for
  // the other commands and retry.
  const withMigrationsTable = async (call) => {
    try {
      return await call(await engine());
    } catch (error) {
      if (!isMissingMigrationsTable(error)) throw error;
      const url = `file:${dbFile}`;
      const e = await engine();
      await e.dbExecute({
        datasourceType: { tag: "url", url },
        script: MIGRATIONS_TABLE_DDL,
      });
      return call(e);
    }
  };

  const methods = {
    // A failing migration script comes back as a bare driver error (or e.g.
    // P2002); rebuild the native P3018, which names the migration.
    applyMigrations: async (params) => {
      hooks.applying = hooks.scriptError = null;
      try {
        return await (await engine()).applyMigrations(params);
      } catch (error) {
        if (!hooks.applying || !hooks.scriptError) throw error;
        throw p3018(hooks.applying, hooks.scriptError);
      }
    },
    // Read-only (`migrate status`): answer like the native engine instead of
    // creating the table, so the CLI can still report a database that Migrate
    // does not manage.
    diagnoseMigrationHistory: async (params) => {
      try {
        return await (await engine()).diagnoseMigrationHistory(params);
      } catch (error) {
        if (!isMissingMigrationsTable(error)) throw error;
        const names = params.migrationsList.migrationDirectories.map((dir) => dir.path);
        const history = names.length ? { diagnostic: "databaseIsBehind", unappliedMigrationNames: names } : null;
        return {
          editedMigrationNames: [],
          failedMigrationNames: [],
          hasMigrationsTable: false,
          history,
        };
      }
    },
    diff: async (params) => {
      // Diffing schema files or migrations needs no database: do not create the
      // file.
      const usesDb = [params.from, params.to].some((target) => target.tag === "schemaDatasource");
      const scratch = !usesDb && !current && (await createEngine(args, ":memory:"));
      try {
        const { exitCode, stdout } = await (scratch ? scratch.engine : await engine()).diff(params);
        if (stdout) hooks.print(stdout);
        return { exitCode };
      } finally {
        if (scratch) scratch.close();
      }
    },
    debugPanic: async () => (await engine()).debugPanic(),
    getDatabaseVersion: async (params) => (await engine()).version(params),
    // The Wasm engine's reset only deletes rows. The native SQLite connector
    // deletes the file: close our connections, delete it (with -wal/-shm),
    // start a new engine later.
    reset: async () => {
      dropEngine();
      deleteDatabase(dbFile);
      createDatabase(dbFile);
      return {};
    },
    // Not in the Wasm engine (it has no file system access); trivial for
    // SQLite.
    createDatabase: async () => ({ databaseName: createDatabase(dbFile) }),
    dropDatabase: async () => {
      dropEngine();
      deleteDatabase(dbFile);
      return {};
    },
  };
  // Plain pass-through to the Wasm engine.
  for (const name of PASS_THROUGH) methods[name] = async (params) => (await engine())[name](params);
  for (const name of NEED_MIGRATIONS_TABLE) methods[name] = (params) => withMigrationsTable((e) => e[name](params));
  // The Wasm engine only has a shadow database for evaluateDataLoss and
  // createMigration once devDiagnostic has run on the same engine (otherwise:
  // "SQLite shadow DB must be provided through an external factory"), and the
  // CLI calls applyMigrations in between on a new database. Prime a fresh
  // engine with a devDiagnostic over the same migrations first.
  for (const name of ["evaluateDataLoss", "createMigration"])
    methods[name] = (params) =>
      withMigrationsTable(async (e) => {
        await e.devDiagnostic({
          migrationsList: params.migrationsList,
          filters: params.filters,
        });
        return e[name](params);
      });

  // Engine error -> what the CLI expects: `data.message`, plus `error_code` and
  // `meta` for user-facing Pxxxx errors, which the CLI then prints as Prisma's
  // usual message.
  function toRpcError(error) {
    // JS exceptions raised in the adapter reach us as "External error id#N".
    const message = String(error?.message ?? error).replace(
      /External error id#(\d+)/,
      (text, id) => hooks.errorRegistry?.consumeError(Number(id))?.error?.message ?? text,
    );
    const data = { is_panic: false, message, meta: error?.meta ?? null };
    if (/^P\d{4}$/.test(error?.code)) data.error_code = error.code;
    return { ...RPC_ERROR, data };
  }

  let inFlight = null; // id of the request being handled, for crash reports
  // A Rust panic aborts the Wasm instance (RuntimeError: unreachable),
  // sometimes from a detached task. Report it like the native engine: is_panic,
  // then exit code 101.
  const crash = (error) => {
    const panic = globalThis.PRISMA_WASM_PANIC_REGISTRY?.message || String(error?.message ?? error);
    const data = {
      is_panic: true,
      message: panic,
      backtrace: String(error?.stack ?? ""),
    };
    log("ERROR", data);
    // For panics the CLI displays the top-level `message`, so put the panic
    // there.
    const error_ = {
      ...RPC_ERROR,
      message: `Schema engine panicked: ${panic}`,
      data,
    };
    if (inFlight !== null) send(process.stdout, { jsonrpc: "2.0", id: inFlight, error: error_ });
    process.exit(101);
  };
  process.on("uncaughtException", crash);
  process.on("unhandledRejection", crash);

  let queue = Promise.resolve();
  const input = readline.createInterface({
    input: process.stdin,
    crlfDelay: Infinity,
  });
  const reply = (id, body) => id !== undefined && send(process.stdout, { jsonrpc: "2.0", id, ...body });
  input.on("line", (line) => {
    let request;
    try {
      request = JSON.parse(line);
    } catch {
      if (line.trim()) reply(null, { error: { code: -32700, message: "Parse error" } });
      return;
    }
    // No method: the CLI acknowledging one of our `print` requests.
    if (!request.method) return;
    queue = queue.then(async () => {
      inFlight = request.id ?? null;
      const handler = methods[request.method];
      if (!handler) {
        const message = `Method not found: ${request.method}`;
        reply(request.id, { error: { code: -32601, message } });
      } else {
        try {
          const result = await handler(request.params ?? {});
          reply(request.id, { result: result ?? {} });
        } catch (error) {
          if (error instanceof WebAssembly.RuntimeError) crash(error);
          reply(request.id, { error: toRpcError(error) });
        }
      }
      inFlight = null;
      // One engine per request: the Wasm engine hands its shadow-database
      // connection out once, so a second shadow replay on the same engine
      // (devDiagnostic, then evaluateDataLoss in `migrate dev` on a new
      // database) fails with "SQLite shadow DB must be provided through an
      // external factory".
      dropEngine();
    });
  });
  // The CLI ends stdin when done and, on POSIX, sends SIGTERM right away. Close
  // SQLite handles (which also removes the journal the engine's exclusive lock
  // keeps) and exit.
  const shutdown = () => {
    current?.close();
    process.exit(0);
  };
  input.on("close", () => queue.then(shutdown));
  process.on("SIGTERM", shutdown);
}

const wasmPackage = JSON.parse(fs.readFileSync(new URL("package.json", WASM_GLUE_URL), "utf8"));
if (enginesVersion !== PINNED_ENGINE_HASH || !wasmPackage.version.endsWith(`.${PINNED_ENGINE_HASH}`))
  fail(
    `prisma/engine/schema-engine.mjs is pinned to Prisma engines ${PINNED_ENGINE_HASH}, found ${enginesVersion} (CLI) and ${wasmPackage.version} (@prisma/schema-engine-wasm). Re-check the shim against the new Prisma CLI, then update the pin.`,
  );

const args = parseArgs(process.argv.slice(2));
if (args.version) {
  process.stdout.write(`schema-engine-cli ${PINNED_ENGINE_HASH}\n`);
} else {
  // No URL (e.g. `migrate diff` between two schema files): no real database is
  // needed.
  const dbFile = args.datasource.url ? sqlitePath(args.datasource.url) : ":memory:";
  if (args.cli) runCliCommand(args.cli, dbFile);
  else serve(args, dbFile);
}
