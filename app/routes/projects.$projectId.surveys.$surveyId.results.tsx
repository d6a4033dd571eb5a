import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { BarChart, TimeChart } from "~/components/survey-results/charts";
import { ExportLinks, TEXT_SEARCH_MAX, TextAnswers } from "~/components/survey-results/text-answers";
import { ErrorPage } from "~/components/error-page";
import { CitedIn, type CitingFindingLink } from "~/components/findings/cited-in";
import { FieldMessages } from "~/components/form-field";
import { useLocale, useT } from "~/i18n/use-translation";
import { findingsCitingQuestions } from "~/models/findings/evidence-links.server";
import { visibleFindingsWhere } from "~/models/review/finding-visibility.server";
import { can } from "~/models/projects/permissions.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { OTHER_CHOICE, otherKey } from "~/models/surveys/survey-answers";
import { lineUpQuestions } from "~/models/surveys/survey-questions";
import { getProjectSurvey } from "~/models/surveys/survey-responses.server";
import {
  listTextAnswers,
  surveyCommunes,
  surveyResults,
  type QuestionResult,
} from "~/models/surveys/survey-results.server";
import { formatDate, formatNumber, isSingular } from "~/utils/format";
import { notFound } from "~/utils/http.server";
import { projectPageTitle } from "~/utils/page-title";
import { readSurveyFilter } from "~/utils/survey-filter";
import surveyStyles from "~/styles/survey-answers.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const [page] = projectPageTitle(matches, "surveyAnswers.results.title");
  return [{ title: data ? `${data.title} · ${page!.title}` : page!.title }];
};

