import { z } from "zod";
import type { Locale, Translator } from "~/i18n";
import { formatDate } from "~/utils/format";
import { parseDayAsDate as parseDay } from "~/utils/day";
import { text, texts } from "~/utils/forms.server";
import { LIMITS } from "../core/limits";
import { findTerritory } from "../projects/territory.server";
import { cyclePhaseSchema, type CycleOption } from "../timeline/cycle.server";
import { isPlausibleObservedDay, latestObservedDay, type MetadataChanges } from "./note.server";
import { normalizeTagLabel, tagKey, type LookalikeChoice } from "./tag.server";

/** Form fields arrive as strings; control characters never belong in a one-line place. */
const oneLine = (value: string) => value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();

/** The note information form ("Informations"), with messages in the user's language. */
export function metadataSchema(t: Translator, locale: Locale, cycles: CycleOption[]) {
  const earliest = parseDay(LIMITS.earliestObservedDay)!;
  return z.object({
    ...cyclePhaseSchema(t, cycles).shape,
    observedOn: z
      .string()
      .trim()
      .transform((value, ctx) => {
        if (!value) return null;
        const day = parseDay(value);
        if (!day) ctx.addIssue({ code: "custom", message: t("notes.meta.dateInvalid") });
        else if (!isPlausibleObservedDay(day)) {
          const range = { min: formatDate(locale, earliest), max: formatDate(locale, latestObservedDay()) };
          ctx.addIssue({ code: "custom", message: t("notes.meta.dateOutOfRange", range) });
        }
        return day;
      }),
    place: z
      .string()
      .transform(oneLine)
      .pipe(z.string().max(LIMITS.notePlaceMax, t("notes.meta.placeTooLong", { max: LIMITS.notePlaceMax })))
      .transform((place) => place || null),
    commune: z
      .string()
      .trim()
      .transform((code, ctx) => {
        if (!code) return null;
        const commune = code.length <= 5 ? findTerritory("commune", code) : null;
        if (!commune) ctx.addIssue({ code: "custom", message: t("notes.meta.communeUnknown") });
        return commune ? { code: commune.code, name: commune.name } : null;
      }),
    tagIds: z
      .array(z.string().min(1).max(64, t("notes.meta.tagUnknown")))
      .max(1000, t("notes.meta.tagUnknown"))
      .transform((ids) => [...new Set(ids)]),
    newTag: z
      .string()
      .transform(normalizeTagLabel)
      .pipe(z.string().max(LIMITS.tagLabelMax, t("notes.meta.newTagTooLong", { max: LIMITS.tagLabelMax })))
      .transform((label) => label || null),
  });
}

/**
 * The submitted information form: its values as typed, which fields this person changed, and
 * their answer about a look-alike tag.
 */
export function readMetadataForm(formData: FormData) {
  const values = {
    observedOn: text(formData, "observedOn"),
    place: text(formData, "place"),
    commune: text(formData, "commune"),
    tagIds: texts(formData, "tagIds"),
    newTag: text(formData, "newTag"),
    cycleId: text(formData, "cycleId"),
    phase: text(formData, "phase"),
  };
  // What the page showed when this person opened it: only the fields they changed are written,
  // so someone else's save in the meantime is kept. A form without it (a script) writes all.
  const was = formData.has("was.place")
    ? {
        observedOn: text(formData, "was.observedOn"),
        place: text(formData, "was.place"),
        commune: text(formData, "was.commune"),
        cycleId: text(formData, "was.cycleId"),
        phase: text(formData, "was.phase"),
        tagIds: texts(formData, "was.tagIds"),
      }
    : null;
  const changes: MetadataChanges | null = was && {
    observedOn: values.observedOn !== was.observedOn,
    place: values.place !== was.place,
    commune: values.commune !== was.commune,
    cyclePhase: values.cycleId !== was.cycleId || values.phase !== was.phase,
    tagsBefore: was.tagIds,
  };
  // An answer about a look-alike tag counts only for the label it was asked about: one typed
  // differently since gets its own question.
  const choice = text(formData, "newTagChoice");
  const asked = text(formData, "newTagAsked");
  const answered = normalizeTagLabel(values.newTag) !== "" && tagKey(asked) === tagKey(values.newTag);
  const newTagChoice: LookalikeChoice = answered && (choice === "create" || choice === "use") ? choice : null;
  return { values, changes, newTagChoice };
}
