import { z } from "zod";
import type { Translator } from "~/i18n";
import { text, texts } from "~/utils/forms.server";
import type { ProjectInput } from "./project.server";
import { LIMITS } from "../core/limits";
import { findTerritory, foldForSearch, searchTerritories, type Territory } from "./territory.server";
import { PHASES, SECTORS, TERRITORY_KINDS, VISIBILITIES } from "../core/vocabulary";

/** The create/edit project form, with messages in the user's language. */
export function projectSchema(t: Translator) {
  return z.object({
    title: z
      .string()
      .trim()
      .min(LIMITS.projectTitleMin, t("project.form.titleTooShort", { min: LIMITS.projectTitleMin }))
      .max(LIMITS.projectTitleMax, t("project.form.titleTooLong", { max: LIMITS.projectTitleMax })),
    question: z
      .string()
      .trim()
      .min(LIMITS.projectQuestionMin, t("project.form.questionTooShort", { min: LIMITS.projectQuestionMin }))
      .max(LIMITS.projectQuestionMax, t("project.form.questionTooLong", { max: LIMITS.projectQuestionMax })),
    territory: z
      .string()
      .min(1, t("project.form.territoryRequired"))
      .transform((value, ctx) => {
        const [kind, code] = value.split(":");
        const territory =
          kind && code && (TERRITORY_KINDS as readonly string[]).includes(kind)
            ? findTerritory(kind as (typeof TERRITORY_KINDS)[number], code)
            : null;
        if (!territory) {
          ctx.addIssue({ code: "custom", message: t("project.form.territoryUnknown") });
          return z.NEVER;
        }
        return territory;
      }),
    sectors: z
      .array(z.enum(SECTORS, { errorMap: () => ({ message: t("project.form.sectorUnknown") }) }))
      .min(1, t("project.form.sectorsRequired"))
      .transform((sectors) => [...new Set(sectors)]),
    phase: z.enum(PHASES, { errorMap: () => ({ message: t("project.form.phaseUnknown") }) }),
    visibility: z.enum(VISIBILITIES, { errorMap: () => ({ message: t("project.form.visibilityUnknown") }) }),
  }) satisfies z.ZodType<ProjectInput, z.ZodTypeDef, unknown>;
}

/**
 * Without JavaScript the territory picker only sends what was typed: accept it when it
 * names exactly one territory (a code, or a name no other territory shares).
 */
function territoryFromQuery(query: string): string {
  const [first, second] = searchTerritories(query, 2);
  if (!first) return "";
  const folded = foldForSearch(query);
  const exact = (t: Territory) => t.code === query.trim().toUpperCase() || foldForSearch(t.name) === folded;
  return exact(first) && !(second && exact(second)) ? `${first.kind}:${first.code}` : "";
}

export function projectFormValues(formData: FormData) {
  const query = text(formData, "territoryQuery");
  return {
    title: text(formData, "title"),
    question: text(formData, "question"),
    territory: text(formData, "territory") || (query ? territoryFromQuery(query.slice(0, 100)) : ""),
    sectors: texts(formData, "sectors"),
    phase: text(formData, "phase"),
    visibility: text(formData, "visibility"),
  };
}
