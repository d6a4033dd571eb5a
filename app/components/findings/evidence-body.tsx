import type { Translator } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-translation";
import type { EvidenceView, SurveyView } from "~/models/findings/evidence-view";
import { formatDate, formatNumber } from "~/utils/format";

type Props = {
  evidence: EvidenceView;
  projectId: string;
  /** On paper: addresses written out, no actions. */ print?: boolean;
};

/** What one piece of evidence is, as the finding's page and its report show it. */
export function EvidenceBody({ evidence, projectId, print = false }: Props) {
  const t = useT();
  const base = `/projects/${projectId}`;
  switch (evidence.kind) {
    case "quote":
      return (
        <>
          <blockquote>{evidence.quote}</blockquote>
          <p className="card-meta">
            {evidence.noteState === "deleted" ? (
              <span className="evidence-marker">{t("findings.evidence.noteDeleted")}</span>
            ) : (
              <>
                <span>{t("findings.evidence.inNote", { title: evidence.noteTitle || t("notes.untitled") })}</span>
                {evidence.noteState === "trashed" ? (
                  <span className="evidence-marker">{t("findings.evidence.noteTrashed")}</span>
                ) : print ? null : (
                  <a href={`${base}/notes/${evidence.noteId}?evidence=${evidence.id}`}>
                    {t("findings.evidence.openNote")}
                  </a>
                )}
              </>
            )}
          </p>
          {evidence.changedTo !== null ? (
            <div className="evidence-changed">
              <p className="evidence-marker">{t("findings.evidence.modified")}</p>
              <p>
                {t("findings.evidence.currentText")} <q>{evidence.changedTo}</q>
              </p>
            </div>
          ) : null}
        </>
      );
    case "code":
      return (
        <>
          <p>
            <strong>{evidence.label}</strong> —{" "}
            {evidence.count === 1
              ? t("findings.evidence.codePassagesOne")
              : t("findings.evidence.codePassagesMany", { count: evidence.count })}
          </p>
          {evidence.passages.length ? (
            <ul>
              {evidence.passages.map((passage, i) => (
                <li key={i}>
                  <q>{passage.text}</q> — {passage.noteTitle || t("notes.untitled")}
                </li>
              ))}
            </ul>
          ) : null}
          {print ? null : (
            <p>
              <a href={`${base}/codes/${evidence.codeId}`}>
                {t("findings.evidence.openCode", { label: evidence.label })}
              </a>
            </p>
          )}
        </>
      );
    case "survey":
      return <SurveyEvidence evidence={evidence} print={print} />;
    case "event":
      return (
        <>
          <p>
            <strong>{evidence.title}</strong>
            {evidence.day ? ` (${evidence.day})` : null}
          </p>
          {evidence.exists ? (
            print ? null : (
              <p>
                <a href={`${base}/timeline`}>{t("findings.evidence.openTimeline")}</a>
              </p>
            )
          ) : (
            <p className="evidence-marker">{t("findings.evidence.eventGone")}</p>
          )}
        </>
      );
    case "source":
      return (
        <>
          <p>
            <strong>{evidence.title}</strong>
          </p>
          {evidence.url ? (
            <p>
              <a href={evidence.url} rel="noopener noreferrer nofollow">
                {evidence.url}
              </a>
            </p>
          ) : null}
          {evidence.reference ? <p>{evidence.reference}</p> : null}
        </>
      );
  }
}

export function surveyFilterLabel(
  t: Translator,
  filter: { from: string | null; to: string | null; commune: string | null },
) {
  const parts = [
    filter.from ? t("findings.evidence.surveyFrom", { day: filter.from }) : null,
    filter.to ? t("findings.evidence.surveyTo", { day: filter.to }) : null,
    filter.commune ? t("findings.evidence.surveyCommune", { code: filter.commune }) : null,
  ].filter(Boolean);
  return parts.length
    ? t("findings.evidence.surveyFilters", { filters: parts.join(", ") })
    : t("findings.evidence.surveyNoFilter");
}

function SurveyEvidence({ evidence, print }: { evidence: SurveyView; print: boolean }) {
  const t = useT();
  const locale = useLocale();
  const snapshot = evidence.snapshot;
  if (!snapshot) return <p className="evidence-marker">{t("findings.evidence.surveyGone")}</p>;
  const { figures } = snapshot;
  const n = (value: number) => formatNumber(locale, Math.round(value * 100) / 100);
  return (
    <>
      <p>
        <strong>
          {t("findings.evidence.surveyQuestion", { survey: snapshot.surveyTitle, question: snapshot.questionLabel })}
        </strong>
      </p>
      <p>
        {t(figures.answered > 1 ? "findings.evidence.surveyAnswered" : "findings.evidence.surveyAnsweredOne", {
          answered: figures.answered,
          total: snapshot.total,
        })}
      </p>
      {figures.counts.length ? (
        <ul>
          {figures.counts.map((count) => (
            <li key={count.value}>
              {count.label || t("findings.evidence.surveyOther")} : {count.count}
            </li>
          ))}
        </ul>
      ) : null}
      {figures.mean !== null && figures.median !== null ? (
        <p>{t("findings.evidence.surveyMean", { mean: n(figures.mean), median: n(figures.median) })}</p>
      ) : null}
      {figures.earliest && figures.latest ? (
        <p>{t("findings.evidence.surveyRange", { from: figures.earliest, to: figures.latest })}</p>
      ) : null}
      <p className="card-meta">
        <span>{surveyFilterLabel(t, snapshot.filter)}</span>
        <span>{t("findings.evidence.surveyTaken", { date: formatDate(locale, snapshot.takenAt) })}</span>
      </p>
      {evidence.differs ? <p className="evidence-marker">{t("findings.evidence.surveyDiffers")}</p> : null}
      {evidence.differs === null ? <p className="evidence-marker">{t("findings.evidence.surveyGone")}</p> : null}
      {evidence.href && !print ? (
        <p>
          <a href={evidence.href}>{t("findings.evidence.openResults")}</a>
        </p>
      ) : null}
    </>
  );
}
