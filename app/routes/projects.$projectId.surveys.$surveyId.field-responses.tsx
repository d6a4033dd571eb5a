import { json, type ActionFunctionArgs } from "@remix-run/node";
import { localeFromRequest } from "~/i18n";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { getProjectSurvey } from "~/models/surveys/survey-responses.server";
import { submitAnswers } from "~/models/surveys/survey-submit.server";
import { readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";

/**
 * Field entry: a member with `surveys.collect` sends one response collected on paper or in
 * the street (channel "field"). JSON answers, for the collect page and its offline queue:
 * 200 stored (or already stored: same submission key), 400 with messages, 410 when closed.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "surveys.collect");
  const survey = await getProjectSurvey({ projectId: access.projectId, surveyId: params.surveyId ?? "" });
  if (!survey) notFound(t);
  if (survey.status !== "open") {
    const key =
      survey.status === "closed" ? "surveyAnswers.unavailable.closed.title" : "surveyAnswers.unavailable.draft.title";
    return json({ formError: t(key), errors: {} }, { status: survey.status === "closed" ? 410 : 409 });
  }
  const formData = await readForm(request, t);
  const result = await submitAnswers({
    surveyId: survey.id,
    formData,
    channel: "field",
    enteredById: user.id,
    t,
    locale: localeFromRequest(request),
  });
  if (result.outcome === "invalid") {
    return json({ formError: result.formError, errors: result.errors }, { status: 400 });
  }
  return json({ outcome: result.outcome });
}

export async function loader() {
  throw new Response("", { status: 405 });
}
