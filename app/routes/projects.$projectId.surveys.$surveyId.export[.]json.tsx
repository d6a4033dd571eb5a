import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportFilename, jsonExport } from "~/models/surveys/survey-export.server";
import { downloadHeaders, readExportRequest } from "~/models/surveys/survey-export-request.server";

/** JSON: question definitions of every version, then the responses (streamed). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { survey, filter, questions } = await readExportRequest(request, params);
  const stream = jsonExport({
    survey: { id: survey.id, title: survey.title, status: survey.status },
    versions: survey.versions,
    questions,
    filter,
    drained: context.responseDrained,
  });
  return new Response(stream, {
    headers: downloadHeaders("application/json; charset=utf-8", exportFilename(survey.title, "json")),
  });
}
