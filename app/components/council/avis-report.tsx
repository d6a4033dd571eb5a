import { Link } from "@remix-run/react";
import { useLocale, useT } from "~/i18n/use-translation";
import type { SaisineOrigin } from "~/models/core/vocabulary";
import { FindingStateBadge } from "~/components/findings/finding-card";
import { formatDate } from "~/utils/format";
import { AvisStateBadge, DueLine } from "./saisine-list";

export type AvisReportData = {
  saisine: {
    id: string;
    origin: string;
    question: string;
    state: string;
    dueOn: string | null;
    adoptedAt: string | null;
    transmittedAt: string | null;
    votesFor: number | null;
    votesAgainst: number | null;
    votesAbstain: number | null;
    findings: { id: string; title: string; state: string }[];
  };
  text: { title: string; paragraphs: string[] };
};

/** The votes line, or nothing when no vote was recorded. */
export function VotesLine({ saisine }: { saisine: AvisReportData["saisine"] }) {
  const t = useT();
  const { votesFor, votesAgainst, votesAbstain } = saisine;
  if (votesFor === null && votesAgainst === null && votesAbstain === null) return null;
  return <p>{t("council.votes", { for: votesFor ?? 0, against: votesAgainst ?? 0, abstain: votesAbstain ?? 0 })}</p>;
}

/** The adopted text, paragraph by paragraph (the print view and the saisine's page once frozen). */
export function AvisText({ text }: { text: AvisReportData["text"] }) {
  const t = useT();
  if (!text.paragraphs.length) return <p className="muted">{t("council.avis.empty")}</p>;
  return (
    <div className="avis-text">
      {text.paragraphs.map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
    </div>
  );
}

/** A saisine and its avis, ready to print. */
export function AvisReport({ report, projectId }: { report: AvisReportData; projectId: string }) {
  const t = useT();
  const locale = useLocale();
  const { saisine, text } = report;
  return (
    <article className="stack avis-report" aria-labelledby="avis-report-title">
      <p className="eyebrow">{t("council.report.saisine")}</p>
      <h2 id="avis-report-title">{text.title || t("council.untitled")}</h2>
      <dl className="facts">
        <dt>{t(`council.origin.${saisine.origin as SaisineOrigin}`)}</dt>
        <dd>{saisine.question}</dd>
        <dt>{t("council.report.state")}</dt>
        <dd>
          <AvisStateBadge state={saisine.state} />
        </dd>
        <dt>{t("council.report.due")}</dt>
        <dd>
          <DueLine dueOn={saisine.dueOn} overdue={false} />
        </dd>
        {saisine.adoptedAt ? (
          <>
            <dt>{t("council.state.adopted")}</dt>
            <dd>{formatDate(locale, saisine.adoptedAt)}</dd>
          </>
        ) : null}
        {saisine.transmittedAt ? (
          <>
            <dt>{t("council.state.transmitted")}</dt>
            <dd>{formatDate(locale, saisine.transmittedAt)}</dd>
          </>
        ) : null}
      </dl>
      <VotesLine saisine={saisine} />
      <AvisText text={text} />
      {saisine.findings.length ? (
        <section aria-labelledby="avis-report-findings">
          <h3 id="avis-report-findings">{t("council.report.findings")}</h3>
          <ul>
            {saisine.findings.map((f) => (
              <li key={f.id}>
                <Link to={`/projects/${projectId}/findings/${f.id}`}>{f.title || t("findings.untitled")}</Link>{" "}
                <FindingStateBadge state={f.state} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
