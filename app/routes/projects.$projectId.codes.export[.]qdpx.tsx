import type { LoaderFunctionArgs } from "@remix-run/node";
import { getProjectTitle, qdpxExport } from "~/models/codes/refi-qda-export.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { downloadFilename, fileHeaders } from "~/utils/download.server";
import { methodNotAllowed } from "~/utils/http.server";

/**
 * The project's notes (not those in the trash) with their coded passages and the codebook, as a
 * REFI-QDA project (`.qdpx`), streamed. Whoever reads the project's content may take it
 * (`content.read`): it holds what the notes pages show.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const filename = downloadFilename({
    prefix: "projet",
    title: await getProjectTitle(access.projectId),
    fallback: "notes",
    extension: "qdpx",
  });
  const stream = qdpxExport({
    projectId: access.projectId,
    read: (name) => context.documents.read(name),
    drained: context.responseDrained,
    untitled: t("qda.export.untitled"),
  });
  return new Response(stream, { headers: fileHeaders({ contentType: "application/zip", filename }) });
}

/** Exports are only read. */
export const action = () => methodNotAllowed();
