import type { ProjectAccess } from "../projects/permissions.server";
import type { ReadDocument } from "./avis-actions.server";
import { avisTextOf, parseAvisText } from "./avis-text";
import { getSaisine } from "./saisine.server";

export type AvisReport = NonNullable<Awaited<ReturnType<typeof reportAvis>>>;

/**
 * A saisine and its avis as the print view and the Markdown export show them: once adopted,
 * the text as adopted (frozen in the row); before, the document as it stands.
 */
export async function reportAvis({
  access,
  saisineId,
  readDocument,
}: {
  access: ProjectAccess;
  saisineId: string;
  readDocument: ReadDocument;
}) {
  const saisine = await getSaisine({ access, saisineId });
  if (!saisine) return null;
  const text = parseAvisText(saisine.adoptedText) ?? avisTextOf(await readDocument(`avis:${saisine.id}`));
  const { adoptedText: _frozen, ...rest } = saisine;
  return { saisine: rest, text };
}
