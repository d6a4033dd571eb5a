import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Zip, ZipDeflate } from "fflate";
import * as Y from "yjs";
import { prisma } from "../core/db.server";
import { flattenRichText } from "../notes/note-flat-text";
import { indexCodebook, resolveCode, type CodebookCode } from "./codebook";
import { listCodebook } from "./codebook.server";
import { codebookDocument } from "./refi-qda-codebook";
import {
  projectHead,
  projectTail,
  sourceFileName,
  textSourceXml,
  type SourceNote,
  type SourcePassage,
} from "./refi-qda-project";

/** The project's codebook as a `.qdc` file, or null when it has no code. */
export async function codebookQdc(projectId: string): Promise<string | null> {
  return codebookDocument(await listCodebook(projectId));
}

/** How many notes are read (rows, documents, passages) at a time. */
export const QDPX_BATCH = 50;

type ReadDocument = (name: string) => Promise<Uint8Array | null>;

/**
 * The project's notes and their coded passages as a REFI-QDA project (`.qdpx`: a zip of
 * `project.qde` and `sources/<guid>.txt`), streamed with bounded memory:
 * - notes are read in keyset batches of QDPX_BATCH (rows, then each document through the
 *   collaboration server's store, then the batch's passages); each note's text is compressed
 *   into the archive as soon as it is read, and its `TextSource` XML is appended to a temporary
 *   file, so at most one batch sits in memory whatever the project's size;
 * - `project.qde` comes last (the users and whether there are sources are known then): its head,
 *   the temporary file copied in 64 KiB chunks, its tail; the file is removed at the end, or
 *   when the download is cancelled;
 * - `drained` holds the next chunk back until the client has taken the previous one.
 * Notes in the trash are left out. fflate (MIT, pure JavaScript) writes the zip.
 */