// What the page adds to the survey filter: which free texts to list, searched, and which page.
const listingSchema = z.object({
  texte: z
    .string()
    .catch("")
    .transform((key) => key.slice(0, 100)),
  q: z
    .string()
    .catch("")
    .transform((q) => q.trim().slice(0, TEXT_SEARCH_MAX)),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const survey = await getProjectSurvey({ projectId: access.projectId, surveyId: params.surveyId ?? "" });
  if (!survey) notFound(t);
  const questions = lineUpQuestions(survey.versions);
  const query = new URL(request.url).searchParams;
  const { filter, errors } = readSurveyFilter(query, t);
  const listing = listingSchema.parse({
    texte: query.get("texte") ?? undefined,
    q: query.get("q") ?? undefined,
    page: query.get("page") ?? undefined,
  });
  // Raw answers are personal data (issue 13, point 5): without `surveys.rawAnswers`, the page
  // shows the aggregated results only — no free text, no export link.
  const raw = can(access, "surveys.rawAnswers");
  // Free-text lists: the question's own texts, and the "autre, précisez" texts of choice questions.
  const textKeys = questions.flatMap((q) =>
    q.type === "short_text" || q.type === "long_text"
      ? [{ key: q.id, label: q.label }]
      : "allowOther" in q && q.allowOther
        ? [{ key: otherKey(q.id), label: t("surveyAnswers.results.otherTexts", { label: q.label }) }]
        : [],
  );
  const [results, communes, citedIn] = await Promise.all([
    surveyResults({ surveyId: survey.id, questions, filter }),
    surveyCommunes(survey.id),
    findingsCitingQuestions({
      projectId: access.projectId,
      surveyId: survey.id,
      visible: visibleFindingsWhere(access),
    }),
  ]);
  // The asked question, else the first one somebody answered.
  const answered = new Set(results.questions.filter((r) => r.answered > 0).map((r) => r.question.id));
  const textKey =
    textKeys.find((k) => k.key === listing.texte)?.key ??
    textKeys.find((k) => answered.has(k.key))?.key ??
    textKeys[0]?.key ??
    null;
  const texts =
    raw && textKey
      ? await listTextAnswers({
          surveyId: survey.id,
          key: textKey,
          filter,
          search: listing.q,
          page: listing.page,
        })
      : null;
  return json({
    raw,
    title: survey.title || survey.versions.at(-1)?.definition.title || "",
    filter,
    errors,
    search: listing.q,
    page: listing.page,
    results,
    communes,
    textKeys: raw ? textKeys : [],
    textKey: raw ? textKey : null,
    texts,
    citedIn,
    projectId: access.projectId,
    exportBase: `/projects/${access.projectId}/surveys/${survey.id}`,
    address: new URL(request.url).search,
  });
}

export default function SurveyResults() {
  const t = useT();
  const locale = useLocale();
  const { raw, title, filter, errors, search, page, results, communes, textKeys, textKey, texts, exportBase, address } =
    useLoaderData<typeof loader>();
  const { citedIn, projectId } = useLoaderData<typeof loader>();
  const query = new URLSearchParams();
  if (filter.from) query.set("from", filter.from);
  if (filter.to) query.set("to", filter.to);
  if (filter.commune) query.set("commune", filter.commune);
  const filterQuery = query.toString() ? `?${query}` : "";
  return (
    <section className="stack survey-results" aria-labelledby="results-title">
      <header className="page-heading">
        <div>
          <h2 id="results-title">{t("surveyAnswers.results.heading", { title })}</h2>
          <p className="lead" role="status">
            {t(isSingular(locale, results.total) ? "surveyAnswers.results.totalOne" : "surveyAnswers.results.total", {
              count: formatNumber(locale, results.total),
            })}
          </p>
        </div>
        {raw ? <ExportLinks exportBase={exportBase} query={query} /> : null}
      </header>
      {raw ? null : <p className="notice">{t("surveyAnswers.results.rawOnlyFor")}</p>}

      <Form method="get" className="panel filters" aria-label={t("surveyAnswers.results.filters")}>
        <div className="field">
          <label htmlFor="from">{t("surveyAnswers.results.from")}</label>
          <input
            id="from"
            name="from"
            type="date"
            defaultValue={filter.from ?? ""}
            className="date-input"
            aria-invalid={errors.from ? true : undefined}
            aria-describedby={errors.from ? "from-error" : undefined}
          />
          <FieldMessages name="from" error={errors.from} />
        </div>
        <div className="field">
          <label htmlFor="to">{t("surveyAnswers.results.to")}</label>
          <input
            id="to"
            name="to"
            type="date"
            defaultValue={filter.to ?? ""}
            className="date-input"
            aria-invalid={errors.to ? true : undefined}
            aria-describedby={errors.to ? "to-error" : undefined}
          />
          <FieldMessages name="to" error={errors.to} />
        </div>
        <div className="field">
          <label htmlFor="commune">{t("surveyAnswers.results.commune")}</label>
          <select id="commune" name="commune" defaultValue={filter.commune ?? ""}>
            <option value="">{t("surveyAnswers.results.allCommunes")}</option>
            {communes.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button primary">
          {t("surveyAnswers.results.apply")}
        </button>
        {filterQuery ? <Link to=".">{t("surveyAnswers.results.reset")}</Link> : null}
      </Form>

      {results.total === 0 ? (
        <p className="notice">{t("surveyAnswers.results.none")}</p>
      ) : (
        <div className="results-grid">
          <section className="panel result-card" aria-labelledby="over-time">
            <h3 id="over-time">{t("surveyAnswers.results.overTime")}</h3>
            <TimeChart title={t("surveyAnswers.results.overTime")} days={results.perDay} />
          </section>
          <section className="panel result-card" aria-labelledby="by-commune">
            <h3 id="by-commune">{t("surveyAnswers.results.byCommune")}</h3>
            <BarChart
              title={t("surveyAnswers.results.byCommune")}
              bars={results.perCommune.slice(0, 30).map((c) => ({
                label: c.name ?? t("surveyAnswers.results.noCommune"),
                count: c.count,
                percent: Math.round((c.count / results.total) * 1000) / 10,
              }))}
            />
          </section>
          {results.questions.map((result) => (
            <QuestionCard
              key={result.question.id}
              result={result}
              raw={raw}
              cited={citedIn[result.question.id]}
              projectId={projectId}
            />
          ))}
        </div>
      )}

      {textKey && texts ? (
        <TextAnswers
          filter={filter}
          textKeys={textKeys}
          textKey={textKey}
          texts={texts}
          search={search}
          page={page}
          address={address}
        />
      ) : null}
    </section>
  );
}

function QuestionCard({
  result,
  raw,
  cited,
  projectId,
}: {
  result: QuestionResult;
  raw: boolean;
  /** The findings citing this question (reverse link). */
  cited?: CitingFindingLink[];
  projectId: string;
}) {
  const t = useT();
  const locale = useLocale();
  const { question } = result;
  const num = (value: number | null) => (value === null ? "—" : formatNumber(locale, Math.round(value * 100) / 100));
  const headingId = `result-${question.id}`;
  return (
    <section className="panel result-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{question.label}</h3>
      <p className="card-meta">
        {t("surveyAnswers.results.answered", { count: formatNumber(locale, result.answered) })}
        {question.versions.length > 0
          ? ` · ${t("surveyAnswers.results.versions", { list: question.versions.join(", ") })}`
          : ""}
      </p>
      <CitedIn findings={cited} projectId={projectId} />
      {result.kind === "choice" || result.kind === "scale" || result.kind === "commune" ? (
        <BarChart
          title={question.label}
          bars={result.counts.map((c) => ({
            label: c.value === OTHER_CHOICE ? t("surveyAnswers.form.other") : c.label,
            count: c.count,
            percent: c.percent,
          }))}
        />
      ) : null}
      {result.kind === "scale" || result.kind === "number" ? (
        <dl className="stats">
          <dt>{t("surveyAnswers.results.mean")}</dt>
          <dd>{num(result.mean)}</dd>
          <dt>{t("surveyAnswers.results.median")}</dt>
          <dd>{num(result.median)}</dd>
          {result.kind === "number" ? (
            <>
              <dt>{t("surveyAnswers.results.min")}</dt>
              <dd>{num(result.min)}</dd>
              <dt>{t("surveyAnswers.results.max")}</dt>
              <dd>{num(result.max)}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {result.kind === "date" && result.earliest ? (
        <p>
          {t("surveyAnswers.results.dateRange", {
            from: formatDate(locale, result.earliest),
            to: formatDate(locale, result.latest ?? result.earliest),
          })}
        </p>
      ) : null}
      {result.kind === "text" ? (
        <p className="field-hint">{t(raw ? "surveyAnswers.results.seeTexts" : "surveyAnswers.results.textsHidden")}</p>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
