import type { LoaderFunctionArgs } from "@remix-run/node";
import { findingsMarkdown } from "~/models/findings/finding-markdown";
import { reportAllFindings } from "~/models/findings/finding-report.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { downloadFilename, fileHeaders } from "~/utils/download.server";
import { methodNotAllowed } from "~/utils/http.server";

/** All the project's findings as one Markdown file, the evidence as footnotes. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const findings = await reportAllFindings({ access, readDocument: context.documents.read });
  const body = findingsMarkdown({
    t,
    title: t("findings.print.title"),
    findings,
    siteUrl: new URL(request.url).origin,
    projectId: access.projectId,
  });
  const filename = downloadFilename({ prefix: "constats", title: "", fallback: "projet", extension: "md" });
  return new Response(body, { headers: fileHeaders({ contentType: "text/markdown; charset=utf-8", filename }) });
}

export const action = () => methodNotAllowed();
