import { stringify } from "csv-stringify/sync";
import { csvOptions, safeText } from "~/utils/csv";
import type { Locale, Translator } from "~/i18n";
import { formatDate } from "~/utils/format";
import { prisma } from "../core/db.server";
import { parisTime, parisTimeText } from "../surveys/survey-export-columns.server";
import { codeIdsOf, readPassages } from "./code-passages.server";
import { resolveCode, type CodebookCode } from "./codebook";
import { listCodebook } from "./codebook.server";

/**
 * Exports of coded passages, one code at a time (a code's passages are read, written, then let
 * go), with the survey export's CSV conventions (app/models/surveys/survey-export.server.ts):
 * UTF-8 with BOM, `;` unless told `,`, CRLF, Paris wall-clock times with their offset beside,
 * and no cell that a spreadsheet would run as a formula.
 */

type ExportPassage = {
  passageId: string;
  noteId: string;
  text: string;
  updatedAt: Date;
  noteTitle: string;
  observedOn: Date | null;
  commune: string | null;
  cycle: number | null;
  phase: string | null;
  author: string | null;
  codedBy: string | null;
  start: number;
};

/** A code's passages in the notes outside the trash: newest observations first, then reading order. */
function passagesOf(projectId: string, codeIds: string[]): Promise<ExportPassage[]> {
  return readPassages({ projectId, codeId: { in: codeIds }, note: { projectId, deletedAt: null } });
}

/** The codes an export covers: one code, or every code that is not merged (retired ones too). */
export function exportedCodes(codebook: CodebookCode[], codeId: string | null): CodebookCode[] {
  return codebook.filter((code) => !code.mergedIntoId && (codeId === null || code.id === codeId));
}

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

function csvHeaders(t: Translator): string[] {
  return [
    t("codes.export.code"),
    t("codes.export.parent"),
    t("codes.export.passage"),
    t("codes.export.note"),
    t("codes.export.observedOn"),
    t("codes.export.commune"),
    t("codes.export.cycle"),
    t("codes.export.phase"),
    t("codes.export.author"),
    t("codes.export.codedBy"),
    t("codes.export.updatedAt"),
    t("codes.export.utcOffset"),
    t("codes.export.noteId"),
    t("codes.export.passageId"),
  ];
}

function phaseLabel(t: Translator, phase: string | null): string {
  // Only phases of the vocabulary are ever written; a stray value is shown as is.
  return phase ? t(`phase.${phase}` as Parameters<Translator>[0]) : "";
}

/** CSV: UTF-8 with BOM, one row per coded passage, `;` unless told `,`. */
export async function* csvChunks({
  projectId,
  codebook,
  codes,
  separator,
  t,
}: {
  projectId: string;
  codebook: CodebookCode[];
  codes: CodebookCode[];
  separator: ";" | ",";
  t: Translator;
}): AsyncGenerator<string> {
  const options = csvOptions(separator);
  const labels = new Map(codebook.map((code) => [code.id, code.label]));
  yield "\uFEFF" + stringify([csvHeaders(t).map(safeText)], options);
  for (const code of codes) {
    const parent = code.parentId ? (labels.get(code.parentId) ?? "") : "";
    const rows = (await passagesOf(projectId, codeIdsOf(codebook, code.id))).map((p) => {
      const local = parisTime(p.updatedAt);
      return [
        safeText(code.label),
        safeText(parent),
        safeText(p.text),
        safeText(p.noteTitle),
        isoDay(p.observedOn),
        safeText(p.commune ?? ""),
        p.cycle === null ? "" : String(p.cycle),
        phaseLabel(t, p.phase),
        safeText(p.author ?? ""),
        safeText(p.codedBy ?? ""),
        parisTimeText(local),
        `UTC${local.offset}`,
        p.noteId,
        p.passageId,
      ];
    });
    if (rows.length) yield stringify(rows, options);
  }
}

/** Markdown special characters, so that a passage or a title is read as text, never as markup. */
function mdText(value: string): string {
  return value.replace(/([\\`*_{}[\]()<>#+\-.!|~])/g, "\\$1");
}

/** Markdown: a section per code (its definition first), each passage a block quote with its note and date. */
export async function* markdownChunks({
  projectId,
  projectTitle,
  codebook,
  codes,
  t,
  locale,
}: {
  projectId: string;
  projectTitle: string;
  codebook: CodebookCode[];
  codes: CodebookCode[];
  t: Translator;
  locale: Locale;
}): AsyncGenerator<string> {
  yield `# ${mdText(t("codes.export.mdTitle", { project: projectTitle }))}\n`;
  for (const code of codes) {
    const passages = await passagesOf(projectId, codeIdsOf(codebook, code.id));
    let section = `\n## ${mdText(code.label)}\n\n`;
    if (code.definition) section += `${mdText(code.definition)}\n\n`;
    section += `${t(passages.length === 1 ? "codes.export.mdOne" : "codes.export.mdMany", { count: passages.length })}\n`;
    for (const p of passages) {
      const quote = p.text
        .split("\n")
        .map((line) => `> ${mdText(line)}`.trimEnd())
        .join("\n");
      const title = p.noteTitle || t("codes.untitledNote");
      const source = p.observedOn
        ? t("codes.export.mdSourceDated", { note: mdText(title), date: formatDate(locale, p.observedOn) })
        : t("codes.export.mdSource", { note: mdText(title) });
      section += `\n${quote}\n\n— ${source}\n`;
    }
    yield section;
  }
}

/** A ReadableStream of text chunks, one per pull, held back until the client took the previous one. */
export function streamOf(chunks: AsyncGenerator<string>, drained: () => Promise<void>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      await drained();
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/**
 * What an export covers: every live code, or the code `?code=` names (a merged code stands for
 * its target). Null: `?code=` names no code of this project.
 */
export async function exportScope(projectId: string, codeParam: string | null) {
  const project = await prisma.project.findUniqueOrThrow({ where: { id: projectId }, select: { title: true } });
  const codebook = await listCodebook(projectId);
  if (codeParam === null) return { project, codebook, codes: exportedCodes(codebook, null), code: null };
  const code = resolveCode(codebook, codeParam);
  return code ? { project, codebook, codes: exportedCodes(codebook, code.id), code } : null;
}
