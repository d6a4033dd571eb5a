import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams, useRouteError } from "@remix-run/react";
import { CyclePhaseFilters } from "~/components/cycle-phase-fields";
import { PhaseBadge } from "~/components/phase-badge";
import { z } from "zod";
import { ErrorPage } from "~/components/error-page";
import { SurveyStatusBadge } from "~/components/survey-status-badge";
import type { Translator } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-translation";
import { listCycles } from "~/models/timeline/cycle.server";
import { can } from "~/models/projects/permissions.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { createSurvey, listSurveys } from "~/models/surveys/survey.server";
import styles from "~/styles/surveys.css";
import { formatDate } from "~/utils/format";
import { readForm, text } from "~/utils/forms.server";
import { projectPageTitle } from "~/utils/page-title";
import { PHASES } from "~/models/core/vocabulary";

const actionSchema = z.object({ intent: z.literal("create") });

/** Filters from the address: anything odd is simply no filter (bookmarked or hand-edited links). */
const filtersSchema = z.object({
  cycle: z.string().max(64).catch(""),
  phase: z.enum(["", ...PHASES]).catch(""),
});

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ matches }) => projectPageTitle(matches, "surveys.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access } = await requireProjectAccess(request, params.projectId, "content.read");
  const url = new URL(request.url);
  const values = filtersSchema.parse({
    cycle: url.searchParams.get("cycle") ?? undefined,
    phase: url.searchParams.get("phase") ?? undefined,
  });
  const [surveys, cycles] = await Promise.all([
    listSurveys({
      projectId: access.projectId,
      filters: { cycleId: values.cycle || null, phase: values.phase || null },
    }),
    listCycles({ projectId: access.projectId }),
  ]);
  return json({
    surveys,
    cycles,
    filterValues: values,
    filtered: Boolean(values.cycle || values.phase),
    canCreate: can(access, "surveys.edit"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "surveys.edit");
  const parsed = actionSchema.safeParse({ intent: text(await readForm(request, t), "intent") });
  if (!parsed.success) return json({ error: t("surveys.invalidRequest") }, { status: 400 });
  const survey = await createSurvey({ projectId: access.projectId, createdById: user.id });
  return redirect(`/projects/${access.projectId}/surveys/${survey.id}`);
}

function countLabel(t: Translator, key: "questions" | "responses", count: number) {
  if (count === 0) return t(`surveys.${key}.none`);
  return count === 1 ? t(`surveys.${key}.one`) : t(`surveys.${key}.many`, { count });
}

export default function SurveysPage() {
  const t = useT();
  const locale = useLocale();
  const { surveys, cycles, filterValues, filtered, canCreate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const projectId = useParams().projectId!;
  const busy = useNavigation().formMethod === "POST";
  return (
    <section className="panel stack" aria-labelledby="surveys-title">
      <div className="page-heading">
        <h2 id="surveys-title">{t("surveys.title")}</h2>
        {canCreate ? (
          <Form method="post">
            <input type="hidden" name="intent" value="create" />
            <button type="submit" className="button primary" disabled={busy}>
              {t("surveys.new")}
            </button>
          </Form>
        ) : null}
      </div>
      {actionData?.error ? (
        <p role="alert" className="form-error">
          {actionData.error}
        </p>
      ) : null}
      {canCreate ? null : <p className="notice">{t("surveys.readOnlyList")}</p>}
      <Form method="get" aria-label={t("surveys.filters.label")} className="survey-filters">
        <div className="note-filter-grid">
          <CyclePhaseFilters cycles={cycles} values={{ cycleId: filterValues.cycle, phase: filterValues.phase }} />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t("surveys.filters.apply")}
          </button>
          {filtered ? (
            <Link to={`/projects/${projectId}/surveys`} className="button">
              {t("surveys.filters.reset")}
            </Link>
          ) : null}
        </div>
      </Form>
      <p role="status">
        {surveys.length === 0
          ? t("surveys.count.none")
          : surveys.length === 1
            ? t("surveys.count.one")
            : t("surveys.count.many", { count: surveys.length })}
      </p>
      {surveys.length ? (
        <ul className="card-list survey-list">
          {surveys.map((survey) => (
            <li key={survey.id} className="card survey-card">
              <h3>
                <Link to={`/projects/${projectId}/surveys/${survey.id}`}>{survey.title || t("surveys.untitled")}</Link>
              </h3>
              <p className="card-meta">
                <SurveyStatusBadge status={survey.status} />
                {survey.phase ? <PhaseBadge phase={survey.phase} cycle={survey.cycle?.number} /> : null}
                <span>{countLabel(t, "questions", survey.questionCount)}</span>
                <span>{countLabel(t, "responses", survey.responseCount)}</span>
              </p>
              <p className="card-meta">
                <span>
                  {survey.createdBy
                    ? t("surveys.createdBy", {
                        name: survey.createdBy.name,
                        date: formatDate(locale, survey.createdAt),
                      })
                    : t("surveys.createdOn", { date: formatDate(locale, survey.createdAt) })}
                </span>
                <span>{t("surveys.updatedOn", { date: formatDate(locale, survey.updatedAt) })}</span>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <div className="empty">
          <p>
            <strong>{t("surveys.empty.title")}</strong>
          </p>
          <p>{canCreate ? t("surveys.empty.canCreate") : t("surveys.empty.readOnly")}</p>
        </div>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
