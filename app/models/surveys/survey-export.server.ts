import { stringify } from "csv-stringify/sync";
import type { Translator } from "~/i18n";
import { prisma } from "../core/db.server";
import { OTHER_CHOICE, otherKey, type Answers } from "./survey-answers";
import type { SurveyDefinition } from "./survey-definition";
import type { LinedUpQuestion } from "./survey-questions";
import type { ResultsFilter } from "./survey-results.server";
import { findTerritory } from "../projects/territory.server";

/**
 * Exports stream: responses are read in keyset batches (by id) and written as they come, so a
 * survey with 100,000 responses never sits in memory — one batch at a time does.
 */
export const EXPORT_BATCH = 1000;

type Row = { id: string; submittedAt: Date; versionId: string; channel: string; answers: string };

function whereOf(surveyId: string, filter: ResultsFilter, after: string | null) {
  const to = filter.to ? new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + 86_400_000) : undefined;
  return {
    surveyId,
    ...(after ? { id: { gt: after } } : {}),
    ...(filter.from || to
      ? {
          submittedAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00.000Z`) } : {}),
            ...(to ? { lt: to } : {}),
          },
        }
      : {}),
    ...(filter.commune ? { communeCode: filter.commune } : {}),
  };
}

/** Every matching response, one batch after the other. */
async function* batches(surveyId: string, filter: ResultsFilter): AsyncGenerator<Row[]> {
  let after: string | null = null;
  for (;;) {
    const rows: Row[] = await prisma.surveyResponse.findMany({
      where: whereOf(surveyId, filter, after),
      orderBy: { id: "asc" },
      take: EXPORT_BATCH,
      select: { id: true, submittedAt: true, versionId: true, channel: true, answers: true },
    });
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
 * A text a respondent typed could start a spreadsheet formula ("=HYPERLINK(…)"): prefixed with
 * an apostrophe, Excel and LibreOffice show it as text (OWASP "CSV injection"). Labels too:
 * any member who may design (a local actor) writes the question and option labels.
 */
function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

type Column = { header: string; cell: (answers: Answers) => string };

function csvColumns(questions: LinedUpQuestion[], t: Translator, decimal: "," | "."): Column[] {
  const number = (value: unknown) =>
    typeof value === "number" ? (decimal === "," ? String(value).replace(".", ",") : String(value)) : "";
  const textOf = (value: unknown) => (typeof value === "string" ? safeText(value) : "");
  return questions.flatMap((q): Column[] => {
    const label = q.label;
    switch (q.type) {
      case "short_text":
      case "long_text":
      case "date":
        return [{ header: label, cell: (a) => textOf(a[q.id]) }];
      case "scale":
      case "number":
        return [{ header: label, cell: (a) => number(a[q.id]) }];
      case "commune":
        return [
          { header: `${label} — ${t("surveyAnswers.export.insee")}`, cell: (a) => textOf(a[q.id]) },
          {
            header: `${label} — ${t("surveyAnswers.export.communeName")}`,
            cell: (a) => (typeof a[q.id] === "string" ? (findTerritory("commune", a[q.id] as string)?.name ?? "") : ""),
          },
        ];
      case "single_choice": {
        const labels = new Map(q.options.map((o) => [o.id, o.label]));
        labels.set(OTHER_CHOICE, t("surveyAnswers.form.other"));
        return [
          {
            header: label,
            cell: (a) => (typeof a[q.id] === "string" ? safeText(labels.get(a[q.id] as string) ?? "") : ""),
          },
          ...(q.allowOther ? [otherColumn(q, t)] : []),
        ];
      }
      case "multiple_choice": {
        const options = [
          ...q.options,
          ...(q.allowOther ? [{ id: OTHER_CHOICE, label: t("surveyAnswers.form.other") }] : []),
        ];
        return [
          ...options.map((o) => ({
            header: `${label} — ${o.label}`,
            // 1 ticked, 0 not ticked, empty when the question was not answered at all.
            cell: (a: Answers) => (Array.isArray(a[q.id]) ? ((a[q.id] as string[]).includes(o.id) ? "1" : "0") : ""),
          })),
          ...(q.allowOther ? [otherColumn(q, t)] : []),
        ];
      }
    }
  });
}

function otherColumn(q: LinedUpQuestion, t: Translator): Column {
  return {
    header: `${q.label} — ${t("surveyAnswers.export.otherDetail")}`,
    cell: (a) => {
      const value = a[otherKey(q.id)];
      return typeof value === "string" ? safeText(value) : "";
    },
  };
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
  filter: ResultsFilter;
  separator: ";" | ",";
  t: Translator;
  drained: () => Promise<void>;
}): ReadableStream<Uint8Array> {
  // With `;` (French Excel) numbers take a decimal comma; with `,` a point.
  const columns = csvColumns(questions, t, separator === ";" ? "," : ".");
  const fixed = [
    t("surveyAnswers.export.responseId"),
    t("surveyAnswers.export.submittedAt"),
    t("surveyAnswers.export.version"),
    t("surveyAnswers.export.channel"),
  ];
  const options = { delimiter: separator, record_delimiter: "\r\n" } as const;
  async function* chunks() {
    yield "\uFEFF" + stringify([[...fixed, ...columns.map((c) => safeText(c.header))]], options);
    for await (const rows of batches(surveyId, filter)) {
      const records = rows.map((row) => {
        const answers = JSON.parse(row.answers) as Answers;
        return [
          row.id,
          row.submittedAt.toISOString(),
          String(versionNumbers.get(row.versionId) ?? ""),
          row.channel,
          ...columns.map((c) => c.cell(answers)),
        ];
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
  filter: ResultsFilter;
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

/** "enquete-commerces-de-proximite-2026-03-14.csv": ASCII only, safe in any header. */
export function exportFilename(title: string, extension: "csv" | "json"): string {
  const slug =
    title
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "reponses";
  return `enquete-${slug}-${new Date().toISOString().slice(0, 10)}.${extension}`;
}
