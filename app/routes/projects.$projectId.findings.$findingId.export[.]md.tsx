import type { LoaderFunctionArgs } from "@remix-run/node";
import { findingsMarkdown } from "~/models/findings/finding-markdown";
import { reportFinding } from "~/models/findings/finding-report.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { downloadFilename, fileHeaders } from "~/utils/download.server";
import { methodNotAllowed, notFound } from "~/utils/http.server";

/** One finding as Markdown, its evidence as footnotes. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const report = await reportFinding({
    access,
    findingId: params.findingId ?? "",
    readDocument: context.documents.read,
  });
  if (!report) notFound(t);
  const title = report.finding.title || t("findings.untitled");
  const body = findingsMarkdown({
    t,
    title,
    findings: [{ ...report, finding: { ...report.finding, title } }],
    siteUrl: new URL(request.url).origin,
    projectId: access.projectId,
  });
  const filename = downloadFilename({ prefix: "constat", title, fallback: "constat", extension: "md" });
  return new Response(body, { headers: fileHeaders({ contentType: "text/markdown; charset=utf-8", filename }) });
}

export const action = () => methodNotAllowed();
