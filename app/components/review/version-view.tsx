import { useT } from "~/i18n/use-translation";
import type { VersionEvidence } from "~/models/review/version-diff";

/** A statement kept as plain text, one block per line: one paragraph per line. */
export function StatementText({ statement }: { statement: string }) {
  const t = useT();
  const lines = statement.split("\n").filter((line) => line.trim());
  if (!lines.length) return <p>{t("review.version.noStatement")}</p>;
  return (
    <>
      {lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </>
  );
}

/** One piece of evidence as a version kept it: its kind, what it is, what it shows, the comment. */
export function VersionEvidenceItem({ item }: { item: VersionEvidence }) {
  const t = useT();
  return (
    <>
      <p>
        <strong>{t(`review.kind.${item.kind}`)}</strong>
        {item.title ? <> — {item.title}</> : null}
      </p>
      {item.body ? <blockquote>{item.body}</blockquote> : null}
      {item.comment ? <p className="card-meta">{item.comment}</p> : null}
    </>
  );
}

/** A submitted version as frozen: its statement and its evidence. */
export function VersionView({
  version,
  headingLevel = 4,
}: {
  version: { number: number; statement: string; evidence: VersionEvidence[] };
  headingLevel?: 3 | 4;
}) {
  const t = useT();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="stack">
      <Heading>{t("review.version.statement")}</Heading>
      <div className="version-statement">
        <StatementText statement={version.statement} />
      </div>
      <Heading>{t("review.version.evidence")}</Heading>
      {version.evidence.length ? (
        <ol className="stack">
          {version.evidence.map((item) => (
            <li key={item.id}>
              <VersionEvidenceItem item={item} />
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("review.version.evidenceNone")}</p>
      )}
    </div>
  );
}
