import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvExport, exportFilename } from "~/models/surveys/survey-export.server";
import { downloadHeaders, readExportRequest } from "~/models/surveys/survey-export-request.server";

/** CSV of the responses (streamed). `?sep=comma` for a comma-separated file; `from`, `to`, `commune` filter. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { t, survey, filter, url, questions } = await readExportRequest(request, params);
  const stream = csvExport({
    surveyId: survey.id,
    questions,
    versionNumbers: new Map(survey.versions.map((v) => [v.id, v.number])),
    filter,
    drained: context.responseDrained,
    separator: url.searchParams.get("sep") === "comma" ? "," : ";",
    t,
  });
  return new Response(stream, {
    headers: downloadHeaders("text/csv; charset=utf-8", exportFilename(survey.title, "csv")),
  });
}
