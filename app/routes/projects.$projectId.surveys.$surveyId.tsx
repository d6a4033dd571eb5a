import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  Form,
  Link,
  NavLink,
  Outlet,
  useActionData,
  useLoaderData,
  useNavigation,
  useParams,
  useRouteError,
} from "@remix-run/react";
import { useEffect, useState } from "react";
import { z } from "zod";
import { ErrorPage } from "~/components/error-page";
import { SurveyPublicationReview } from "~/components/survey-publication-review";
import { SurveyStatusBadge } from "~/components/survey-status-badge";
import type { MessageKey } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-translation";
import { can } from "~/models/projects/permissions.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { changeSurveyStatus, deleteDraftSurvey, getSurvey, STATUS_TRANSITIONS } from "~/models/surveys/survey.server";
import { describeProblem } from "~/models/surveys/survey-publication";
import { reviewSurveyDraft } from "~/models/surveys/survey-publication.server";
import { publishSurveyDraft } from "~/models/surveys/survey-version.server";
import { SURVEY_STATUSES, type SurveyStatus } from "~/models/core/vocabulary";
import surveyFormStyles from "~/styles/survey-answers.css";
import styles from "~/styles/surveys.css";
import { formatDate } from "~/utils/format";
import { readForm, text } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { projectPageTitle } from "~/utils/page-title";

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("status"), from: z.enum(SURVEY_STATUSES), to: z.enum(SURVEY_STATUSES) }),
  z.object({ intent: z.literal("delete") }),
  z.object({ intent: z.literal("publish"), stamp: z.string().min(1).max(64) }),
]);

// The form's styles too: the designer's preview draws the respondent's form.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: surveyFormStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const [base] = projectPageTitle(matches, "surveys.title");
  return [{ title: data ? `${data.pageTitle} · ${base!.title}` : base!.title }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const survey = await getSurvey({ projectId: access.projectId, surveyId: params.surveyId ?? "" });
  if (!survey) notFound(t);
  const canManage = can(access, "surveys.manage");
  // `?publication`: the summary before publishing pending changes (decision 014), for those who may.
  const wantsReview = canManage && new URL(request.url).searchParams.has("publication");
  const review = wantsReview ? await reviewSurveyDraft({ projectId: access.projectId, surveyId: survey.id }) : null;
  return json({
    survey,
    pageTitle: survey.title || t("surveys.untitled"),
    canManage,
    transitions: STATUS_TRANSITIONS[survey.status],
    review,
  });
}

const REFUSAL: Record<"stale" | "not_allowed" | "no_question", { status: number; key: MessageKey }> = {
  stale: { status: 409, key: "surveys.error.stale" },
  not_allowed: { status: 400, key: "surveys.error.notAllowed" },
  no_question: { status: 400, key: "surveys.error.noQuestion" },
};

type ActionData = { error: string | null; done: string | null; problems?: string[] };
const reply = (data: ActionData, init?: ResponseInit) => json(data, init);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "surveys.manage");
  const surveyId = params.surveyId ?? "";
  // Another project's survey is unknown here, whatever the form says: 404 before any validation.
  if (!(await getSurvey({ projectId: access.projectId, surveyId }))) notFound(t);
  const formData = await readForm(request, t);
  const parsed = actionSchema.safeParse({
    intent: text(formData, "intent"),
    from: text(formData, "from"),
    to: text(formData, "to"),
    stamp: text(formData, "stamp"),
  });
  if (!parsed.success) return reply({ error: t("surveys.invalidRequest"), done: null }, { status: 400 });
  if (parsed.data.intent === "publish") {
    const published = await publishSurveyDraft({ projectId: access.projectId, surveyId, stamp: parsed.data.stamp });
    if (published.ok)
      return reply({ error: null, done: t("surveys.publish.done", { number: published.versionNumber }) });
    if (published.reason === "not_found") notFound(t);
    if (published.reason === "blocked") {
      return json(
        {
          error: t("surveys.publish.blocked"),
          problems: published.problems.map((p) => describeProblem(t, p)),
          done: null,
        },
        { status: 400 },
      );
    }
    const key = published.reason === "stale" ? "surveys.publish.stale" : "surveys.publish.nothing";
    return reply({ error: t(key), done: null }, { status: 409 });
  }
  if (parsed.data.intent === "delete") {
    if (await deleteDraftSurvey({ projectId: access.projectId, surveyId })) {
      // Its design document goes through the collaboration server, which owns the update log
      // (and closes the designers' sockets first).
      await context.documents.removeDocument(`survey:${surveyId}`);
      return redirect(`/projects/${access.projectId}/surveys`);
    }
    return reply({ error: t("surveys.delete.refused"), done: null }, { status: 409 });
  }
  const outcome = await changeSurveyStatus({ projectId: access.projectId, surveyId, ...parsed.data });
  if (outcome.ok) {
    const done = outcome.status === "open" ? t("surveys.statusChanged.open") : t("surveys.statusChanged.closed");
    return reply({ error: null, done });
  }
  if (outcome.reason === "not_found") notFound(t);
  if (outcome.reason === "unpublishable") {
    const problems = outcome.problems.map((p) => describeProblem(t, p));
    return reply({ error: t("surveys.error.unpublishable"), problems, done: null }, { status: 400 });
  }
  const refusal = REFUSAL[outcome.reason];
  return reply({ error: t(refusal.key), done: null }, { status: refusal.status });
}

