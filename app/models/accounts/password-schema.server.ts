import { z } from "zod";
import type { Translator } from "~/i18n";
import { LIMITS } from "../core/limits";
import { checkPasswordRules } from "./password.server";

/** A new password, with the reason for a refusal in the user's language. */
export function newPasswordSchema(t: Translator) {
  return z.string().superRefine((password, ctx) => {
    const problem = checkPasswordRules(password);
    if (problem === "too_short")
      ctx.addIssue({ code: "custom", message: t("password.tooShort", { min: LIMITS.passwordMin }) });
    if (problem === "too_long")
      ctx.addIssue({ code: "custom", message: t("password.tooLong", { max: LIMITS.passwordMax }) });
    if (problem === "too_common") ctx.addIssue({ code: "custom", message: t("password.tooCommon") });
  });
}
