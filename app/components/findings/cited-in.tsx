import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-translation";

export type CitingFindingLink = { id: string; title: string };

/**
 * "Cité dans 2 constats", with a link to each: the reverse link from what a finding cites (a
 * note, a code, a survey question, a timeline event). Nothing when no finding cites it.
 */
export function CitedIn({ findings, projectId }: { findings: CitingFindingLink[] | undefined; projectId: string }) {
  const t = useT();
  if (!findings?.length) return null;
  return (
    <div className="cited-in">
      <p className="card-meta">
        {findings.length === 1 ? t("findings.citedIn.one") : t("findings.citedIn.many", { count: findings.length })}
      </p>
      <ul className="plain-list">
        {findings.map((finding) => (
          <li key={finding.id}>
            <Link to={`/projects/${projectId}/findings/${finding.id}`}>{finding.title || t("findings.untitled")}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
