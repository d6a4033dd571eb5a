import type { SurveyFilter } from "~/utils/survey-filter";
import { prisma } from "../core/db.server";
import { OTHER_CHOICE } from "./survey-answers";
import { surveyFilterSql } from "./survey-filter.server";
import type { LinedUpQuestion } from "./survey-questions";
import { findTerritory } from "../projects/territory.server";

export type Count = { value: string; label: string; count: number; percent: number };
export type QuestionResult =
  | { kind: "choice"; question: LinedUpQuestion; answered: number; counts: Count[] }
  | {
      kind: "scale";
      question: LinedUpQuestion;
      answered: number;
      counts: Count[];
      mean: number | null;
      median: number | null;
    }
  | {
      kind: "number";
      question: LinedUpQuestion;
      answered: number;
      mean: number | null;
      median: number | null;
      min: number | null;
      max: number | null;
    }
  | { kind: "commune"; question: LinedUpQuestion; answered: number; counts: Count[] }
  | { kind: "date"; question: LinedUpQuestion; answered: number; earliest: string | null; latest: string | null }
  | { kind: "text"; question: LinedUpQuestion; answered: number };

type Group = { k: string; v: string | null; n: number | bigint; lo: string | null; hi: string | null };

/**
 * Results of a survey, aggregated by SQLite: one pass of json_each over the responses that
 * match the filters, grouped by (question, value), so the page costs a few GROUP BYs whatever
 * the number of responses, and no response is loaded into JavaScript.
 * Free texts are counted here and listed page by page with `listTextAnswers`. The filters are
 * the exports' (`surveyFilterSql`): a results page and its exports cover the same responses.
 */
export async function surveyResults({
  surveyId,
  questions,
  filter,
}: {
  surveyId: string;
  questions: LinedUpQuestion[];
  filter: SurveyFilter;
}) {
  const where = surveyFilterSql(surveyId, filter);
  // Values are grouped only for questions that are counted by value; texts only by question,
  // dates by question with their first and last day (a group per distinct day would be thousands).
  const valued = questions.filter((q) => !["short_text", "long_text", "date"].includes(q.type)).map((q) => q.id);
  const dated = questions.filter((q) => q.type === "date").map((q) => q.id);
  const list = (ids: string[]) => (ids.length ? ids.map(() => "?").join(", ") : "NULL");
  const [groups, totals, perDay, perCommune] = await Promise.all([
    prisma.$queryRawUnsafe<Group[]>(
      // Cast: Prisma types a raw column from its first row, and values mix numbers and texts.
      `SELECT q.key AS k, CASE WHEN q.key IN (${list(valued)}) THEN CAST(q.value AS TEXT) END AS v, COUNT(*) AS n,
         MIN(CASE WHEN q.key IN (${list(dated)}) THEN q.value END) AS lo, MAX(CASE WHEN q.key IN (${list(dated)}) THEN q.value END) AS hi
       FROM SurveyResponse r, json_each(r.answers) q WHERE ${where.sql} GROUP BY k, v`,
      ...valued,
      ...dated,
      ...dated,
      ...where.params,
    ),
    prisma.$queryRawUnsafe<{ n: number | bigint; first: string | null; last: string | null }[]>(
      `SELECT COUNT(*) AS n, MIN(r.submittedAt) AS first, MAX(r.submittedAt) AS last FROM SurveyResponse r WHERE ${where.sql}`,
      ...where.params,
    ),
    prisma.$queryRawUnsafe<{ d: string; n: number | bigint }[]>(
      `SELECT substr(r.submittedAt, 1, 10) AS d, COUNT(*) AS n FROM SurveyResponse r WHERE ${where.sql} GROUP BY d ORDER BY d`,
      ...where.params,
    ),
    prisma.$queryRawUnsafe<{ c: string | null; n: number | bigint }[]>(
      `SELECT r.communeCode AS c, COUNT(*) AS n FROM SurveyResponse r WHERE ${where.sql} GROUP BY c ORDER BY n DESC, c`,
      ...where.params,
    ),
  ]);
  const byQuestion = new Map<
    string,
    { value: string | number | null; n: number; lo: string | null; hi: string | null }[]
  >();
  for (const g of groups) {
    const list = byQuestion.get(g.k) ?? [];
    list.push({ value: g.v, n: Number(g.n), lo: g.lo, hi: g.hi });
    byQuestion.set(g.k, list);
  }
  return {
    total: Number(totals[0]?.n ?? 0),
    first: totals[0]?.first ?? null,
    last: totals[0]?.last ?? null,
    perDay: perDay.map((d) => ({ day: d.d, count: Number(d.n) })),
    perCommune: perCommune.map((c) => ({
      code: c.c,
      name: c.c ? (findTerritory("commune", c.c)?.name ?? c.c) : null,
      count: Number(c.n),
    })),
    questions: questions.map((question) => summarise(question, byQuestion.get(question.id) ?? [])),
  };
}

/**
 * Every commune the survey's answers came from, whatever the filters: the commune filter offers
 * these, so that choosing one commune does not hide the others from the list. Read from the
 * (surveyId, communeCode) index, without touching the answers.
 */
