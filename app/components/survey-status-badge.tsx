import { useT } from "~/i18n/use-translation";
import type { SurveyStatus } from "~/models/core/vocabulary";

/** Brouillon / Ouverte / Fermée: the word carries the meaning, the colour only repeats it. */
export function SurveyStatusBadge({ status }: { status: SurveyStatus }) {
  const t = useT();
  return <span className={`badge survey-status survey-status--${status}`}>{t(`surveys.status.${status}`)}</span>;
}
