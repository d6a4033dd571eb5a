import { execFileSync } from "node:child_process";
import { ROOT } from "./paths";

/**
 * Runs a notes purge (`purgeTrashedNotes` or `purgeAbandonedNotes`) with `now` in a child
 * process on the given database, as the server's hourly job would, with a removeDocument that
 * records the names and deletes their rows as the store would; returns what it did.
 */
export function purgeInChildProcess(
  databaseFile: string,
  now: string,
  purge: { module: "note-trash" | "note-abandoned"; fn: "purgeTrashedNotes" | "purgeAbandonedNotes" },
) {
  const script = `
    import { prisma } from "~/models/core/db.server";
    import { ${purge.fn} as purge } from "~/models/notes/${purge.module}.server";
    const removedDocuments = [];
    const result = await purge({
      now: new Date(${JSON.stringify(now)}),
      removeDocument: async (docName) => {
        removedDocuments.push(docName);
        await prisma.documentUpdate.deleteMany({ where: { docName } });
        await prisma.documentSnapshot.deleteMany({ where: { docName } });
      },
    });
    await prisma.$disconnect();
    process.stdout.write(JSON.stringify({ removed: result.removed, failures: result.failures.length, removedDocuments }));
  `;
  const output = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: `file:${databaseFile}` },
    encoding: "utf8",
  });
  return JSON.parse(output) as { removed: number; failures: number; removedDocuments: string[] };
}
