import { z } from "zod";
import type { Translator } from "~/i18n";
import { parseTypedDay } from "~/utils/day";
import { SAISINE_LIMITS } from "./saisine-limits";

/**
 * The new-saisine form. The due day is required of a coordinator's saisine, optional for an
 * auto-saisine; it cannot be before today (UTC days, as `Saisine.dueOn`).
 */
export const saisineSchema = (t: Translator, { dueRequired, today }: { dueRequired: boolean; today: string }) =>
  z.object({
    question: z
      .string()
      .transform((q) => q.trim())
      .pipe(
        z
          .string()
          .min(1, t("council.create.questionRequired"))
          .max(SAISINE_LIMITS.questionMax, t("council.create.questionTooLong", { max: SAISINE_LIMITS.questionMax })),
      ),
    dueOn: z
      .string()
      .transform((value) => value.trim())
      .superRefine((value, ctx) => {
        if (!value) {
          if (dueRequired) ctx.addIssue({ code: "custom", message: t("council.create.dueRequired") });
          return;
        }
        const parsed = parseTypedDay(value);
        if (!parsed) ctx.addIssue({ code: "custom", message: t("council.create.dueInvalid") });
        else if (parsed < today) ctx.addIssue({ code: "custom", message: t("council.create.duePast") });
      })
      .transform((value) => (value ? parseTypedDay(value) : null)),
    findingIds: z
      .array(z.string().max(40))
      .max(SAISINE_LIMITS.findingsMax, t("council.create.tooManyFindings", { max: SAISINE_LIMITS.findingsMax })),
  });

const vote = (t: Translator) =>
  z
    .string()
    .transform((value) => value.trim())
    .refine((value) => value === "" || (/^\d{1,6}$/.test(value) && Number(value) <= SAISINE_LIMITS.votesMax), {
      message: t("council.adopt.voteInvalid"),
    })
    .transform((value) => (value === "" ? null : Number(value)));

/** Adoption: the votes, each optional, a whole number from 0. */
export const adoptSchema = (t: Translator) =>
  z.object({ votesFor: vote(t), votesAgainst: vote(t), votesAbstain: vote(t) });
