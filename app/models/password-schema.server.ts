import { z } from "zod";
import type { Translator } from "~/i18n";
import { checkPasswordRules, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password.server";

/** A new password, with the reason for a refusal in the user's language. */
export function newPasswordSchema(t: Translator) {
  return z.string().superRefine((password, ctx) => {
    const problem = checkPasswordRules(password);
    if (problem === "too_short") ctx.addIssue({ code: "custom", message: t("password.tooShort", { min: PASSWORD_MIN_LENGTH }) });
    if (problem === "too_long") ctx.addIssue({ code: "custom", message: t("password.tooLong", { max: PASSWORD_MAX_LENGTH }) });
    if (problem === "too_common") ctx.addIssue({ code: "custom", message: t("password.tooCommon") });
  });
}
