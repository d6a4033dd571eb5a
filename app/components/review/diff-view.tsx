import { useT } from "~/i18n/use-translation";
import type { VersionDiff } from "~/models/review/version-diff";
import { VersionEvidenceItem } from "./version-view";

/**
 * What changed between two versions: the statement as a word diff — added words in <ins>,
 * removed ones in <del>, each with a text label for screen readers (never colour only) — and
 * the evidence added, removed or changed.
 */
export function DiffView({
  diff,
  headingId,
  since,
  level = 4,
}: {
  diff: VersionDiff;
  headingId: string;
  since?: boolean;
  level?: 3 | 4;
}) {
  const t = useT();
  const Heading = level === 3 ? "h3" : "h4";
  const Sub = level === 3 ? "h4" : "h5";
  const statementChanged = diff.statement.some((s) => s.change !== "same");
  return (
    <section className="stack version-diff" aria-labelledby={headingId}>
      <Heading id={headingId}>
        {since ? t("review.diff.titleSince", { from: diff.from }) : t("review.diff.title", { from: diff.from })}
      </Heading>
      {diff.titleBefore !== diff.titleAfter ? (
        <p>{t("review.diff.titleChanged", { before: diff.titleBefore, after: diff.titleAfter })}</p>
      ) : null}
      <Sub>{t("review.diff.statement")}</Sub>
      {statementChanged ? (
        <>
          <p className="card-meta">{t("review.diff.legend")}</p>
          <p className="diff-text">
            {diff.statement.map((segment, i) =>
              segment.change === "added" ? (
                <ins key={i}>
                  <span className="visually-hidden">{t("review.diff.added")}</span>
                  {segment.text}
                </ins>
              ) : segment.change === "removed" ? (
                <del key={i}>
                  <span className="visually-hidden">{t("review.diff.removed")}</span>
                  {segment.text}
                </del>
              ) : (
                <span key={i}>{segment.text}</span>
              ),
            )}
          </p>
        </>
      ) : (
        <p>{t("review.diff.statementSame")}</p>
      )}
      <Sub>{t("review.diff.evidence")}</Sub>
      {diff.evidence.length ? (
        <ul className="stack">
          {diff.evidence.map((change) => (
            <li
              key={`${change.change}-${change.item.id}`}
              className={`evidence-change evidence-change--${change.change}`}
            >
              <p>
                <strong>
                  {change.change === "added"
                    ? t("review.diff.evidenceAdded")
                    : change.change === "removed"
                      ? t("review.diff.evidenceRemoved")
                      : t("review.diff.evidenceChanged")}
                </strong>
              </p>
              {change.change === "removed" ? (
                <del>
                  <VersionEvidenceItem item={change.item} />
                </del>
              ) : (
                <VersionEvidenceItem item={change.item} />
              )}
              {change.change === "changed" ? (
                <div className="card-meta">
                  {t("review.diff.before")}
                  <VersionEvidenceItem item={change.before} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("review.diff.evidenceSame")}</p>
      )}
    </section>
  );
}
