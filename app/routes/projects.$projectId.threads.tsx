import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import type { MessageKey, Translator } from "~/i18n";
import { ANCHOR_PATTERN, COMMENT_LIMITS as L, threadHash } from "~/models/comments/comment-limits";
import {
  deleteComment,
  editComment,
  openThread,
  replyToThread,
  setThreadResolved,
  type ThreadOutcome,
  type ThreadRefusal,
} from "~/models/comments/thread-actions.server";
import { safeReturnTo } from "~/models/comments/return-to";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { readForm, text, texts } from "~/utils/forms.server";

// A resource route (no page): every thread form posts here with an `intent` and a `returnTo`
// (the page it was on); it redirects back to `returnTo#thread-<id>`, so it works without
// JavaScript. With JavaScript (the page's fetcher adds `js=1`), a refusal comes back as JSON.

const id = z.string().trim().min(1).max(64);

const bodySchema = (t: Translator) =>
  z
    .string()
    .transform((body) => body.trim())
    .pipe(
      z
        .string()
        .min(1, t("comments.error.bodyRequired"))
        .max(L.bodyMax, t("comments.error.bodyTooLong", { max: L.bodyMax })),
    );

const mentionsSchema = (t: Translator) =>
  z.array(id).max(L.mentionsMax, t("comments.error.tooManyMentions", { max: L.mentionsMax }));

const intentSchema = (t: Translator) =>
  z.discriminatedUnion("intent", [
    z.object({
      intent: z.literal("open"),
      findingId: z.string().trim().max(64),
      noteId: z.string().trim().max(64),
      body: bodySchema(t),
      mentions: mentionsSchema(t),
      quote: z.string().max(L.quoteMax, t("comments.error.mismatch")),
      anchor: z.union([z.literal(""), z.string().regex(ANCHOR_PATTERN, t("comments.error.badAnchor"))]),
    }),
    z.object({ intent: z.literal("reply"), threadId: id, body: bodySchema(t), mentions: mentionsSchema(t) }),
    z.object({ intent: z.literal("edit"), commentId: id, body: bodySchema(t) }),
    z.object({ intent: z.literal("delete"), commentId: id }),
    z.object({ intent: z.literal("resolve"), threadId: id }),
    z.object({ intent: z.literal("reopen"), threadId: id }),
  ]);

const REFUSALS: Record<Exclude<ThreadRefusal, "not_found" | "forbidden">, [MessageKey, number]> = {
  bad_anchor: ["comments.error.badAnchor", 400],
  mismatch: ["comments.error.mismatch", 400],
  bad_mention: ["comments.error.badMention", 400],
  resolved: ["comments.error.resolved", 409],
  already_resolved: ["comments.error.alreadyResolved", 409],
  not_resolved: ["comments.error.notResolved", 409],
  comment_deleted: ["comments.error.commentDeleted", 409],
  too_many_threads: ["comments.error.tooManyThreads", 409],
};

/** Only posts: a GET (a link followed, a prefetch) reads nothing and changes nothing. */
export const loader = () =>
  new Response("Method Not Allowed", {
    status: 405,
    headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" },
  });

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A refusal: JSON for the page's fetcher, a small page with a way back for a form posted without JavaScript. */
function refuse(asJson: boolean, t: Translator, message: string, status: number, back: string | null) {
  if (asJson) return json({ error: message }, status);
  const link = back ? `<p><a href="${escapeHtml(back)}">${escapeHtml(t("comments.error.back"))}</a></p>` : "";
  const html = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>${escapeHtml(t("comments.title"))}</title><main><p role="alert">${escapeHtml(message)}</p>${link}</main></html>`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

async function act(
  data: z.infer<ReturnType<typeof intentSchema>>,
  actor: { access: Parameters<typeof openThread>[0]["access"]; userId: string },
  readDocument: (name: string) => Promise<Uint8Array | null>,
): Promise<ThreadOutcome | "invalid"> {
  switch (data.intent) {
    case "open": {
      const ref = data.findingId ? { findingId: data.findingId } : data.noteId ? { noteId: data.noteId } : null;
      if (!ref || (data.findingId && data.noteId) || Boolean(data.anchor) !== Boolean(data.quote.trim()))
        return "invalid";
      const passage = data.anchor
        ? { quote: data.quote, anchor: new Uint8Array(Buffer.from(data.anchor, "base64url")) }
        : null;
      return openThread({ ...actor, ref, body: data.body, mentions: data.mentions, passage, readDocument });
    }
    case "reply":
      return replyToThread({ ...actor, threadId: data.threadId, body: data.body, mentions: data.mentions });
    case "edit":
      return editComment({ ...actor, commentId: data.commentId, body: data.body });
    case "delete":
      return deleteComment({ ...actor, commentId: data.commentId });
    case "resolve":
    case "reopen":
      return setThreadResolved({ ...actor, threadId: data.threadId, resolved: data.intent === "resolve" });
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  // Reading the project is enough to reach here; each act checks its own right on its subject.
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const form = await readForm(request, t);
  // Remix strips `?_data=` before the action sees the request: the form says it came from a fetcher.
  const asJson = text(form, "js") === "1";
  const returnTo = safeReturnTo(access.projectId, text(form, "returnTo"));
  if (!returnTo) return refuse(asJson, t, t("comments.error.badReturn"), 400, null);
  const fields = Object.fromEntries(
    ["intent", "findingId", "noteId", "threadId", "commentId", "body", "quote", "anchor"].map((name) => [
      name,
      text(form, name),
    ]),
  );
  const parsed = intentSchema(t).safeParse({ ...fields, mentions: texts(form, "mentions").filter(Boolean) });
  if (!parsed.success) {
    return refuse(asJson, t, parsed.error.issues[0]?.message ?? t("comments.error.invalid"), 400, returnTo);
  }
  const outcome = await act(parsed.data, { access, userId: user.id }, (name) => context.documents.read(name));
  if (outcome === "invalid") return refuse(asJson, t, t("comments.error.invalid"), 400, returnTo);
  if (outcome === "not_found") return refuse(asJson, t, t("error.notFound"), 404, returnTo);
  if (outcome === "forbidden") return refuse(asJson, t, t("error.forbidden"), 403, returnTo);
  if (typeof outcome === "string") {
    const [key, status] = REFUSALS[outcome];
    return refuse(asJson, t, t(key, { max: L.mentionsMax }), status, returnTo);
  }
  return redirect(`${returnTo}${threadHash(outcome.threadId)}`);
}
