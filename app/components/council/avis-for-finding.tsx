import { Link } from "@remix-run/react";
import { useLocale, useT } from "~/i18n/use-translation";
import { formatDate } from "~/utils/format";
import { AvisStateBadge } from "./saisine-list";

export type FindingAvis = { id: string; title: string; question: string; state: string; adoptedAt: string | null };

/** The council's adopted avis covering a finding, each a link; nothing when there is none. */
export function AvisForFinding({ avis, projectId }: { avis: FindingAvis[]; projectId: string }) {
  const t = useT();
  const locale = useLocale();
  if (!avis.length) return null;
  return (
    <section className="panel stack" aria-labelledby="finding-avis-title">
      <h3 id="finding-avis-title">{t("council.forFinding.title")}</h3>
      <ul>
        {avis.map((item) => (
          <li key={item.id}>
            <Link to={`/projects/${projectId}/council/${item.id}`}>
              {t("council.forFinding.link", { title: item.title || item.question })}
            </Link>{" "}
            <AvisStateBadge state={item.state} />
            {item.adoptedAt ? (
              <span className="muted"> {t("council.adoptedOn", { date: formatDate(locale, item.adoptedAt) })}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
