import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  Link,
  useActionData,
  useLoaderData,
  useMatches,
  useParams,
  useRouteError,
  type ClientLoaderFunctionArgs,
} from "@remix-run/react";
import { useEffect, useState } from "react";
import { AvisForFinding } from "~/components/council/avis-for-finding";
import { CommentThreads } from "~/components/comments/comment-threads";
import { useCommentPanel } from "~/components/comments/use-comment-panel";
import { ErrorPage } from "~/components/error-page";
import { EvidenceAddForms, type AddRefusal } from "~/components/findings/evidence-add-forms";
import { EvidenceList, type EvidenceErrors } from "~/components/findings/evidence-list";
import { FindingStateBadge } from "~/components/findings/finding-card";
import { DeleteFindingForm } from "~/components/findings/delete-finding-form";
import {
  FindingFieldsForm,
  FindingFieldsView,
  type FindingFieldValues,
} from "~/components/findings/finding-fields-form";
import { NoteEditorArea } from "~/components/note-editor-area";
import { ReviewPanel } from "~/components/review/review-panel";
import { VersionView } from "~/components/review/version-view";
import { useLocale, useT } from "~/i18n/use-translation";
import { avisForFinding } from "~/models/council/saisine.server";
import { listThreads } from "~/models/comments/thread-list.server";
import { evidenceChoices } from "~/models/findings/evidence-choices.server";
import { listEvidence } from "~/models/findings/evidence-list.server";
import { findingAction } from "~/models/findings/finding-actions.server";
import { DELETABLE_FINDING_STATES, getFinding } from "~/models/findings/finding.server";
import type { EvidenceView } from "~/models/findings/evidence-view";
import { can } from "~/models/projects/permissions.server";
import { findingReview } from "~/models/review/finding-review.server";
import { getVersion } from "~/models/review/finding-versions.server";
import { canReadFindingText } from "~/models/review/finding-visibility.server";
import { reviewAction } from "~/models/review/review-action.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { listCycles } from "~/models/timeline/cycle.server";
import commentStyles from "~/styles/comments.css";
import findingStyles from "~/styles/findings.css";
import { formatDate } from "~/utils/format";
import { readForm, text } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { serverOrKept, useKeptPageData } from "~/utils/offline-pages";
import { projectPageTitle } from "~/utils/page-title";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: findingStyles },
  { rel: "stylesheet", href: commentStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const [project] = projectPageTitle(matches, null);
  return [{ title: data ? `${data.pageTitle} · ${project!.title}` : project!.title }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const projectId = access.projectId;
  // A finding this reader may not see at its stage (a draft for the council) is a 404.
  const found = await getFinding({ access, findingId: params.findingId ?? "" });
  if (!found) notFound(t);
  const canEdit = can(access, "findings.edit");
  // Observers and coalition staff read the version the council judged, not the live draft.
  const liveText = canReadFindingText(access, found);
  const [evidence, avis, cycles, choices, frozen] = await Promise.all([
    liveText ? listEvidence({ projectId, findingId: found.id }) : Promise.resolve([] as EvidenceView[]),
    avisForFinding({ projectId, findingId: found.id }),
    listCycles({ projectId }),
    canEdit ? evidenceChoices({ projectId }) : null,
    liveText ? null : getVersion({ findingId: found.id, number: found.version }),
  ]);
  // Their page's data carries the judged title and none of the live projection's words.
  const finding = frozen ? { ...found, title: frozen.title, excerpt: "" } : found;
  const review = await findingReview({ access, userId: user.id, finding });
  const values: FindingFieldValues = {
    confidence: finding.confidence ?? "",
    confidenceRationale: finding.confidenceRationale,
    sectors: finding.sectors,
    cycleId: finding.cycleId ?? "",
    phase: finding.phase ?? "",
    communes: finding.communes,
  };
  // A finding never edited yet gets its title (and the statement typed in the form) as the
  // start of its text, written by the first editor that opens it (app/editor/title-seed.client.ts).
  const seed = canEdit && !finding.lastEditedAt ? [finding.title, finding.excerpt].filter(Boolean).join("\n") : "";
  return json({
    // Comment threads (issue 15 §2): two indexed reads whatever their number.
    // Not for readers beyond the team and the council: the discussion quotes the live draft.
    threads: liveText ? await listThreads(access, { findingId: finding.id }) : null,
    avis,
    review,
    finding,
    pageTitle: finding.title || t("findings.untitled"),
    evidence,
    cycles,
    choices,
    values,
    seed,
    canEdit,
    frozen,
    canDelete:
      (DELETABLE_FINDING_STATES as readonly string[]).includes(finding.state) &&
      can(access, "findings.delete", { ownerId: finding.author?.id ?? null }),
    viewer: { id: user.id, name: user.name },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const form = await readForm(request, t);
  if (text(form, "intent") === "transition") {
    const reviewed = await reviewAction({
      access,
      userId: user.id,
      findingId: params.findingId ?? "",
      form,
      t,
      readDocument: (name) => context.documents.read(name),
    });
    if (reviewed.type === "refused") return json(reviewed.body, { status: reviewed.status });
    return redirect(`/projects/${access.projectId}/findings/${params.findingId}${reviewed.hash}`);
  }
  const outcome = await findingAction({ access, userId: user.id, findingId: params.findingId ?? "", form, t });
  if (outcome.type === "deleted") {
    // Open editors close with 4410; the stored updates go for good.
    await context.documents.removeDocument(`finding:${outcome.findingId}`);
    return redirect(`/projects/${access.projectId}/findings`);
  }
  if (outcome.type === "refused") return json(outcome.body, { status: outcome.status });
  // The fields form says "enregistré" in place; the page's data is read again.
  if (outcome.type === "saved") return json({ saved: true as const });
  return redirect(`/projects/${access.projectId}/findings/${params.findingId}${outcome.hash ?? ""}`);
}

function useLiveTitle(pageTitle: string) {
  const t = useT();
  const [live, setLive] = useState<string | null>(null);
  const title = live === null ? pageTitle : live || t("findings.untitled");
  const [project] = projectPageTitle(useMatches(), null);
  useEffect(() => {
    if (live !== null) document.title = `${title} · ${project!.title}`;
  });
  return { title, onTitle: setLive };
}

/**
 * Offline, a client-side navigation to a finding opened before on this device gets the data kept
 * then (`useKeptPageData`), as a note does; a reload gets the page from the service worker, and
 * the text comes from the editor's local copy.
 */
export const clientLoader = ({ request, serverLoader }: ClientLoaderFunctionArgs) =>
  serverOrKept(request, () => serverLoader<typeof loader>());

export default function FindingPage() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof clientLoader>();
  useKeptPageData(data);
  const { finding, pageTitle, evidence, cycles, choices, values, seed, canEdit, canDelete, viewer } = data;
  const answer = useActionData<typeof action>();
  const projectId = useParams().projectId!;
  const base = `/projects/${projectId}/findings`;
  const { title, onTitle } = useLiveTitle(pageTitle);
  const created = formatDate(locale, finding.createdAt);
  const refusal = answer && "intent" in answer ? answer : null;
  const comments = useCommentPanel(data.threads);
  return (
    <article className="finding-page stack" aria-labelledby="finding-title">
      <p className="inline-form">
        <Link to={base}>
          <span aria-hidden="true">← </span>
          {t("findings.back")}
        </Link>
        <Link to={`${base}/${finding.id}/print`}>{t("findings.print.link")}</Link>
        <a href={`${base}/${finding.id}/export.md`} download>
          {t("findings.export.md")}
        </a>
      </p>
      <header>
        <h2 id="finding-title">{title}</h2>
        <p className="card-meta">
          <FindingStateBadge state={finding.state} />
          <span>
            {finding.author
              ? t("findings.createdBy", { name: finding.author.name, date: created })
              : t("findings.createdByUnknown", { date: created })}
          </span>
        </p>
      </header>
      {canEdit ? null : <p className="notice">{t("findings.readOnlyFinding")}</p>}
      <ReviewPanel
        review={data.review}
        refusal={refusal?.intent === "transition" ? refusal : null}
        base={`${base}/${finding.id}`}
      />
      <div className="finding-layout">
        <section className="panel" aria-labelledby="finding-statement-title">
          <h3 id="finding-statement-title">{t("findings.statement")}</h3>
          {data.frozen ? (
            <VersionView version={data.frozen} />
          ) : (
            <NoteEditorArea
              docName={`finding:${finding.id}`}
              user={viewer}
              readOnly={!canEdit}
              excerpt={finding.excerpt}
              listHref={base}
              onTitle={onTitle}
              seedTitle={seed}
              comments={comments.editor}
            />
          )}
        </section>
        <section className="panel" aria-labelledby="finding-fields-title">
          <h3 id="finding-fields-title">{t("findings.fields.title")}</h3>
          {canEdit ? (
            <FindingFieldsForm
              key={finding.updatedAt}
              values={values}
              cycles={cycles}
              errors={refusal?.intent === "fields" ? refusal.fieldErrors : {}}
              saved={Boolean(answer && "saved" in answer)}
            />
          ) : (
            <FindingFieldsView values={values} cycle={finding.cycle} />
          )}
        </section>
      </div>
      {data.frozen ? null : (
        <section className="panel stack" aria-labelledby="evidence-title">
          <h3 id="evidence-title">{t("findings.evidence.title")}</h3>
          <EvidenceList evidence={evidence} projectId={projectId} canEdit={canEdit} error={evidenceError(refusal)} />
          {canEdit && choices ? (
            <EvidenceAddForms
              choices={choices}
              refusal={refusal?.intent.startsWith("add-") ? (refusal as AddRefusal) : null}
            />
          ) : null}
        </section>
      )}
      {data.threads ? <CommentThreads projectId={projectId} data={data.threads} panel={comments.panel} /> : null}
      <AvisForFinding avis={data.avis} projectId={projectId} />
      {canDelete ? (
        <DeleteFindingForm error={refusal?.intent === "delete" ? refusal.fieldErrors.confirm : undefined} />
      ) : null}
    </article>
  );
}

function evidenceError(
  refusal: { intent: string; evidenceId?: string | null; fieldErrors: Record<string, string> } | null,
): EvidenceErrors {
  if (!refusal || refusal.intent !== "comment") return null;
  return { evidenceId: refusal.evidenceId ?? null, message: refusal.fieldErrors.comment ?? "" };
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
