import { Link } from "@remix-run/react";
import { useId } from "react";
import { useT } from "~/i18n/use-translation";

/** "Cité dans N constats": the findings whose evidence quotes this note, each a link. Nothing when none. */
export function NoteCitations({
  projectId,
  findings,
}: {
  projectId: string;
  findings: { id: string; title: string }[];
}) {
  const t = useT();
  const titleId = useId();
  if (!findings.length) return null;
  return (
    <section className="note-citations" aria-labelledby={titleId}>
      <h3 id={titleId} className="visually-hidden">
        {t("notes.citedIn.title")}
      </h3>
      <p>
        {findings.length === 1 ? t("notes.citedIn.one") : t("notes.citedIn.many", { count: findings.length })}{" "}
        {findings.map((finding, index) => (
          <span key={finding.id}>
            {index > 0 ? ", " : null}
            <Link to={`/projects/${projectId}/findings/${finding.id}`}>{finding.title || "—"}</Link>
          </span>
        ))}
      </p>
    </section>
  );
}
