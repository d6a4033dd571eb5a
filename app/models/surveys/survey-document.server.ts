import type * as Y from "yjs";
import { surveyDefinitionSchema } from "./survey-definition";
import { saveSurveyDefinition } from "./survey-version.server";
import { readDefinition, ROOT } from "./survey-doc";
import { onlyRoots } from "../documents/root-check";
import type { DocumentKind, Editor } from "../documents/document-kind";

/**
 * Writes the survey's title, question count and current SurveyVersion from the document — or,
 * once the survey has been opened, its pending draft, which respondents only get when someone
 * publishes it (saveSurveyDefinition; docs/decisions/014-survey-publication.md).
 * readDefinition already cleans whatever a client wrote; the contract's schema is checked
 * once more before anything reaches SQL, and a document that still fails it is skipped with a
 * log line (the previous version stays) rather than thrown: one bad document must not stop
 * the projection of others.
 */
export async function writeSurveyProjection(surveyId: string, doc: Y.Doc, _lastEditor: Editor | null): Promise<void> {
  let definition;
  try {
    definition = surveyDefinitionSchema.parse(readDefinition(doc));
  } catch (error) {
    console.log(`[collab] survey:${surveyId}: design skipped, not a valid definition (${String(error)})`);
    return;
  }
  await saveSurveyDefinition({ surveyId, definition });
}

/** `survey:<surveyId>`: a survey's design, co-edited by those who may edit surveys. */
export const surveyDocument: DocumentKind = {
  kind: "survey",
  projectOf: `SELECT projectId, NULL AS stage FROM "Survey" WHERE id = @id`,
  readAction: "content.read",
  writeAction: "surveys.edit",
  checkUpdate: onlyRoots(Object.values(ROOT)),
  project: writeSurveyProjection,
};