/** What the survey's pages get from this layout (`useOutletContext`). */
export type SurveyOutletContext = { setLiveTitle: (title: string) => void };

function transitionLabel(from: SurveyStatus, to: SurveyStatus): MessageKey {
  if (to === "closed") return "surveys.action.close";
  return from === "closed" ? "surveys.action.reopen" : "surveys.action.open";
}

export default function SurveyLayout() {
  const t = useT();
  const locale = useLocale();
  const { survey, pageTitle, canManage, transitions, review } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const base = `/projects/${useParams().projectId}/surveys`;
  const here = `${base}/${survey.id}`;
  // The designer reports the title as it is typed; the loader's copy is the projection's, a second behind.
  const [liveTitle, setLiveTitle] = useState<string | null>(null);
  useEffect(() => setLiveTitle(null), [survey.id]);
  return (
    <article className="survey-page stack" aria-labelledby="survey-title">
      <p>
        <Link to={base}>
          <span aria-hidden="true">← </span>
          {t("surveys.back")}
        </Link>
      </p>
      <header className="survey-header stack">
        <div className="page-heading">
          <h2 id="survey-title">{liveTitle === null ? pageTitle : liveTitle || t("surveys.untitled")}</h2>
          <p className="card-meta">
            <span className="visually-hidden">{t("surveys.status.label")} : </span>
            <SurveyStatusBadge status={survey.status} />
            {survey.openedAt ? (
              <span>{t("surveys.openedOn", { date: formatDate(locale, survey.openedAt) })}</span>
            ) : null}
            {survey.closedAt && survey.status === "closed" ? (
              <span>{t("surveys.closedOn", { date: formatDate(locale, survey.closedAt) })}</span>
            ) : null}
          </p>
        </div>
        <div aria-live="polite">{actionData?.done ? <p className="notice success">{actionData.done}</p> : null}</div>
        {actionData?.error ? (
          <div role="alert" className="form-error">
            <p>{actionData.error}</p>
            {actionData.problems ? (
              <ul>
                {actionData.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {review && !actionData?.done ? (
          <SurveyPublicationReview review={review} action={here} cancelTo={here} busy={busy} />
        ) : null}
        {canManage ? (
          <div className="survey-status-actions">
            {transitions.map((to) => (
              <Form method="post" key={to} className="inline-form">
                <input type="hidden" name="intent" value="status" />
                <input type="hidden" name="from" value={survey.status} />
                <input type="hidden" name="to" value={to} />
                <button type="submit" className={`button${to === "open" ? " primary" : ""}`} disabled={busy}>
                  {t(transitionLabel(survey.status, to))}
                </button>
                <span className="field-hint">{t(`surveys.action.hint.${survey.status}`)}</span>
              </Form>
            ))}
            {survey.status === "draft" && !survey.openedAt && survey.responseCount === 0 ? (
              <details className="survey-delete">
                <summary>{t("surveys.delete.summary")}</summary>
                <Form method="post" className="stack">
                  <p>{t("surveys.delete.warning")}</p>
                  <input type="hidden" name="intent" value="delete" />
                  <button type="submit" className="button danger" disabled={busy}>
                    {t("surveys.delete.confirm")}
                  </button>
                </Form>
              </details>
            ) : null}
          </div>
        ) : null}
        <nav aria-label={t("surveys.tabs.label")} className="tabs survey-tabs">
          <ul>
            <li>
              <NavLink to={here} end>
                {t("surveys.tabs.design")}
              </NavLink>
            </li>
            <li>
              <NavLink to={`${here}/collect`}>{t("surveys.tabs.collect")}</NavLink>
            </li>
            <li>
              <NavLink to={`${here}/results`}>{t("surveys.tabs.results")}</NavLink>
            </li>
          </ul>
        </nav>
      </header>
      <Outlet context={{ setLiveTitle } satisfies SurveyOutletContext} />
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
