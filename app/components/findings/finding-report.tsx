import { useLocale, useT } from "~/i18n/use-translation";
import type { EvidenceView } from "~/models/findings/evidence-view";
import { formatDate } from "~/utils/format";
import { EvidenceBody } from "./evidence-body";
import { FindingStateBadge, confidenceLabel } from "./finding-card";

export type ReportData = {
  finding: {
    id: string;
    title: string;
    state: string;
    confidence: string | null;
    confidenceRationale: string;
    sectors: string[];
    communes: { code: string; name: string }[];
    updatedAt: string;
    author: { name: string } | null;
  };
  statement: string[];
  evidence: EvidenceView[];
};

/** One finding on paper: title, fields, the whole statement, then its evidence numbered. */
export function FindingReport({
  report,
  projectId,
  level = 2,
}: {
  report: ReportData;
  projectId: string;
  level?: 2 | 3;
}) {
  const t = useT();
  const locale = useLocale();
  const { finding, statement, evidence } = report;
  const Heading = level === 2 ? "h2" : "h3";
  const Sub = level === 2 ? "h3" : "h4";
  return (
    <article aria-labelledby={`report-${finding.id}`}>
      <Heading id={`report-${finding.id}`}>{finding.title || t("findings.untitled")}</Heading>
      <p className="card-meta">
        <FindingStateBadge state={finding.state} />
        <span>{t("findings.card.confidence", { level: confidenceLabel(t, finding.confidence) })}</span>
        {finding.author ? <span>{finding.author.name}</span> : null}
        <span>{t("findings.card.lastChange", { date: formatDate(locale, finding.updatedAt) })}</span>
      </p>
      <dl className="facts">
        {finding.confidenceRationale ? (
          <>
            <dt>{t("findings.fields.rationale")}</dt>
            <dd>{finding.confidenceRationale}</dd>
          </>
        ) : null}
        {finding.sectors.length ? (
          <>
            <dt>{t("findings.fields.sectors")}</dt>
            <dd>{finding.sectors.map((s) => t(`sector.${s as "other"}`)).join(", ")}</dd>
          </>
        ) : null}
        {finding.communes.length ? (
          <>
            <dt>{t("findings.fields.communes")}</dt>
            <dd>{finding.communes.map((c) => c.name).join(", ")}</dd>
          </>
        ) : null}
      </dl>
      <Sub>{t("findings.print.statement")}</Sub>
      {statement.map((paragraph, i) => (
        <p key={i} className="statement">
          {paragraph}
        </p>
      ))}
      <Sub>{t("findings.print.evidence")}</Sub>
      {evidence.length ? (
        <ol>
          {evidence.map((item) => (
            <li key={item.id} className="evidence">
              <p className="eyebrow">{t(`findings.evidence.kind.${item.kind}`)}</p>
              <EvidenceBody evidence={item} projectId={projectId} print />
              {item.comment ? (
                <p>
                  <strong>{t("findings.evidence.shows")} :</strong> {item.comment}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("findings.evidence.none")}</p>
      )}
    </article>
  );
}
