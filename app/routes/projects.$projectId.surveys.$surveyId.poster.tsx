import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { useT } from "~/i18n/use-translation";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { qrSvg, shortSurveyUrl } from "~/models/surveys/survey-qr.server";
import { getProjectSurvey } from "~/models/surveys/survey-responses.server";
import { ensureShortCode } from "~/models/surveys/survey-short-code.server";
import { notFound } from "~/utils/http.server";
import { projectPageTitle } from "~/utils/page-title";
import surveyStyles from "~/styles/survey-answers.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];

export const meta: MetaFunction = ({ matches }) => projectPageTitle(matches, "surveyAnswers.collect.poster");

/**
 * A page to print and pin up (town hall, market, shop window): title, QR code, and the short
 * address, which a person can type from the paper (issue 13, point 2).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const survey = await getProjectSurvey({ projectId: access.projectId, surveyId: params.surveyId ?? "" });
  if (!survey) notFound(t);
  const url = shortSurveyUrl({ origin: new URL(request.url).origin, code: await ensureShortCode(survey.id) });
  const current = survey.versions.find((v) => v.id === survey.currentVersionId);
  return json({
    title: survey.title || current?.definition.title || "",
    url,
    qr: await qrSvg(url),
    answerable: survey.status === "open",
  });
}

export default function SurveyPoster() {
  const t = useT();
  const { title, url, qr, answerable } = useLoaderData<typeof loader>();
  return (
    <article className="panel poster stack" aria-labelledby="poster-title">
      <p className="no-print">
        <Link to="../collect" relative="path">
          {t("surveyAnswers.collect.back")}
        </Link>{" "}
        <PrintButton />
      </p>
      {answerable ? null : (
        // A poster pinned up for a survey nobody can answer yet (or any more) would only disappoint.
        <p className="notice no-print" role="status">
          {t("surveyAnswers.collect.posterNotOpen")}
        </p>
      )}
      <h2 id="poster-title">{t("surveyAnswers.collect.posterTitle")}</h2>
      <p className="lead">{title}</p>
      <figure className="qr-code">
        <div role="img" aria-label={t("surveyAnswers.collect.qr")} dangerouslySetInnerHTML={{ __html: qr }} />
      </figure>
      <p>{t("surveyAnswers.collect.posterScan")}</p>
      <p>
        <strong>{url.replace(/^https?:\/\//, "")}</strong>
      </p>
    </article>
  );
}

function PrintButton() {
  const t = useT();
  return (
    <button type="button" className="button small" onClick={() => window.print()}>
      {t("surveyAnswers.collect.print")}
    </button>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