export async function surveyCommunes(surveyId: string): Promise<{ code: string; name: string }[]> {
  const rows = await prisma.$queryRawUnsafe<{ c: string }[]>(
    "SELECT DISTINCT communeCode AS c FROM SurveyResponse WHERE surveyId = ? AND communeCode IS NOT NULL",
    surveyId,
  );
  return rows
    .map((row) => ({ code: row.c, name: findTerritory("commune", row.c)?.name ?? row.c }))
    .sort((a, b) => a.name.localeCompare(b.name, "fr") || a.code.localeCompare(b.code));
}

const percent = (count: number, of: number) => (of ? Math.round((count / of) * 1000) / 10 : 0);

function summarise(
  question: LinedUpQuestion,
  groups: { value: string | number | null; n: number; lo: string | null; hi: string | null }[],
): QuestionResult {
  const answered = groups.reduce((sum, g) => sum + g.n, 0);
  switch (question.type) {
    case "single_choice":
    case "multiple_choice": {
      const tally = new Map<string, number>();
      for (const g of groups) {
        // A multiple choice groups by its whole set of ticks ('["a","b"]'): few distinct sets, spread here.
        const ids = question.type === "multiple_choice" ? (JSON.parse(String(g.value)) as string[]) : [String(g.value)];
        for (const id of ids) tally.set(id, (tally.get(id) ?? 0) + g.n);
      }
      const options = [...question.options.map((o) => ({ value: o.id, label: o.label }))];
      if (question.allowOther || tally.has(OTHER_CHOICE)) options.push({ value: OTHER_CHOICE, label: "" });
      const counts = options.map((o) => ({
        ...o,
        count: tally.get(o.value) ?? 0,
        percent: percent(tally.get(o.value) ?? 0, answered),
      }));
      return { kind: "choice", question, answered, counts };
    }
    case "scale": {
      const distribution = numeric(groups);
      const counts = [];
      for (let v = question.min; v <= question.max; v++) {
        const count = distribution.find((d) => d.value === v)?.n ?? 0;
        counts.push({ value: String(v), label: String(v), count, percent: percent(count, answered) });
      }
      return { kind: "scale", question, answered, counts, ...centre(distribution, answered) };
    }
    case "number": {
      const distribution = numeric(groups);
      return {
        kind: "number",
        question,
        answered,
        ...centre(distribution, answered),
        min: distribution[0]?.value ?? null,
        max: distribution.at(-1)?.value ?? null,
      };
    }
    case "commune": {
      const counts = groups
        .map((g) => ({
          value: String(g.value),
          label: findTerritory("commune", String(g.value))?.name ?? String(g.value),
          count: g.n,
          percent: percent(g.n, answered),
        }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "fr"));
      return { kind: "commune", question, answered, counts };
    }
    case "date": {
      return { kind: "date", question, answered, earliest: groups[0]?.lo ?? null, latest: groups[0]?.hi ?? null };
    }
    default:
      return { kind: "text", question, answered };
  }
}

function numeric(groups: { value: string | number | null; n: number }[]) {
  return groups
    .map((g) => ({ value: Number(g.value), n: g.n }))
    .filter((g) => Number.isFinite(g.value))
    .sort((a, b) => a.value - b.value);
}

/** Mean and median from a sorted distribution of (value, count). */
export function centre(distribution: { value: number; n: number }[], total: number) {
  if (total === 0) return { mean: null, median: null };
  const mean = distribution.reduce((sum, d) => sum + d.value * d.n, 0) / total;
  const at = (rank: number) => {
    let seen = 0;
    for (const d of distribution) {
      seen += d.n;
      if (seen > rank) return d.value;
    }
    return distribution.at(-1)!.value;
  };
  const median = total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
  return { mean, median };
}

export const TEXT_PAGE_SIZE = 20;

/** One page of the free-text answers to a question (or its "autre" texts), newest first, optionally searched. */
export async function listTextAnswers({
  surveyId,
  key,
  filter,
  search,
  page,
}: {
  surveyId: string;
  key: string;
  filter: SurveyFilter;
  search: string;
  page: number;
}) {
  const where = surveyFilterSql(surveyId, filter);
  const path = `$."${key}"`;
  const like = search ? ` AND t LIKE ? ESCAPE '\\'` : "";
  const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // Flat, so that SQLite walks the (surveyId, submittedAt) index backwards and stops at the page.
  const text = "json_extract(r.answers, ?)";
  const base = `FROM SurveyResponse r WHERE ${where.sql} AND ${text} IS NOT NULL${like.replace("t LIKE", `${text} LIKE`)}`;
  const params = [...where.params, path, ...(search ? [path, pattern] : [])];
  const [rows, total] = await Promise.all([
    prisma.$queryRawUnsafe<{ id: string; at: string; t: string }[]>(
      `SELECT r.id AS id, r.submittedAt AS at, ${text} AS t ${base} ORDER BY r.submittedAt DESC LIMIT ? OFFSET ?`,
      path,
      ...params,
      TEXT_PAGE_SIZE,
      (page - 1) * TEXT_PAGE_SIZE,
    ),
    prisma.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS n ${base}`, ...params),
  ]);
  return {
    answers: rows.map((r) => ({ id: r.id, submittedAt: r.at, text: String(r.t) })),
    total: Number(total[0]?.n ?? 0),
    pageCount: Math.max(1, Math.ceil(Number(total[0]?.n ?? 0) / TEXT_PAGE_SIZE)),
  };
}
