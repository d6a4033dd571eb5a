import { stringify } from "csv-stringify/sync";
import { csvOptions, safeText } from "~/utils/csv";
import type { Translator } from "~/i18n";
import type { SurveyFilter } from "~/utils/survey-filter";
import { prisma } from "../core/db.server";
import type { Answers } from "./survey-answers";
import type { SurveyDefinition } from "./survey-definition";
import type { LinedUpQuestion } from "./survey-questions";
import { surveyFilterSql } from "./survey-filter.server";
import { exportColumns, fixedCells, fixedHeaders, parisTimeText, type Cell } from "./survey-export-columns.server";

/**
 * Exports stream: responses are read in keyset batches (by id) and written as they come, so a
 * survey with 100,000 responses never sits in memory — one batch at a time does.
 */
export const EXPORT_BATCH = 1000;

export type Row = { id: string; submittedAt: Date; versionId: string; channel: string; answers: string };

/**
 * Every matching response, one batch after the other, keyset by id. The condition is the
 * results page's (`surveyFilterSql`), so an export has exactly the rows its page counts.
 */
export async function* batches(surveyId: string, filter: SurveyFilter): AsyncGenerator<Row[]> {
  const where = surveyFilterSql(surveyId, filter);
  let after: string | null = null;
  for (;;) {
    const rows: Row[] = (
      await prisma.$queryRawUnsafe<(Omit<Row, "submittedAt"> & { submittedAt: Date | string })[]>(
        `SELECT r.id AS id, r.submittedAt AS submittedAt, r.versionId AS versionId, r.channel AS channel,
           r.answers AS answers
         FROM SurveyResponse r WHERE ${where.sql}${after === null ? "" : " AND r.id > ?"} ORDER BY r.id LIMIT ?`,
        ...where.params,
        ...(after === null ? [] : [after]),
        EXPORT_BATCH,
      )
    ).map((row) => ({ ...row, submittedAt: new Date(row.submittedAt) }));
    if (rows.length === 0) return;
    yield rows;
    after = rows.at(-1)!.id;
    if (rows.length < EXPORT_BATCH) return;
  }
}

/**
 * A ReadableStream fed by an async generator of text chunks, one per pull. `drained` holds
 * the next batch back until the client's socket has taken the previous one.
 */
function streamOf(chunks: AsyncGenerator<string>, drained: () => Promise<void>): ReadableStream<Uint8Array> {
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
 * A cell as text a French (or English) spreadsheet opens with the right type. INSEE codes
 * become `="01053"`: a bare 01053 is read as the number 1053, and a leading apostrophe stays
 * visible in a CSV. Excel (a double-click, no import dialog) and LibreOffice (formulas
 * evaluated on import, its default) both show the text 01053; the code is one the server
 * checked against the official list (digits, 2A/2B), never text a person typed. The XLSX
 * export needs no such trick: its cells carry their type.
 */
function csvCell(cell: Cell, decimal: "," | "."): string {
  if (cell === null) return "";
  if (typeof cell === "string") return safeText(cell);
  if (typeof cell === "number") return decimal === "," ? String(cell).replace(".", ",") : String(cell);
  if ("code" in cell) return /^[0-9AB]{5}$/.test(cell.code) ? `="${cell.code}"` : safeText(cell.code);
  if ("day" in cell) return cell.day;
  return parisTimeText(cell.local);
}

/** CSV: UTF-8 with BOM (Excel reads the accents), one row per response, `;` unless told `,`. */
export function csvExport({
  surveyId,
  questions,
  versionNumbers,
  filter,
  separator,
  t,
  drained,
}: {
  surveyId: string;
  questions: LinedUpQuestion[];
  versionNumbers: Map<string, number>;
  filter: SurveyFilter;
  separator: ";" | ",";
  t: Translator;
  drained: () => Promise<void>;
}): ReadableStream<Uint8Array> {
  // With `;` (French Excel) numbers take a decimal comma; with `,` a point.
  const decimal = separator === ";" ? "," : ".";
  const columns = exportColumns(questions, t);
  const options = csvOptions(separator);
  async function* chunks() {
    const headers = [...fixedHeaders(t), ...columns.map((c) => c.header)].map(safeText);
    yield "\uFEFF" + stringify([headers], options);
    for await (const rows of batches(surveyId, filter)) {
      const records = rows.map((row) => {
        const answers = JSON.parse(row.answers) as Answers;
        return [...fixedCells(row, versionNumbers, t), ...columns.map((c) => c.cell(answers))].map((cell) =>
          csvCell(cell, decimal),
        );
      });
      yield stringify(records, options);
    }
  }
  return streamOf(chunks(), drained);
}

/** JSON: the survey, every version's definition, the lined-up questions, then the responses. */
export function jsonExport({
  survey,
  versions,
  questions,
  filter,
  drained,
}: {
  survey: { id: string; title: string; status: string };
  versions: { id: string; number: number; createdAt: Date; definition: SurveyDefinition }[];
  questions: LinedUpQuestion[];
  filter: SurveyFilter;
  drained: () => Promise<void>;
}): ReadableStream<Uint8Array> {
  const numbers = new Map(versions.map((v) => [v.id, v.number]));
  async function* chunks() {
    const head = {
      survey: { ...survey, exportedAt: new Date().toISOString(), filter },
      versions: versions.map((v) => ({
        number: v.number,
        createdAt: v.createdAt.toISOString(),
        definition: v.definition,
      })),
      questions,
    };
    yield JSON.stringify(head).slice(0, -1) + ',"responses":[';
    let first = true;
    for await (const rows of batches(survey.id, filter)) {
      const items = rows.map((row) =>
        JSON.stringify({
          id: row.id,
          submittedAt: row.submittedAt.toISOString(),
          version: numbers.get(row.versionId) ?? null,
          channel: row.channel,
          answers: JSON.parse(row.answers) as Answers,
        }),
      );
      yield (first ? "" : ",") + items.join(",");
      first = false;
    }
    yield "]}";
  }
  return streamOf(chunks(), drained);
}
