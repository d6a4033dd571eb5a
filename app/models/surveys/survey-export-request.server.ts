import { requireProjectAccess } from "../projects/project-guard.server";
import { parseDay } from "./survey-answers.server";
import { lineUpQuestions } from "./survey-questions";
import { getProjectSurvey } from "./survey-responses.server";
import type { ResultsFilter } from "./survey-results.server";
import { notFound } from "~/utils/http.server";

/** What both export routes need: a member who may read, the survey, its questions and the filters of the results page. */
export async function readExportRequest(request: Request, params: { projectId?: string; surveyId?: string }) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const survey = await getProjectSurvey({ projectId: access.projectId, surveyId: params.surveyId ?? "" });
  if (!survey) notFound(t);
  const url = new URL(request.url);
  const day = (name: string) => parseDay((url.searchParams.get(name) ?? "").trim().slice(0, 20));
  const commune = (url.searchParams.get("commune") ?? "").trim();
  const filter: ResultsFilter = {
    from: day("from"),
    to: day("to"),
    commune: /^[0-9AB]{5}$/.test(commune) ? commune : null,
  };
  return { t, survey, filter, url, questions: lineUpQuestions(survey.versions) };
}

export function downloadHeaders(contentType: string, filename: string): HeadersInit {
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${filename}"`,
    // Responses are personal data: never kept by a shared cache.
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
}
