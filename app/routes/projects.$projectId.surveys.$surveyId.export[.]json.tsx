import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { jsonExport } from "~/models/surveys/survey-export.server";
import { lineUpQuestions } from "~/models/surveys/survey-questions";
import { getProjectSurvey } from "~/models/surveys/survey-responses.server";
import { downloadFilename, fileHeaders } from "~/utils/download.server";
import { methodNotAllowed, notFound } from "~/utils/http.server";
import { readSurveyFilter } from "~/utils/survey-filter";

/**
 * JSON: question definitions of every version, then the responses (streamed), filtered as the
 * CSV. Raw answers are personal data: coordinators and researchers only (`surveys.rawAnswers`).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "surveys.rawAnswers");
  const survey = await getProjectSurvey({ projectId: access.projectId, surveyId: params.surveyId ?? "" });
  if (!survey) notFound(t);
  const stream = jsonExport({
    survey: { id: survey.id, title: survey.title, status: survey.status },
    versions: survey.versions,
    questions: lineUpQuestions(survey.versions),
    filter: readSurveyFilter(new URL(request.url).searchParams, t).filter,
    drained: context.responseDrained,
  });
  const filename = downloadFilename({
    prefix: "enquete",
    title: survey.title,
    fallback: "reponses",
    extension: "json",
  });
  return new Response(stream, {
    headers: fileHeaders({ contentType: "application/json; charset=utf-8", filename }),
  });
}

/** Exports are only read. */
export const action = () => methodNotAllowed();
