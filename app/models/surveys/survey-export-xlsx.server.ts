import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Translator } from "~/i18n";
import type { SurveyFilter } from "~/utils/survey-filter";
import type { Answers } from "./survey-answers";
import { exportColumns, fixedCells, fixedHeaders, type Cell } from "./survey-export-columns.server";
import { batches } from "./survey-export.server";
import type { LinedUpQuestion } from "./survey-questions";

/**
 * XLSX with typed cells (issue 13, point 4): dates and times as dates, numbers as numbers,
 * INSEE codes as text (01053 keeps its zero), the header row frozen. Written by exceljs's
 * streaming WorkbookWriter (MIT, pure JavaScript): each row is committed to the zip as it is
 * made and inline strings are used (a shared-strings table would keep every distinct answer
 * in memory), so, like the CSV, only one batch of responses is held at a time.
 */

const DATE_TIME = "yyyy-mm-dd hh:mm:ss";
const DATE = "yyyy-mm-dd";
/** How much zipped output may wait in our buffer before the next batch is made. */
const OUTPUT_WAITING_MAX = 256 * 1024;
/** How much sheet XML may wait for the deflate stream before the next batch is made. */
const SHEET_WAITING_MAX = 1024 * 1024;

/** A cell's value for exceljs, and its number format when it is a date. */
function xlsxValue(cell: Cell): { value: ExcelJS.CellValue; format?: string } {
  if (cell === null || typeof cell === "string" || typeof cell === "number") return { value: cell };
  if ("code" in cell) return { value: cell.code };
  if ("day" in cell) {
    const [year, month, day] = cell.day.split("-").map(Number) as [number, number, number];
    return { value: new Date(Date.UTC(year, month - 1, day)), format: DATE };
  }
  // A spreadsheet date has no zone: it is the Paris wall-clock time, as in the CSV.
  const { year, month, day, hour, minute, second } = cell.local;
  return { value: new Date(Date.UTC(year, month - 1, day, hour, minute, second)), format: DATE_TIME };
}

export function xlsxExport({
  surveyId,
  questions,
  versionNumbers,
  filter,
  t,
  drained,
}: {
  surveyId: string;
  questions: LinedUpQuestion[];
  versionNumbers: Map<string, number>;
  filter: SurveyFilter;
  t: Translator;
  drained: () => Promise<void>;
}): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const columns = exportColumns(questions, t);
  const headers = [...fixedHeaders(t), ...columns.map((c) => c.header)];
  const sheet = workbook.addWorksheet(t("surveyAnswers.export.sheet"), {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1 }],
  });
  sheet.columns = headers.map((header, index) => ({ key: String(index), width: index === 1 ? 20 : 18 }));

  async function write() {
    const head = sheet.addRow(headers);
    head.font = { bold: true };
    head.commit();
    for await (const rows of batches(surveyId, filter)) {
      // The client went away: stop reading the database (leaving the loop closes the batches).
      if (output.destroyed) return;
      await drained();
      for (const row of rows) {
        const answers = JSON.parse(row.answers) as Answers;
        const cells = [...fixedCells(row, versionNumbers, t), ...columns.map((c) => c.cell(answers))].map(xlsxValue);
        const line = sheet.addRow(cells.map((c) => c.value));
        cells.forEach((c, index) => {
          if (c.format) line.getCell(index + 1).numFmt = c.format;
        });
        line.commit();
      }
      await caughtUp(output, sheet);
    }
    sheet.commit();
    await workbook.commit();
  }
  write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}

/**
 * exceljs writes without backpressure (its sheet buffer always accepts, and hands its 64 KB
 * blocks to the zip's deflate stream without waiting), so the next batch waits until the
 * deflate stream has taken in the sheet XML made so far and the zipped output has been taken
 * by the response; `drained` then holds it until the client's socket has taken it too.
 * Without this, a busy CPU lets the sheet XML pile up in front of zlib (the bench saw it).
 */
async function caughtUp(output: PassThrough, sheet: ExcelJS.Worksheet): Promise<void> {
  while (
    !output.destroyed &&
    (sheetBacklog(sheet) > SHEET_WAITING_MAX || output.readableLength + output.writableLength > OUTPUT_WAITING_MAX)
  ) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

type StreamState = { length?: number };
type SheetStream = {
  buffers?: unknown[];
  pipes?: { _writableState?: StreamState; _readableState?: StreamState }[];
};

/**
 * Bytes of sheet XML not yet compressed: the blocks exceljs's sheet stream holds (64 KB each)
 * and what its pipe towards the zip entry's deflate stream has queued (a readable-stream 3
 * PassThrough, read through its state objects). Read from exceljs internals
 * (`WorksheetWriter._stream`, a `StreamBuf`), which is why the version is pinned exactly;
 * should they change, this reads 0 and only the output check above remains.
 */
function sheetBacklog(sheet: ExcelJS.Worksheet): number {
  const stream = (sheet as unknown as { _stream?: SheetStream })._stream;
  if (!stream) return 0;
  const blocks = Array.isArray(stream.buffers) ? stream.buffers.length * 64 * 1024 : 0;
  const piped = Array.isArray(stream.pipes)
    ? stream.pipes.reduce((sum, p) => sum + (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0), 0)
    : 0;
  return blocks + piped;
}
