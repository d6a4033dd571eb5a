import { useT } from "~/i18n/use-translation";
import { PHASES, type Phase } from "~/models/core/vocabulary";

/** The phase with its place in the cycle ("3/7"), and the cycle's number when given, so it reads without colour. */
export function PhaseBadge({ phase, cycle }: { phase: string; cycle?: number }) {
  const t = useT();
  const index = PHASES.indexOf(phase as Phase);
  if (index < 0) return null;
  const label = t("phase.badge", { step: index + 1, total: PHASES.length, name: t(`phase.${phase as Phase}`) });
  return <span className={`badge phase-${phase}`}>{cycle ? t("cycle.badge", { cycle, phase: label }) : label}</span>;
}
