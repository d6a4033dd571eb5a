import { useT } from "~/i18n/use-translation";
import { PHASES, type Phase } from "~/models/vocabulary";

/** The phase with its place in the cycle ("3/7"), so it reads without colour. */
export function PhaseBadge({ phase }: { phase: string }) {
  const t = useT();
  const index = PHASES.indexOf(phase as Phase);
  if (index < 0) return null;
  return (
    <span className={`badge phase-${phase}`}>
      {t("phase.badge", { step: index + 1, total: PHASES.length, name: t(`phase.${phase as Phase}`) })}
    </span>
  );
}
