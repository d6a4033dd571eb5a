import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { xlsxExport } from "~/models/surveys/survey-export-xlsx.server";
import { lineUpQuestions } from "~/models/surveys/survey-questions";
import { getProjectSurvey } from "~/models/surveys/survey-responses.server";
import { downloadFilename, fileHeaders } from "~/utils/download.server";
import { methodNotAllowed, notFound } from "~/utils/http.server";
import { readSurveyFilter } from "~/utils/survey-filter";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * XLSX of the responses (streamed), with typed cells: what to open in a spreadsheet when the
 * CSV's guesses are not enough. Raw answers are personal data: coordinators and researchers
 * only (`surveys.rawAnswers`). `from`, `to`, `commune` filter as on the results page.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "surveys.rawAnswers");
  const survey = await getProjectSurvey({ projectId: access.projectId, surveyId: params.surveyId ?? "" });
  if (!survey) notFound(t);
  const stream = xlsxExport({
    surveyId: survey.id,
    questions: lineUpQuestions(survey.versions),
    versionNumbers: new Map(survey.versions.map((v) => [v.id, v.number])),
    filter: readSurveyFilter(new URL(request.url).searchParams, t).filter,
    drained: context.responseDrained,
    t,
  });
  const filename = downloadFilename({
    prefix: "enquete",
    title: survey.title,
    fallback: "reponses",
    extension: "xlsx",
  });
  return new Response(stream, { headers: fileHeaders({ contentType: XLSX_TYPE, filename }) });
}

/** Exports are only read. */
export const action = () => methodNotAllowed();
