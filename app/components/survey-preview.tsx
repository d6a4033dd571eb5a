import { useId } from "react";
import { useT } from "~/i18n/use-translation";
import { questionsOf, type SurveyDefinition } from "~/models/surveys/survey-definition";
import { SurveyQuestions } from "./survey-form/survey-form";

/**
 * What a respondent will see, drawn with the same renderer as the public link and field
 * collection (survey-form/), from a definition only: no document, no state. The controls
 * work but nothing is sent.
 */
export function SurveyPreview({ definition }: { definition: SurveyDefinition }) {
  const t = useT();
  // Ids stay unique when the page also shows a fallback copy of the preview.
  const prefix = `preview-${useId().replace(/:/g, "")}-`;
  const empty = questionsOf(definition).length === 0;
  return (
    <form
      className="survey-form survey-preview stack"
      aria-label={t("surveys.preview.title")}
      onSubmit={(event) => event.preventDefault()}
    >
      <h3 className="survey-preview__title">{definition.title || t("surveys.untitled")}</h3>
      {definition.intro ? <p className="survey-preview__intro">{definition.intro}</p> : null}
      {empty ? (
        <p className="muted">{t("surveys.preview.noQuestion")}</p>
      ) : (
        <>
          <SurveyQuestions definition={definition} idPrefix={prefix} />
          <p>
            <button type="submit" className="button primary" disabled>
              {t("surveys.preview.submit")}
            </button>
          </p>
        </>
      )}
    </form>
  );
}
