import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvChunks, exportScope, streamOf } from "~/models/codes/code-export.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { downloadFilename, fileHeaders } from "~/utils/download.server";
import { methodNotAllowed, notFound } from "~/utils/http.server";

/**
 * CSV of the coded passages (streamed, one code at a time), with the survey export's conventions.
 * `?code=<id>` for one code's passages, `?sep=comma` for a comma-separated file. Passages are
 * what every member reads in the notes: `content.read`.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const query = new URL(request.url).searchParams;
  const scope = await exportScope(access.projectId, query.get("code"));
  if (!scope) notFound(t);
  const chunks = csvChunks({
    projectId: access.projectId,
    codebook: scope.codebook,
    codes: scope.codes,
    separator: query.get("sep") === "comma" ? "," : ";",
    t,
  });
  const filename = downloadFilename({
    prefix: "passages-codes",
    title: scope.code?.label ?? scope.project.title,
    fallback: "codes",
    extension: "csv",
  });
  return new Response(streamOf(chunks, context.responseDrained), {
    headers: fileHeaders({ contentType: "text/csv; charset=utf-8", filename }),
  });
}

/** Exports are only read. */
export const action = () => methodNotAllowed();
