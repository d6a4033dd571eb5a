import { useT } from "~/i18n/use-translation";

/**
 * What a respondent sees when a link leads to no open survey: in words, never a stack trace.
 * No link into the workspace: respondents have no account.
 */
export function SurveyClosedPage({ state }: { state: "unknown" | "draft" | "closed" | "error" }) {
  const t = useT();
  return (
    <section className="page narrow survey-public" aria-labelledby="survey-unavailable-title">
      <h1 id="survey-unavailable-title">{t(`surveyAnswers.unavailable.${state}.title`)}</h1>
      <p>{t(`surveyAnswers.unavailable.${state}.body`)}</p>
    </section>
  );
}
