import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { csvExport } from "~/models/surveys/survey-export.server";
import { lineUpQuestions } from "~/models/surveys/survey-questions";
import { getProjectSurvey } from "~/models/surveys/survey-responses.server";
import { downloadFilename, fileHeaders } from "~/utils/download.server";
import { methodNotAllowed, notFound } from "~/utils/http.server";
import { readSurveyFilter } from "~/utils/survey-filter";

/**
 * CSV of the responses (streamed). `?sep=comma` for a comma-separated file; `from`, `to`,
 * `commune` filter as on the results page (a filter the page ignores is ignored here too).
 * Raw answers are personal data: coordinators and researchers only (`surveys.rawAnswers`).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "surveys.rawAnswers");
  const survey = await getProjectSurvey({ projectId: access.projectId, surveyId: params.surveyId ?? "" });
  if (!survey) notFound(t);
  const query = new URL(request.url).searchParams;
  const stream = csvExport({
    surveyId: survey.id,
    questions: lineUpQuestions(survey.versions),
    versionNumbers: new Map(survey.versions.map((v) => [v.id, v.number])),
    filter: readSurveyFilter(query, t).filter,
    drained: context.responseDrained,
    separator: query.get("sep") === "comma" ? "," : ";",
    t,
  });
  const filename = downloadFilename({ prefix: "enquete", title: survey.title, fallback: "reponses", extension: "csv" });
  return new Response(stream, { headers: fileHeaders({ contentType: "text/csv; charset=utf-8", filename }) });
}

/** Exports are only read. */
export const action = () => methodNotAllowed();
