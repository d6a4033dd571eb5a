import { dayEnd, dayStart } from "~/utils/day";
import type { SurveyFilter } from "~/utils/survey-filter";

/**
 * The one place a SurveyFilter becomes a condition on responses: an SQL fragment over
 * `SurveyResponse r` with bound parameters, used by the results aggregation, the free-text
 * lists and both exports, so that they always cover the same responses.
 *
 * SQL rather than a Prisma `where`: results are a json_each GROUP BY run inside SQLite (no
 * response is loaded into JavaScript), which Prisma's query API cannot express, while an
 * export reads the same fragment just as well in keyset batches (`r.id > ?` … LIMIT), so it
 * keeps streaming. Every value is a bound parameter; only this fixed text is interpolated.
 */
export type SqlCondition = { sql: string; params: unknown[] };

/** Prisma's adapter stores DateTime as ISO 8601 text with "+00:00"; comparisons must use the same form. */
const stamp = (date: Date) => date.toISOString().replace("Z", "+00:00");

export function surveyFilterSql(surveyId: string, filter: SurveyFilter): SqlCondition {
  const clauses = ["r.surveyId = ?"];
  const params: unknown[] = [surveyId];
  if (filter.from) {
    clauses.push("r.submittedAt >= ?");
    params.push(stamp(dayStart(filter.from)));
  }
  if (filter.to) {
    // The whole "to" day counts.
    clauses.push("r.submittedAt < ?");
    params.push(stamp(dayEnd(filter.to)));
  }
  if (filter.commune) {
    clauses.push("r.communeCode = ?");
    params.push(filter.commune);
  }
  return { sql: clauses.join(" AND "), params };
}
