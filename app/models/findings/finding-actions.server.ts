import type { Translator } from "~/i18n";
import { text, texts, validate } from "~/utils/forms.server";
import { forbidden, notFound } from "~/utils/http.server";
import { can, type ProjectAccess } from "../projects/permissions.server";
import { listCycles } from "../timeline/cycle.server";
import { addEvidence, moveEvidence, removeEvidence, takeCurrentText, updateEvidenceComment } from "./evidence.server";
import { commentSchema, fieldsSchema, newEvidenceSchema } from "./finding-forms.server";
import { FINDING_LIMITS } from "./finding-limits";
import { deleteFinding, findingOwner, updateFindingFields } from "./finding.server";

export type Refusal = {
  intent: string;
  evidenceId?: string | null;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
};

export type FindingActionOutcome =
  | { type: "deleted"; findingId: string }
  | { type: "done"; hash?: string }
  | { type: "saved" }
  | { type: "refused"; status: number; body: Refusal };

const EVIDENCE_INTENTS = new Set(["comment", "remove", "up", "down", "take-current"]);

/**
 * Every form of a finding's page, by `intent`: its fields, its deletion, and its evidence.
 * Another project's finding is a 404 before anything else; then the right for the intent (403);
 * then the form (400, nothing written).
 */
export async function findingAction({
  access,
  userId,
  findingId,
  form,
  t,
}: {
  access: ProjectAccess;
  userId: string;
  findingId: string;
  form: FormData;
  t: Translator;
}): Promise<FindingActionOutcome> {
  const projectId = access.projectId;
  const owner = await findingOwner({ access, findingId });
  if (!owner) notFound(t);
  const intent = text(form, "intent");
  const values = Object.fromEntries([...form].filter((e): e is [string, string] => typeof e[1] === "string"));
  const refuse = (fieldErrors: Record<string, string>, status = 400): FindingActionOutcome => ({
    type: "refused",
    status,
    body: { intent, evidenceId: text(form, "evidenceId") || null, fieldErrors, values },
  });
  if (intent === "delete") {
    if (!can(access, "findings.delete", { ownerId: owner.authorId })) forbidden(t);
    if (text(form, "confirm") !== "yes") return refuse({ confirm: t("findings.delete.confirmRequired") });
    const deleted = await deleteFinding({ projectId, findingId });
    if (deleted === "not_found") notFound(t);
    if (deleted === "reviewed") return refuse({ confirm: t("findings.delete.reviewed") }, 409);
    return { type: "deleted", findingId };
  }
  if (!can(access, "findings.edit")) forbidden(t);
  if (intent === "fields") {
    const cycles = await listCycles({ projectId });
    const result = validate(fieldsSchema(t, cycles), {
      confidence: text(form, "confidence"),
      confidenceRationale: text(form, "confidenceRationale"),
      sectors: texts(form, "sectors"),
      cycleId: text(form, "cycleId"),
      phase: text(form, "phase"),
      communes: texts(form, "communes"),
    });
    if (!result.ok) return refuse(result.fieldErrors);
    const saved = await updateFindingFields({ projectId, findingId, fields: result.data });
    if (saved === "not_found") notFound(t);
    if (saved === "unknown_cycle") return refuse({ cycleId: t("cycle.field.cycleUnknown") });
    return { type: "saved" };
  }
  const comment = validate(commentSchema(t), text(form, "comment"));
  const schema = newEvidenceSchema(t, intent);
  if (schema) {
    const fields = Object.fromEntries(
      ["codeId", "eventId", "question", "from", "to", "commune", "sourceTitle", "sourceUrl", "sourceReference"].map(
        (name) => [name, text(form, name)],
      ),
    );
    const input = validate(schema, fields);
    if (!input.ok || !comment.ok) {
      return refuse({
        ...(input.ok ? {} : input.fieldErrors),
        ...(comment.ok ? {} : { comment: comment.fieldErrors.form! }),
      });
    }
    const added = await addEvidence({ projectId, findingId, userId, comment: comment.data, input: input.data });
    if (added === "not_found") notFound(t);
    if (added === "unknown_target") return refuse({ form: t("findings.evidence.unknownTarget") });
    if (added === "too_many")
      return refuse({ form: t("findings.evidence.tooMany", { max: FINDING_LIMITS.evidenceMax }) });
    return { type: "done", hash: `#evidence-${added.id}` };
  }
  if (!EVIDENCE_INTENTS.has(intent)) return refuse({ form: t("findings.invalidRequest") });
  const target = { projectId, findingId, evidenceId: text(form, "evidenceId") };
  let found: boolean;
  if (intent === "comment") {
    if (!comment.ok) return refuse({ comment: comment.fieldErrors.form! });
    found = await updateEvidenceComment({ ...target, comment: comment.data });
  } else if (intent === "remove") found = await removeEvidence(target);
  else if (intent === "take-current") found = await takeCurrentText(target);
  else found = await moveEvidence({ ...target, direction: intent === "up" ? "up" : "down" });
  // Evidence of another finding or project is as unknown as a made-up id.
  if (!found) notFound(t);
  return { type: "done", hash: intent === "remove" ? "#evidence-title" : `#evidence-${target.evidenceId}` };
}
