import { z } from "zod";
import type { Translator } from "~/i18n";
import { text } from "~/utils/forms.server";
import { LIMITS } from "../core/limits";
import { normalizeTagLabel } from "../notes/tag-label";
import type { CodeFields, CodeRefusal } from "./code-admin.server";
import { CODE_COLOUR, CODE_DEFINITION_MAX } from "./codebook";

/** A definition keeps its line breaks; other control characters never belong in it. */
const cleanDefinition = (value: string) =>
  value
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]+/g, " ")
    .trim();

/** The code form (create and edit), with messages in the user's language. */
export function codeFieldsSchema(t: Translator) {
  const max = LIMITS.tagLabelMax;
  return z.object({
    label: z
      .string()
      .transform((label) => normalizeTagLabel(label.replace(/[\u0000-\u001f\u007f]+/g, " ")))
      .pipe(z.string().min(1, t("codes.error.labelRequired")).max(max, t("codes.error.labelTooLong", { max }))),
    definition: z
      .string()
      .transform(cleanDefinition)
      .pipe(z.string().max(CODE_DEFINITION_MAX, t("codes.error.definitionTooLong", { max: CODE_DEFINITION_MAX }))),
    colour: z
      .string()
      .trim()
      .regex(CODE_COLOUR, t("codes.error.colour"))
      .transform((colour) => colour.toLowerCase()),
    parentId: z
      .string()
      .max(64, t("codes.error.parentUnknown"))
      .transform((id) => id.trim() || null),
  }) satisfies z.ZodType<CodeFields, z.ZodTypeDef, unknown>;
}

/** The code form's fields as typed (to show them again after a refusal) and the look-alike already confirmed. */
export function readCodeForm(formData: FormData) {
  return {
    values: {
      label: text(formData, "label"),
      definition: text(formData, "definition"),
      colour: text(formData, "colour"),
      parentId: text(formData, "parentId"),
    },
    confirmed: text(formData, "confirmed"),
  };
}

/** A refusal from code-admin.server.ts as the field it concerns and a message. */
export function refusalMessage(t: Translator, refusal: CodeRefusal): { field: string; message: string } {
  switch (refusal.reason) {
    case "exists":
      return { field: "label", message: t("codes.error.exists", { label: refusal.label }) };
    case "parentIsChild":
      return { field: "parentId", message: t("codes.error.parentIsChild", { label: refusal.label ?? "" }) };
    default:
      return { field: refusal.field, message: t(`codes.error.${refusal.reason}`) };
  }
}
