import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { BarChart, TimeChart } from "~/components/survey-results/charts";
import { ErrorPage } from "~/components/error-page";
import { FieldMessages } from "~/components/form-field";
import { useLocale, useT } from "~/i18n/use-translation";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { OTHER_CHOICE, otherKey } from "~/models/surveys/survey-answers";
import { parseDay } from "~/models/surveys/survey-answers.server";
import { lineUpQuestions } from "~/models/surveys/survey-questions";
import { getProjectSurvey } from "~/models/surveys/survey-responses.server";
import {
  listTextAnswers,
  surveyCommunes,
  surveyResults,
  type QuestionResult,
  type ResultsFilter,
} from "~/models/surveys/survey-results.server";
import { formatDate, formatDateTime, formatNumber, isSingular } from "~/utils/format";
import { notFound } from "~/utils/http.server";
import { projectPageTitle } from "~/utils/page-title";
import surveyStyles from "~/styles/survey-answers.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const [page] = projectPageTitle(matches, "surveyAnswers.results.title");
  return [{ title: data ? `${data.title} · ${page!.title}` : page!.title }];
};

const SEARCH_MAX = 200;

function readFilters(url: URL): ResultsFilter & { text: string; search: string; page: number; badRange: boolean } {
  const day = (name: string) => {
    const value = (url.searchParams.get(name) ?? "").trim();
    return value ? parseDay(value.slice(0, 20)) : null;
  };
  const commune = (url.searchParams.get("commune") ?? "").trim();
  const page = Number(url.searchParams.get("page") ?? "1");
  const from = day("from");
  const to = day("to");
  // A start after the end would silently show no response: said, and the dates are ignored.
  const badRange = Boolean(from && to && from > to);
  return {
    from: badRange ? null : from,
    to: badRange ? null : to,
    badRange,
    commune: /^[0-9AB]{5}$/.test(commune) ? commune : null,
    text: (url.searchParams.get("texte") ?? "").slice(0, 100),
    search: (url.searchParams.get("q") ?? "").trim().slice(0, SEARCH_MAX),
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const survey = await getProjectSurvey({ projectId: access.projectId, surveyId: params.surveyId ?? "" });
  if (!survey) notFound(t);
  const questions = lineUpQuestions(survey.versions);
  const filters = readFilters(new URL(request.url));
  // Free-text lists: the question's own texts, and the "autre, précisez" texts of choice questions.
  const textKeys = questions.flatMap((q) =>
    q.type === "short_text" || q.type === "long_text"
      ? [{ key: q.id, label: q.label }]
      : "allowOther" in q && q.allowOther
        ? [{ key: otherKey(q.id), label: t("surveyAnswers.results.otherTexts", { label: q.label }) }]
        : [],
  );
  const [results, communes] = await Promise.all([
    surveyResults({ surveyId: survey.id, questions, filter: filters }),
    surveyCommunes(survey.id),
  ]);
  // The asked question, else the first one somebody answered.
  const answered = new Set(results.questions.filter((r) => r.answered > 0).map((r) => r.question.id));
  const textKey =
    textKeys.find((k) => k.key === filters.text)?.key ??
    textKeys.find((k) => answered.has(k.key))?.key ??
    textKeys[0]?.key ??
    null;
  const texts = textKey
    ? await listTextAnswers({
        surveyId: survey.id,
        key: textKey,
        filter: filters,
        search: filters.search,
        page: filters.page,
      })
    : null;
  return json({
    title: survey.title || survey.versions.at(-1)?.definition.title || "",
    filters,
    results,
    communes,
    textKeys,
    textKey,
    texts,
    exportBase: `/projects/${access.projectId}/surveys/${survey.id}`,
    search: new URL(request.url).search,
  });
}

export default function SurveyResults() {
  const t = useT();
  const locale = useLocale();
  const { title, filters, results, communes, textKeys, textKey, texts, exportBase, search } =
    useLoaderData<typeof loader>();
  const query = new URLSearchParams();
  if (filters.from) query.set("from", filters.from);
  if (filters.to) query.set("to", filters.to);
  if (filters.commune) query.set("commune", filters.commune);
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
        <p className="actions">
          <a className="button" href={`${exportBase}/export.csv${filterQuery}`} download>
            {t("surveyAnswers.results.exportCsv")}
          </a>
          <a className="button" href={`${exportBase}/export.csv?sep=comma${filterQuery ? `&${query}` : ""}`} download>
            {t("surveyAnswers.results.exportCsvComma")}
          </a>
          <a className="button" href={`${exportBase}/export.json${filterQuery}`} download>
            {t("surveyAnswers.results.exportJson")}
          </a>
        </p>
      </header>

      <Form method="get" className="panel filters" aria-label={t("surveyAnswers.results.filters")}>
        <div className="field">
          <label htmlFor="from">{t("surveyAnswers.results.from")}</label>
          <input id="from" name="from" type="date" defaultValue={filters.from ?? ""} className="date-input" />
        </div>
        <div className="field">
          <label htmlFor="to">{t("surveyAnswers.results.to")}</label>
          <input
            id="to"
            name="to"
            type="date"
            defaultValue={filters.to ?? ""}
            className="date-input"
            aria-invalid={filters.badRange || undefined}
            aria-describedby={filters.badRange ? "to-error" : undefined}
          />
          <FieldMessages name="to" error={filters.badRange ? t("surveyAnswers.results.badRange") : undefined} />
        </div>
        <div className="field">
          <label htmlFor="commune">{t("surveyAnswers.results.commune")}</label>
          <select id="commune" name="commune" defaultValue={filters.commune ?? ""}>
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
            <QuestionCard key={result.question.id} result={result} />
          ))}
        </div>
      )}

      {textKey && texts ? (
        <section className="panel stack" aria-labelledby="texts-title">
          <h3 id="texts-title">{t("surveyAnswers.results.texts")}</h3>
          <Form method="get" className="filters">
            {filters.from ? <input type="hidden" name="from" value={filters.from} /> : null}
            {filters.to ? <input type="hidden" name="to" value={filters.to} /> : null}
            {filters.commune ? <input type="hidden" name="commune" value={filters.commune} /> : null}
            <div className="field">
              <label htmlFor="texte">{t("surveyAnswers.results.textQuestion")}</label>
              <select id="texte" name="texte" defaultValue={textKey}>
                {textKeys.map((k) => (
                  <option key={k.key} value={k.key}>
                    {k.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="q">{t("surveyAnswers.results.search")}</label>
              <input id="q" name="q" type="search" defaultValue={filters.search} maxLength={SEARCH_MAX} />
            </div>
            <button type="submit" className="button">
              {t("surveyAnswers.results.searchSubmit")}
            </button>
          </Form>
          <p role="status">
            {t(
              isSingular(locale, texts.total)
                ? "surveyAnswers.results.textCountOne"
                : "surveyAnswers.results.textCount",
              {
                count: formatNumber(locale, texts.total),
              },
            )}
          </p>
          <ul className="text-answers">
            {texts.answers.map((answer) => (
              <li key={answer.id}>
                <span className="card-meta">{formatDateTime(locale, answer.submittedAt)}</span>
                <br />
                {answer.text}
              </li>
            ))}
          </ul>
          {texts.pageCount > 1 ? <Pager page={filters.page} pageCount={texts.pageCount} search={search} /> : null}
        </section>
      ) : null}
    </section>
  );
}

function Pager({ page, pageCount, search }: { page: number; pageCount: number; search: string }) {
  const t = useT();
  const link = (to: number) => {
    const params = new URLSearchParams(search);
    params.set("page", String(to));
    return `?${params}`;
  };
  return (
    <nav aria-label={t("surveyAnswers.results.pages")} className="actions">
      {page > 1 ? <Link to={link(page - 1)}>{t("surveyAnswers.results.previous")}</Link> : null}
      <span>{t("surveyAnswers.results.pageOf", { page, count: pageCount })}</span>
      {page < pageCount ? <Link to={link(page + 1)}>{t("surveyAnswers.results.next")}</Link> : null}
    </nav>
  );
}

function QuestionCard({ result }: { result: QuestionResult }) {
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
      {result.kind === "text" ? <p className="field-hint">{t("surveyAnswers.results.seeTexts")}</p> : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
