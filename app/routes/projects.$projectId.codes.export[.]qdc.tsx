import type { LoaderFunctionArgs } from "@remix-run/node";
import { codebookQdc, getProjectTitle } from "~/models/codes/refi-qda-export.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { downloadFilename, fileHeaders } from "~/utils/download.server";
import { methodNotAllowed } from "~/utils/http.server";

/**
 * The project's codebook as a REFI-QDA codebook (`.qdc`), for ATLAS.ti, NVivo, MAXQDA,
 * QualCoder… Whoever reads the project's content may take it (`content.read`). An empty
 * codebook has no valid file (the schema wants a code): 404 with a sentence saying so.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const xml = await codebookQdc(access.projectId);
  if (xml === null) {
    return new Response(t("qda.export.empty"), {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" },
    });
  }
  const filename = downloadFilename({
    prefix: "codes",
    title: await getProjectTitle(access.projectId),
    fallback: "projet",
    extension: "qdc",
  });
  return new Response(xml, { headers: fileHeaders({ contentType: "application/xml; charset=utf-8", filename }) });
}

/** Exports are only read. */
export const action = () => methodNotAllowed();
