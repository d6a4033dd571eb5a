import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useOutletContext,
  useParams,
  useRouteError,
} from "@remix-run/react";
import { useState } from "react";
import { CyclePhaseFields } from "~/components/cycle-phase-fields";
import { ErrorPage } from "~/components/error-page";
import { SurveyDesignerArea } from "~/components/survey-designer-area";
import { useT } from "~/i18n/use-translation";
import { cyclePhaseSchema, listCycles } from "~/models/timeline/cycle.server";
import { can } from "~/models/projects/permissions.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { getSurvey, getSurveyDesign, setSurveyCyclePhase } from "~/models/surveys/survey.server";
import { readForm, text, validate } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import type { SurveyOutletContext } from "./projects.$projectId.surveys.$surveyId";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const surveyId = params.surveyId ?? "";
  const [design, survey, cycles] = await Promise.all([
    getSurveyDesign({ projectId: access.projectId, surveyId }),
    getSurvey({ projectId: access.projectId, surveyId }),
    listCycles({ projectId: access.projectId }),
  ]);
  if (!design || !survey) notFound(t);
  return json({
    cycles,
    placement: { cycleId: survey.cycleId ?? "", phase: survey.phase ?? "" },
    surveyId: design.id,
    definition: design.definition,
    published: design.published,
    hasDraft: design.hasDraft,
    hasResponses: design.responseCount > 0,
    canEdit: can(access, "surveys.edit"),
    canManage: can(access, "surveys.manage"),
    viewer: { id: user.id, name: user.name },
  });
}

/** Where the survey sits in the action-research cycle: the one form of the design page. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "surveys.edit");
  const surveyId = params.surveyId ?? "";
  if (!(await getSurvey({ projectId: access.projectId, surveyId }))) notFound(t);
  const form = await readForm(request, t);
  const result = validate(cyclePhaseSchema(t, await listCycles({ projectId: access.projectId })), {
    cycleId: text(form, "cycleId"),
    phase: text(form, "phase"),
  });
  if (!result.ok) return json({ errors: result.fieldErrors, saved: false }, { status: 400 });
  if (!(await setSurveyCyclePhase({ projectId: access.projectId, surveyId, ...result.data }))) notFound(t);
  return json({ errors: {}, saved: true });
}

function CyclePlacementForm({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const { cycles, placement } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().formMethod === "POST";
  if (!canEdit) return null;
  return (
    <details className="panel survey-placement">
      <summary>{t("surveys.placement.summary")}</summary>
      <Form method="post" className="stack">
        <CyclePhaseFields cycles={cycles} values={placement} errors={result?.errors ?? {}} />
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {t("surveys.placement.save")}
          </button>
          <p role="status">{result?.saved ? t("surveys.placement.saved") : ""}</p>
        </div>
      </Form>
    </details>
  );
}

/**
 * "Modifications non publiées" (decision 014): an opened survey's design changes wait for a
 * member with surveys.manage. The region is always there, so that its appearing is announced.
 */
function UnpublishedNotice({ shown, canManage }: { shown: boolean; canManage: boolean }) {
  const t = useT();
  const { projectId, surveyId } = useParams();
  return (
    <div role="status">
      {shown ? (
        <div className="notice unpublished-notice stack">
          <p>
            <strong>{t("surveys.draft.notice")}</strong> — {t("surveys.draft.explain")}
          </p>
          {canManage ? (
            <p>
              <Link to={`/projects/${projectId}/surveys/${surveyId}?publication`} className="button primary">
                {t("surveys.draft.review")}
              </Link>
            </p>
          ) : (
            <p>{t("surveys.draft.askManager")}</p>
          )}
        </div>
      ) : null}
    </div>
  );
}

export default function SurveyDesignPage() {
  const t = useT();
  const { surveyId, definition, published, hasDraft, hasResponses, canEdit, canManage, viewer } =
    useLoaderData<typeof loader>();
  const { setLiveTitle } = useOutletContext<SurveyOutletContext>();
  // The server's word until the live designer has compared the document with the published version.
  const [liveUnpublished, setLiveUnpublished] = useState<boolean | null>(null);
  return (
    <section className="stack" aria-labelledby="survey-design-title">
      <h3 id="survey-design-title" className="visually-hidden">
        {t("surveys.designer.title")}
      </h3>
      {canEdit ? null : <p className="notice">{t("surveys.readOnlyDesign")}</p>}
      {canEdit && hasResponses && !published ? <p className="notice">{t("surveys.versionNotice")}</p> : null}
      {published ? <UnpublishedNotice shown={liveUnpublished ?? hasDraft} canManage={canManage} /> : null}
      <CyclePlacementForm canEdit={canEdit} />
      <SurveyDesignerArea
        docName={`survey:${surveyId}`}
        user={viewer}
        readOnly={!canEdit}
        definition={definition}
        onTitle={setLiveTitle}
        published={published}
        onUnpublished={setLiveUnpublished}
      />
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
