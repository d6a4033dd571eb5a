import { Link } from "@remix-run/react";
import type { Translator } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-translation";
import type { ConfidenceLevel, FindingState } from "~/models/core/vocabulary";
import { formatDate } from "~/utils/format";

export type FindingCardData = {
  id: string;
  title: string;
  excerpt: string;
  state: string;
  confidence: string | null;
  sectors: string[];
  phase: string | null;
  cycle: { number: number } | null;
  evidenceCount: number;
  lastChange: string;
};

/** Brouillon, Validé…: the word carries the meaning, the colour only repeats it. */
export function FindingStateBadge({ state }: { state: string }) {
  const t = useT();
  return (
    <span className={`badge finding-state finding-state--${state}`}>
      {t(`findings.state.${state as FindingState}`)}
    </span>
  );
}

export function confidenceLabel(t: Translator, confidence: string | null): string {
  return confidence ? t(`findings.confidence.${confidence as ConfidenceLevel}`) : t("findings.confidence.none");
}

export function evidenceCountLabel(t: Translator, count: number): string {
  if (count === 0) return t("findings.card.evidenceNone");
  return count === 1 ? t("findings.card.evidenceOne") : t("findings.card.evidenceMany", { count });
}

/** "Cycle 1 · Diagnostic partagé": where the finding sits in the spiral, or nothing. */
export function cyclePhaseLabel(t: Translator, cycle: { number: number } | null, phase: string | null): string | null {
  const parts = [
    cycle ? t("cycle.number", { number: cycle.number }) : null,
    phase ? t(`phase.${phase as "framing"}`) : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : null;
}

/** One finding in the list; its title is the link. */
export function FindingCard({ finding, href }: { finding: FindingCardData; href: string }) {
  const t = useT();
  const locale = useLocale();
  const place = cyclePhaseLabel(t, finding.cycle, finding.phase);
  return (
    <li className="card finding-card">
      <h3>
        <Link to={href}>{finding.title || t("findings.untitled")}</Link>
      </h3>
      <p className="card-meta">
        <FindingStateBadge state={finding.state} />
        <span>{t("findings.card.confidence", { level: confidenceLabel(t, finding.confidence) })}</span>
        <span>{evidenceCountLabel(t, finding.evidenceCount)}</span>
        {place ? <span>{place}</span> : null}
      </p>
      {finding.sectors.length ? (
        <ul className="tags" aria-label={t("findings.fields.sectors")}>
          {finding.sectors.map((sector) => (
            <li key={sector}>{t(`sector.${sector as "other"}`)}</li>
          ))}
        </ul>
      ) : null}
      {finding.excerpt ? <p className="note-excerpt">{finding.excerpt}</p> : null}
      <p className="card-meta">
        <span>{t("findings.card.lastChange", { date: formatDate(locale, finding.lastChange) })}</span>
      </p>
    </li>
  );
}
