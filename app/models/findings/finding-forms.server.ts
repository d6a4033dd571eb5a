import { z } from "zod";
import type { Translator } from "~/i18n";
import { parseDay } from "~/utils/day";
import { CONFIDENCE_LEVELS, SECTORS } from "../core/vocabulary";
import { findTerritory } from "../projects/territory.server";
import { cyclePhaseSchema, type CycleOption } from "../timeline/cycle.server";
import type { NewEvidence } from "./evidence.server";
import { FINDING_LIMITS as L } from "./finding-limits";

const trimmed = () => z.string().transform((s) => s.trim());

/** The finding's structured fields, as posted by its form (communes: kept codes plus one picked). */
export function fieldsSchema(t: Translator, cycles: CycleOption[]) {
  return cyclePhaseSchema(t, cycles).extend({
    confidence: z
      .string()
      .transform((c) => ((CONFIDENCE_LEVELS as readonly string[]).includes(c) ? c : null))
      .pipe(z.enum(CONFIDENCE_LEVELS).nullable()),
    confidenceRationale: trimmed().pipe(
      z.string().max(L.rationaleMax, t("findings.fields.rationaleTooLong", { max: L.rationaleMax })),
    ),
    // Closed codes from checkboxes: anything else is a forged form and is dropped.
    sectors: z.array(z.string()).transform((list) => SECTORS.filter((s) => list.includes(s))),
    communes: z
      .array(z.string().trim())
      .transform((codes, ctx) => {
        const unique = [...new Set(codes.filter(Boolean))];
        const found = unique.map((code) => (code.length <= 5 ? findTerritory("commune", code) : null));
        if (found.some((c) => !c)) ctx.addIssue({ code: "custom", message: t("findings.fields.communeUnknown") });
        return found.flatMap((c) => (c ? [{ code: c.code, name: c.name }] : []));
      })
      .pipe(
        z
          .array(z.object({ code: z.string(), name: z.string() }))
          .max(L.communesMax, t("findings.fields.communesTooMany", { max: L.communesMax })),
      ),
  });
}

export function commentSchema(t: Translator) {
  return trimmed().pipe(z.string().max(L.commentMax, t("findings.evidence.commentTooLong", { max: L.commentMax })));
}

const optionalDay = (t: Translator) =>
  trimmed().transform((value, ctx) => {
    if (!value) return null;
    const day = parseDay(value);
    if (!day) ctx.addIssue({ code: "custom", message: t("findings.evidence.badDate") });
    return day;
  });

/** Only web addresses: no javascript:, data: or file: link ever reaches a page. */
function httpUrl(t: Translator) {
  return trimmed()
    .pipe(z.string().max(L.sourceUrlMax, t("findings.evidence.urlTooLong", { max: L.sourceUrlMax })))
    .refine((value) => {
      if (!value) return true;
      try {
        const url = new URL(value);
        return (url.protocol === "http:" || url.protocol === "https:") && Boolean(url.hostname);
      } catch {
        return false;
      }
    }, t("findings.evidence.badUrl"))
    .transform((value) => value || null);
}

/** The evidence forms (all but quotes), by intent; each field's message in the person's language. */
export function newEvidenceSchema(t: Translator, intent: string): z.ZodType<NewEvidence, z.ZodTypeDef, unknown> | null {
  const id = z
    .string()
    .trim()
    .min(1, t("findings.evidence.unknownTarget"))
    .max(64, t("findings.evidence.unknownTarget"));
  switch (intent) {
    case "add-code":
      return z.object({ codeId: id }).transform(({ codeId }) => ({ kind: "code" as const, codeId }));
    case "add-event":
      return z.object({ eventId: id }).transform(({ eventId }) => ({ kind: "event" as const, eventId }));
    case "add-survey":
      return z
        .object({
          // "<surveyId>:<questionId>", one choice among the survey questions of the project.
          question: z.string().regex(/^[^:]{1,64}:[^:]{1,64}$/, t("findings.evidence.unknownTarget")),
          from: optionalDay(t),
          to: optionalDay(t),
          commune: trimmed().refine((c) => !c || /^[0-9AB]{5}$/.test(c), t("findings.fields.communeUnknown")),
        })
        .transform(({ question, from, to, commune }) => {
          const [surveyId, questionId] = question.split(":") as [string, string];
          return { kind: "survey" as const, surveyId, questionId, filter: { from, to, commune: commune || null } };
        });
    case "add-source":
      return z
        .object({
          sourceTitle: trimmed().pipe(
            z
              .string()
              .min(1, t("findings.evidence.sourceTitleRequired"))
              .max(L.sourceTitleMax, t("findings.evidence.sourceTitleTooLong", { max: L.sourceTitleMax })),
          ),
          sourceUrl: httpUrl(t),
          sourceReference: trimmed().pipe(
            z
              .string()
              .max(L.sourceReferenceMax, t("findings.evidence.referenceTooLong", { max: L.sourceReferenceMax })),
          ),
        })
        .transform((s) => ({
          kind: "source" as const,
          title: s.sourceTitle,
          url: s.sourceUrl,
          reference: s.sourceReference,
        }));
    default:
      return null;
  }
}