export function qdpxExport({
  projectId,
  read,
  drained,
  untitled,
}: {
  projectId: string;
  read: ReadDocument;
  drained: () => Promise<void>;
  untitled: string;
}): ReadableStream<Uint8Array> {
  const chunks = qdpxChunks({ projectId, read, untitled });
  return new ReadableStream({
    async pull(controller) {
      await drained();
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

async function* qdpxChunks({
  projectId,
  read,
  untitled,
}: {
  projectId: string;
  read: ReadDocument;
  untitled: string;
}): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    out.push(chunk);
  });
  const directory = await fs.promises.mkdtemp(path.join(os.tmpdir(), "maillage-qdpx-"));
  const sourcesFile = path.join(directory, "sources.xml");
  try {
    const project = await prisma.project.findUniqueOrThrow({
      where: { id: projectId },
      select: { title: true, question: true, createdAt: true },
    });
    const codebook = await listCodebook(projectId);
    const byId = indexCodebook(codebook);
    const users = await referencedUsers(projectId);
    const known = new Set(users.map((u) => u.id));
    const codeOf = (codeId: string) => exportedCode(byId, codeId);
    let sources = 0;
    for await (const batch of noteBatches(projectId)) {
      const passages = await passagesOf(batch.map((note) => note.id));
      let xml = "";
      for (const note of batch) {
        const text = await noteText(read, note.id);
        const file = new ZipDeflate(sourceFileName(note.id), { level: 6 });
        zip.add(file);
        file.push(new TextEncoder().encode(text), true);
        xml += textSourceXml({
          note: withKnownUsers(note, known),
          text,
          passages: (passages.get(note.id) ?? []).map((p) => ({
            ...p,
            codedById: p.codedById && known.has(p.codedById) ? p.codedById : null,
          })),
          codeOf,
          untitled,
        });
        sources++;
        yield* take(out);
      }
      await fs.promises.appendFile(sourcesFile, xml);
    }
    const qde = new ZipDeflate("project.qde", { level: 6 });
    zip.add(qde);
    const encoder = new TextEncoder();
    qde.push(
      encoder.encode(
        projectHead({ name: project.title, createdAt: project.createdAt, users, codebook, hasSources: sources > 0 }),
      ),
    );
    if (sources > 0) {
      for await (const chunk of fs.createReadStream(sourcesFile, { highWaterMark: 64 * 1024 })) {
        qde.push(chunk as Buffer);
        yield* take(out);
      }
    }
    qde.push(encoder.encode(projectTail({ hasSources: sources > 0, description: project.question })), true);
    zip.end();
    yield* take(out);
  } finally {
    await fs.promises.rm(directory, { recursive: true, force: true });
  }
}

function* take(out: Uint8Array[]): Generator<Uint8Array> {
  while (out.length > 0) yield out.shift()!;
}

/** The exported code a passage counts for: merges followed; null for an id that is no code of the project. */
function exportedCode(byId: Map<string, CodebookCode>, codeId: string): string | null {
  return resolveCode(byId, codeId)?.id ?? null;
}

function withKnownUsers(note: SourceNote, known: Set<string>): SourceNote {
  return {
    ...note,
    authorId: note.authorId && known.has(note.authorId) ? note.authorId : null,
    lastEditorId: note.lastEditorId && known.has(note.lastEditorId) ? note.lastEditorId : null,
  };
}

/** Everyone the export names: authors and last editors of the notes exported, and who coded their passages. */
async function referencedUsers(projectId: string): Promise<{ id: string; name: string }[]> {
  return prisma.$queryRaw<{ id: string; name: string }[]>`
    SELECT u.id AS id, u.name AS name FROM "User" u WHERE u.id IN (
      SELECT authorId FROM "Note" WHERE projectId = ${projectId} AND deletedAt IS NULL AND authorId IS NOT NULL
      UNION SELECT lastEditorId FROM "Note" WHERE projectId = ${projectId} AND deletedAt IS NULL AND lastEditorId IS NOT NULL
      UNION SELECT p.codedById FROM "CodedPassage" p JOIN "Note" n ON n.id = p.noteId
        WHERE p.projectId = ${projectId} AND n.deletedAt IS NULL AND p.codedById IS NOT NULL
    ) ORDER BY u.name, u.id`;
}

async function* noteBatches(projectId: string): AsyncGenerator<SourceNote[]> {
  let after: string | null = null;
  for (;;) {
    const rows: {
      id: string;
      title: string;
      authorId: string | null;
      lastEditorId: string | null;
      createdAt: Date;
      updatedAt: Date;
      lastEditedAt: Date | null;
    }[] = await prisma.note.findMany({
      where: { projectId, deletedAt: null, ...(after ? { id: { gt: after } } : {}) },
      select: {
        id: true,
        title: true,
        authorId: true,
        lastEditorId: true,
        createdAt: true,
        updatedAt: true,
        lastEditedAt: true,
      },
      orderBy: { id: "asc" },
      take: QDPX_BATCH,
    });
    if (rows.length === 0) return;
    yield rows.map(({ updatedAt, lastEditedAt, ...note }) => ({ ...note, modifiedAt: lastEditedAt ?? updatedAt }));
    after = rows.at(-1)!.id;
    if (rows.length < QDPX_BATCH) return;
  }
}

async function passagesOf(noteIds: string[]): Promise<Map<string, SourcePassage[]>> {
  const rows = await prisma.codedPassage.findMany({
    where: { noteId: { in: noteIds } },
    select: {
      noteId: true,
      passageId: true,
      codeId: true,
      text: true,
      start: true,
      end: true,
      codedById: true,
      updatedAt: true,
    },
    orderBy: [{ noteId: "asc" }, { start: "asc" }, { passageId: "asc" }],
  });
  const byNote = new Map<string, SourcePassage[]>();
  for (const { noteId, updatedAt, ...passage } of rows) {
    const list = byNote.get(noteId) ?? [];
    list.push({ ...passage, codedAt: updatedAt });
    byNote.set(noteId, list);
  }
  return byNote;
}

/** The note's text as coded passages count it (`flattenRichText`), from its stored document; "" when never written. */
async function noteText(read: ReadDocument, noteId: string): Promise<string> {
  const update = await read(`note:${noteId}`);
  if (!update) return "";
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    return flattenRichText(doc.getXmlFragment("default")).text;
  } finally {
    doc.destroy();
  }
}

/** The project's title, for the names of the files exported (the guard has checked access). */
export async function getProjectTitle(projectId: string): Promise<string> {
  const project = await prisma.project.findUnique({ where: { id: projectId }, select: { title: true } });
  return project?.title ?? "";
}
