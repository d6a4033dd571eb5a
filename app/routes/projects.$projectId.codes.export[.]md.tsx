import type { LoaderFunctionArgs } from "@remix-run/node";
import { localeFromRequest } from "~/i18n";
import { exportScope, markdownChunks, streamOf } from "~/models/codes/code-export.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { downloadFilename, fileHeaders } from "~/utils/download.server";
import { methodNotAllowed, notFound } from "~/utils/http.server";

/**
 * Markdown of the coded passages: a section per code, each passage a block quote with its note
 * and date. `?code=<id>` for one code. Rights: `content.read`, like the notes themselves.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const scope = await exportScope(access.projectId, new URL(request.url).searchParams.get("code"));
  if (!scope) notFound(t);
  const chunks = markdownChunks({
    projectId: access.projectId,
    projectTitle: scope.project.title,
    codebook: scope.codebook,
    codes: scope.codes,
    t,
    locale: localeFromRequest(request),
  });
  const filename = downloadFilename({
    prefix: "passages-codes",
    title: scope.code?.label ?? scope.project.title,
    fallback: "codes",
    extension: "md",
  });
  return new Response(streamOf(chunks, context.responseDrained), {
    headers: fileHeaders({ contentType: "text/markdown; charset=utf-8", filename }),
  });
}

/** Exports are only read. */
export const action = () => methodNotAllowed();
