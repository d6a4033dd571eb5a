import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useOutletContext, useRouteError } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { SurveyDesignerArea } from "~/components/survey-designer-area";
import { useT } from "~/i18n/use-translation";
import { can } from "~/models/permissions.server";
import { requireProjectAccess } from "~/models/project-guard.server";
import { getSurveyDesign } from "~/models/survey.server";
import { notFound } from "~/utils/http.server";
import type { SurveyOutletContext } from "./projects.$projectId.surveys.$surveyId";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const design = await getSurveyDesign({ projectId: access.projectId, surveyId: params.surveyId ?? "" });
  if (!design) notFound(t);
  return json({
    surveyId: design.id,
    definition: design.definition,
    hasResponses: design.responseCount > 0,
    canEdit: can(access, "surveys.edit"),
    viewer: { id: user.id, name: user.name },
  });
}

export default function SurveyDesignPage() {
  const t = useT();
  const { surveyId, definition, hasResponses, canEdit, viewer } = useLoaderData<typeof loader>();
  const { setLiveTitle } = useOutletContext<SurveyOutletContext>();
  return (
    <section className="stack" aria-labelledby="survey-design-title">
      <h3 id="survey-design-title" className="visually-hidden">
        {t("surveys.designer.title")}
      </h3>
      {canEdit ? null : <p className="notice">{t("surveys.readOnlyDesign")}</p>}
      {canEdit && hasResponses ? <p className="notice">{t("surveys.versionNotice")}</p> : null}
      <SurveyDesignerArea
        docName={`survey:${surveyId}`}
        user={viewer}
        readOnly={!canEdit}
        definition={definition}
        onTitle={setLiveTitle}
      />
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
