import type { Translator } from "~/i18n";
import { OTHER_CHOICE, otherKey, type Answers } from "./survey-answers";
import type { LinedUpQuestion } from "./survey-questions";
import { findTerritory } from "../projects/territory.server";

/**
 * The columns of the tabular exports (CSV and XLSX), as typed cells: each format writes a
 * type its own way (issue 13, point 4). A plain string is text a person typed or chose; the
 * tagged values say what a spreadsheet must not guess.
 */
export type Cell =
  | null
  | string
  | number
  /** An official code with leading zeros ("01053", a commune of the Ain): text, never a number. */
  | { code: string }
  /** A calendar day "YYYY-MM-DD" (a date question): a date, without time or zone. */
  | { day: string }
  /** A moment, as Europe/Paris wall-clock parts: a date and time. */
  | { local: ParisTime };

export type Column = { header: string; cell: (answers: Answers) => Cell };

export function exportColumns(questions: LinedUpQuestion[], t: Translator): Column[] {
  const text = (value: unknown): Cell => (typeof value === "string" ? value : null);
  const yesNo = (ticked: boolean) => t(ticked ? "surveyAnswers.export.yes" : "surveyAnswers.export.no");
  return questions.flatMap((q): Column[] => {
    const label = q.label;
    switch (q.type) {
      case "short_text":
      case "long_text":
        return [{ header: label, cell: (a) => text(a[q.id]) }];
      case "date":
        return [{ header: label, cell: (a) => (typeof a[q.id] === "string" ? { day: a[q.id] as string } : null) }];
      case "scale":
      case "number":
        return [{ header: label, cell: (a) => (typeof a[q.id] === "number" ? (a[q.id] as number) : null) }];
      case "commune":
        return [
          {
            header: `${label} — ${t("surveyAnswers.export.insee")}`,
            cell: (a) => (typeof a[q.id] === "string" ? { code: a[q.id] as string } : null),
          },
          {
            header: `${label} — ${t("surveyAnswers.export.communeName")}`,
            cell: (a) =>
              typeof a[q.id] === "string" ? (findTerritory("commune", a[q.id] as string)?.name ?? "") : null,
          },
        ];
      case "single_choice": {
        const labels = new Map(q.options.map((o) => [o.id, o.label]));
        labels.set(OTHER_CHOICE, t("surveyAnswers.form.other"));
        return [
          { header: label, cell: (a) => (typeof a[q.id] === "string" ? (labels.get(a[q.id] as string) ?? "") : null) },
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
            // "oui" ticked, "non" not ticked, empty when the question was not answered at all.
            cell: (a: Answers) => (Array.isArray(a[q.id]) ? yesNo((a[q.id] as string[]).includes(o.id)) : null),
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
      return typeof value === "string" ? value : null;
    },
  };
}

/** The fixed columns first: response id, received (Paris time), its UTC offset, version, channel. */
export function fixedHeaders(t: Translator): string[] {
  return [
    t("surveyAnswers.export.responseId"),
    t("surveyAnswers.export.submittedAt"),
    t("surveyAnswers.export.utcOffset"),
    t("surveyAnswers.export.version"),
    t("surveyAnswers.export.channel"),
  ];
}

export function fixedCells(
  row: { id: string; submittedAt: Date; versionId: string; channel: string },
  versionNumbers: Map<string, number>,
  t: Translator,
): Cell[] {
  const local = parisTime(row.submittedAt);
  return [
    row.id,
    { local },
    `UTC${local.offset}`,
    versionNumbers.get(row.versionId) ?? null,
    row.channel === "field" ? t("surveyAnswers.export.channelField") : t("surveyAnswers.export.channelPublic"),
  ];
}

/**
 * Dates are written as Europe/Paris wall-clock time, the time people lived: a spreadsheet
 * reads "2026-03-14 09:05:00" as a date, which "2026-03-14T08:05:00.000Z" never was. The zone
 * is named in the header ("heure de Paris") rather than one offset, because an export spans
 * both sides of a daylight-saving change; the offset of each row sits in the next column, and
 * settles the one ambiguous hour each October (02:00–03:00 happens twice).
 */
export type ParisTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** "+01:00" in winter, "+02:00" in summer. */
  offset: string;
};

const PARIS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

export function parisTime(date: Date): ParisTime {
  const parts: Record<string, number> = {};
  for (const part of PARIS.formatToParts(date)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wall = { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute! };
  const second = parts.second!;
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, second);
  const minutes = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const offset = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return { ...wall, second, offset };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-03-14 09:05:00": the form LibreOffice and Excel (French or not) read as a date and time. */
export function parisTimeText(time: ParisTime): string {
  return `${time.year}-${pad(time.month)}-${pad(time.day)} ${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`;
}
