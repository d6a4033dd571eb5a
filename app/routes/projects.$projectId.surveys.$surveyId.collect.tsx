import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { CopyField } from "~/components/copy-field";
import { ErrorPage } from "~/components/error-page";
import { FieldEntry } from "~/components/survey-collect/field-entry";
import { useT } from "~/i18n/use-translation";
import { can } from "~/models/projects/permissions.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { qrSvg, shortSurveyUrl } from "~/models/surveys/survey-qr.server";
import { ensureShortCode } from "~/models/surveys/survey-short-code.server";
import { getProjectSurvey } from "~/models/surveys/survey-responses.server";
import { notFound } from "~/utils/http.server";
import { projectPageTitle } from "~/utils/page-title";
import surveyStyles from "~/styles/survey-answers.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const [page] = projectPageTitle(matches, "surveyAnswers.collect.title");
  return [{ title: data ? `${data.title} · ${page!.title}` : page!.title }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const survey = await getProjectSurvey({ projectId: access.projectId, surveyId: params.surveyId ?? "" });
  if (!survey) notFound(t);
  const current = survey.versions.find((v) => v.id === survey.currentVersionId) ?? null;
  // The short address, as on the poster: one a person can read out and type (the long link keeps working).
  const url = shortSurveyUrl({ origin: new URL(request.url).origin, code: await ensureShortCode(survey.id) });
  return json({
    title: survey.title || current?.definition.title || "",
    status: survey.status,
    surveyId: survey.id,
    publicUrl: url,
    qr: await qrSvg(url),
    canCollect: can(access, "surveys.collect"),
    userId: user.id,
    // Kept in the page (and so in the service worker's copy): field entry works offline.
    current: current ? { id: current.id, definition: current.definition } : null,
    postUrl: `/projects/${access.projectId}/surveys/${survey.id}/field-responses`,
  });
}

export default function SurveyCollect() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <section className="stack survey-collect" aria-labelledby="collect-title">
      <h2 id="collect-title">{t("surveyAnswers.collect.heading", { title: data.title })}</h2>
      {data.status !== "open" ? <p className="notice">{t(`surveyAnswers.collect.status.${data.status}`)}</p> : null}
      <div className="panel stack">
        <CopyField label={t("surveyAnswers.collect.link")} value={data.publicUrl} />
        <p className="field-hint">{t("surveyAnswers.collect.linkHint")}</p>
        <figure className="qr-code">
          {/* SVG made on the server by the qrcode package from our own URL: no user markup in it. */}
          <div role="img" aria-label={t("surveyAnswers.collect.qr")} dangerouslySetInnerHTML={{ __html: data.qr }} />
        </figure>
        <p>
          <Link to="../poster" relative="path">
            {t("surveyAnswers.collect.poster")}
          </Link>
        </p>
      </div>
      <section className="panel stack" aria-labelledby="field-title">
        <h3 id="field-title">{t("surveyAnswers.collect.field")}</h3>
        {!data.canCollect ? (
          <p className="notice">{t("surveyAnswers.collect.readOnly")}</p>
        ) : data.status === "open" && data.current ? (
          <>
            <p>{t("surveyAnswers.collect.fieldIntro")}</p>
            <FieldEntry
              definition={data.current.definition}
              versionId={data.current.id}
              postUrl={data.postUrl}
              userId={data.userId}
              surveyId={data.surveyId}
            />
          </>
        ) : null}
      </section>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
