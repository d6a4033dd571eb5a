import { z } from "zod";
import type { Translator } from "~/i18n";
import { text, validate } from "~/utils/forms.server";
import { forbidden, notFound } from "~/utils/http.server";
import { FINDING_STATES, FINDING_TRANSITIONS, type FindingState } from "../core/vocabulary";
import type { ReadDocument } from "../findings/finding-report.server";
import type { ProjectAccess } from "../projects/permissions.server";
import { transitionFinding } from "./transition.server";
import { TRANSITIONS } from "./transitions";

/** A verdict's comment, at most this long (a few paragraphs). */
export const REVIEW_COMMENT_MAX = 4000;

const transitionSchema = (t: Translator) =>
  z
    .object({
      transition: z.enum(FINDING_TRANSITIONS, { message: t("review.invalid") }),
      from: z.enum(FINDING_STATES, { message: t("review.invalid") }),
      version: z.coerce
        .number({ message: t("review.invalid") })
        .int()
        .min(0)
        .max(1_000_000),
      comment: z
        .string()
        .transform((c) => c.trim())
        .pipe(z.string().max(REVIEW_COMMENT_MAX, t("review.comment.tooLong", { max: REVIEW_COMMENT_MAX }))),
    })
    .refine((v) => TRANSITIONS[v.transition].comment !== "required" || v.comment.length > 0, {
      message: t("review.comment.required"),
      path: ["comment"],
    });

export type ReviewActionOutcome =
  | { type: "done"; hash: string }
  | {
      type: "refused";
      status: 400 | 409;
      body: { intent: "transition"; fieldErrors: Record<string, string>; values: Record<string, string> };
    };

/**
 * The finding page's review forms (`intent=transition`): 400 for a malformed form, 404 for a
 * finding the user may not see, 403 without the right, 409 when the finding is no longer where
 * the user saw it or the transition cannot start there. Nothing is written unless it is done.
 */
export async function reviewAction({
  access,
  userId,
  findingId,
  form,
  t,
  readDocument,
}: {
  access: ProjectAccess;
  userId: string;
  findingId: string;
  form: FormData;
  t: Translator;
  readDocument: ReadDocument;
}): Promise<ReviewActionOutcome> {
  const values = {
    transition: text(form, "transition"),
    from: text(form, "from"),
    version: text(form, "version"),
    comment: text(form, "comment"),
  };
  const refuse = (status: 400 | 409, fieldErrors: Record<string, string>): ReviewActionOutcome => ({
    type: "refused",
    status,
    body: { intent: "transition", fieldErrors, values },
  });
  const parsed = validate(transitionSchema(t), values);
  if (!parsed.ok) {
    const { comment, ...others } = parsed.fieldErrors;
    return refuse(400, comment && !Object.keys(others).length ? { comment } : { form: t("review.invalid") });
  }
  const outcome = await transitionFinding({ access, userId, findingId, ...parsed.data, readDocument });
  switch (outcome.type) {
    case "done":
      return { type: "done", hash: "#review-title" };
    case "not_found":
      return notFound(t);
    case "forbidden":
      return forbidden(t);
    case "stale":
      return refuse(409, {
        form: `${t(`review.stale.${outcome.state as FindingState}`, { version: outcome.version })} ${t("review.stale.tail")}`,
      });
    case "not_allowed":
      return refuse(409, {
        form: t("review.notAllowed", { state: t(`findings.state.${outcome.state as FindingState}`) }),
      });
  }
}
