import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import * as Y from "yjs";
import { ROOT, TMP } from "../support/paths";
import type { TestServer } from "../support/server";

/**
 * Times the note's projection (`writeNoteProjection`: row, coded passages, quotes) in a child
 * process on the server's database, as the collaboration server runs it: each run follows an
 * edit at the start of the text, so every passage's offsets change and all rows are rewritten.
 * Returns the median in milliseconds.
 */
export async function measureNoteProjection(server: TestServer, noteId: string, doc: Y.Doc): Promise<number> {
  const stateFile = path.join(TMP, `coding-state-${noteId}.bin`);
  fs.writeFileSync(stateFile, Y.encodeStateAsUpdate(doc));
  const script = `
    import fs from "node:fs";
    import * as Y from "yjs";
    import { prisma } from "~/models/core/db.server";
    import { writeNoteProjection } from "~/models/notes/note-document.server";
    const doc = new Y.Doc();
    Y.applyUpdate(doc, fs.readFileSync(${JSON.stringify(stateFile)}));
    const first = doc.getXmlFragment("default").get(0).get(0);
    await writeNoteProjection(${JSON.stringify(noteId)}, doc, null);
    const times = [];
    for (let i = 0; i < 15; i++) {
      first.insert(0, "x");
      const started = performance.now();
      await writeNoteProjection(${JSON.stringify(noteId)}, doc, null);
      times.push(performance.now() - started);
    }
    await prisma.$disconnect();
    times.sort((a, b) => a - b);
    process.stdout.write(JSON.stringify(times[Math.floor(times.length / 2)]));
  `;
  try {
    const output = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: `file:${server.databaseFile}` },
      encoding: "utf8",
    });
    return JSON.parse(output.trim().split("\n").pop()!) as number;
  } finally {
    fs.rmSync(stateFile, { force: true });
  }
}
