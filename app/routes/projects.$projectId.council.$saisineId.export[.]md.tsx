import type { LoaderFunctionArgs } from "@remix-run/node";
import { avisMarkdown } from "~/models/council/avis-markdown";
import { reportAvis } from "~/models/council/avis-report.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { downloadFilename, fileHeaders } from "~/utils/download.server";
import { methodNotAllowed, notFound } from "~/utils/http.server";

/** A saisine and its avis as Markdown (the adopted text once adopted). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const report = await reportAvis({ access, saisineId: params.saisineId ?? "", readDocument: context.documents.read });
  if (!report) notFound(t);
  const body = avisMarkdown({ t, report, siteUrl: new URL(request.url).origin, projectId: access.projectId });
  const title = report.text.title || report.saisine.title || t("council.untitled");
  const filename = downloadFilename({ prefix: "avis", title, fallback: "avis", extension: "md" });
  return new Response(body, { headers: fileHeaders({ contentType: "text/markdown; charset=utf-8", filename }) });
}

export const action = () => methodNotAllowed();
