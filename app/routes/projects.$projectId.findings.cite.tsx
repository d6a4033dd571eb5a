import { json, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import type { Translator } from "~/i18n";
import { citePassage } from "~/models/findings/cite.server";
import { commentSchema } from "~/models/findings/finding-forms.server";
import { FINDING_LIMITS as L } from "~/models/findings/finding-limits";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { visibleFindingsWhere } from "~/models/review/finding-visibility.server";
import { readForm, text } from "~/utils/forms.server";

// A resource route (no page): the note editor's "Citer dans un constat" posts here and reads the JSON.
const citeSchema = (t: Translator) =>
  z.object({
    noteId: z.string().trim().min(1).max(64),
    quote: z
      .string()
      .refine((q) => q.trim().length > 0, t("findings.cite.quoteRequired"))
      .pipe(z.string().max(L.quoteMax, t("findings.cite.quoteTooLong", { max: L.quoteMax }))),
    // base64url of the anchor's bytes (app/models/findings/note-anchor.ts): two small positions.
    anchor: z.string().regex(/^[A-Za-z0-9_-]{1,2000}={0,2}$/, t("findings.cite.badAnchor")),
    comment: commentSchema(t),
    findingId: z.string().trim().max(64),
    newFindingTitle: z
      .string()
      .transform((title) => title.replace(/\s+/g, " ").trim())
      .pipe(z.string().max(L.titleMax, t("findings.create.tooLong", { max: L.titleMax }))),
  });

const MESSAGES = {
  note_not_found: ["error.notFound", 404],
  finding_not_found: ["error.notFound", 404],
  note_trashed: ["findings.cite.noteTrashed", 400],
  bad_anchor: ["findings.cite.badAnchor", 400],
  mismatch: ["findings.cite.mismatch", 400],
  too_many: ["findings.evidence.tooMany", 400],
} as const;

/** Only posts: a GET (a link followed, a prefetch) reads nothing and changes nothing. */
export const loader = () =>
  new Response("Method Not Allowed", {
    status: 405,
    headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" },
  });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "findings.edit");
  const form = await readForm(request, t);
  const parsed = citeSchema(t).safeParse(
    Object.fromEntries(
      ["noteId", "quote", "anchor", "comment", "findingId", "newFindingTitle"].map((name) => [name, text(form, name)]),
    ),
  );
  if (!parsed.success) return json({ error: parsed.error.issues[0]?.message ?? t("findings.invalidRequest") }, 400);
  const { noteId, quote, anchor, comment, findingId, newFindingTitle } = parsed.data;
  if (!findingId && !newFindingTitle) return json({ error: t("findings.cite.findingRequired") }, 400);
  const outcome = await citePassage({
    projectId: access.projectId,
    userId: user.id,
    noteId,
    quote,
    anchor: new Uint8Array(Buffer.from(anchor, "base64url")),
    comment,
    target: findingId ? { findingId } : { newFindingTitle },
    visible: visibleFindingsWhere(access),
    readDocument: (name) => context.documents.read(name),
  });
  if (typeof outcome === "object") return json(outcome);
  const [key, status] = MESSAGES[outcome];
  return json({ error: t(key, { max: L.evidenceMax }) }, status);
}
