import type { Locale, Translator } from "~/i18n";
import { text } from "~/utils/forms.server";
import { FORM_FIELDS, type AnswerErrors, type FormValues } from "./survey-answers";
import { parseAnswers } from "./survey-answers.server";
import { getSurveyVersion, isSubmissionKey, recordResponse } from "./survey-responses.server";
import { findTerritory } from "../projects/territory.server";
import type { PickedTerritory } from "~/models/projects/territory-option";

export type SubmitOutcome =
  | { outcome: "stored" | "duplicate" | "ignored" }
  | { outcome: "invalid"; errors: AnswerErrors; formError: string | null; values: FormValues; versionId: string };

/**
 * One submitted questionnaire, public or entered in the field: the version it was shown with
 * (it must belong to this survey), its submission key, the answers checked against that
 * version. "ignored" is the honeypot: answered like a success, stored nowhere.
 */
export async function submitAnswers({
  surveyId,
  formData,
  channel,
  enteredById,
  t,
  locale,
}: {
  surveyId: string;
  formData: FormData;
  channel: "public" | "field";
  enteredById: string | null;
  t: Translator;
  locale: Locale;
}): Promise<SubmitOutcome> {
  if (channel === "public" && text(formData, FORM_FIELDS.honeypot).trim() !== "") return { outcome: "ignored" };
  const submissionKey = text(formData, FORM_FIELDS.submissionKey);
  const version = await getSurveyVersion({ surveyId, versionId: text(formData, FORM_FIELDS.versionId) });
  if (!version || !isSubmissionKey(submissionKey)) {
    return { outcome: "invalid", errors: {}, formError: t("surveyAnswers.error.expired"), values: {}, versionId: "" };
  }
  const parsed = parseAnswers({ definition: version.definition, formData, t, locale });
  if (!parsed.ok) {
    const { form, ...errors } = parsed.errors;
    return { outcome: "invalid", errors, formError: form ?? null, values: parsed.values, versionId: version.id };
  }
  const outcome = await recordResponse({
    surveyId,
    versionId: version.id,
    submissionKey,
    channel,
    enteredById,
    answers: parsed.answers,
    communeCode: parsed.communeCode,
  });
  return { outcome: outcome === "created" ? "stored" : "duplicate" };
}

/** The communes a refused form brings back, for the picker to show them chosen again. */
export function pickedCommunes(values: FormValues): Record<string, PickedTerritory> {
  const picked: Record<string, PickedTerritory> = {};
  for (const [name, value] of Object.entries(values)) {
    if (!name.startsWith("q.") || typeof value !== "string" || !/^[0-9AB]{5}$/.test(value)) continue;
    const commune = findTerritory("commune", value);
    if (commune) {
      picked[name] = {
        value: `commune:${commune.code}`,
        kind: "commune",
        code: commune.code,
        name: commune.name,
        departement: commune.departement,
        population: commune.population,
      };
    }
  }
  return picked;
}
