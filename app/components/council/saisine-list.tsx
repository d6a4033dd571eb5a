import { Link } from "@remix-run/react";
import { useLocale, useT } from "~/i18n/use-translation";
import type { AvisState, SaisineOrigin } from "~/models/core/vocabulary";
import { formatDate, isSingular } from "~/utils/format";

export type SaisineItem = {
  id: string;
  origin: string;
  question: string;
  title: string;
  state: string;
  dueOn: string | null;
  adoptedAt: string | null;
  overdue: boolean;
  findingCount?: number;
};

/** En rédaction, Adopté, Transmis: the word carries the meaning. */
export function AvisStateBadge({ state }: { state: string }) {
  const t = useT();
  return <span className={`badge avis-state avis-state--${state}`}>{t(`council.state.${state as AvisState}`)}</span>;
}

/** "À rendre le 14 mars 2026", and "En retard" (in words, not only colour) when past. */
export function DueLine({ dueOn, overdue }: { dueOn: string | null; overdue: boolean }) {
  const t = useT();
  const locale = useLocale();
  if (!dueOn) return <span>{t("council.noDue")}</span>;
  return (
    <span>
      {t("council.due", { date: formatDate(locale, dueOn) })}
      {overdue ? (
        <>
          {" "}
          <strong className="badge overdue">{t("council.overdue")}</strong>
        </>
      ) : null}
    </span>
  );
}

/** Saisines as cards; the question (or the avis's title once written) is the link. */
export function SaisineList({ items, base }: { items: SaisineItem[]; base: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="card-list">
      {items.map((item) => (
        <li key={item.id} className="card">
          <h3>
            <Link to={`${base}/${item.id}`}>{item.title || item.question}</Link>
          </h3>
          {item.title ? <p className="question">{item.question}</p> : null}
          <p className="card-meta">
            <AvisStateBadge state={item.state} />
            <span>{t(`council.origin.${item.origin as SaisineOrigin}`)}</span>
            {item.state === "drafting" ? (
              <DueLine dueOn={item.dueOn} overdue={item.overdue} />
            ) : item.adoptedAt ? (
              <span>{t("council.adoptedOn", { date: formatDate(locale, item.adoptedAt) })}</span>
            ) : null}
            {item.findingCount !== undefined ? (
              <span>
                {t(isSingular(locale, item.findingCount) ? "council.findingCountOne" : "council.findingCount", {
                  count: item.findingCount,
                })}
              </span>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
