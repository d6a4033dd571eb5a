import type * as Y from "yjs";
import { surveyDefinitionSchema } from "../../../app/models/surveys/survey-definition";
import { saveSurveyDefinition } from "../../../app/models/surveys/survey-version.server";
import { readDefinition } from "../../../app/models/surveys/survey-doc";
import type { Editor } from "./index";

/**
 * Writes the survey's title, question count and current SurveyVersion from the document.
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
