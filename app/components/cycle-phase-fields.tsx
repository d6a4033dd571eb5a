import { useT } from "~/i18n/use-translation";
import { PHASES } from "~/models/core/vocabulary";
import { describedBy, FieldMessages } from "./form-field";

export type CycleChoice = { id: string; number: number };
export type CyclePhaseValues = { cycleId: string; phase: string };

/**
 * Where a note or survey sits in the action-research spiral: two optional selects, named
 * `cycleId` and `phase` (validated on the server by `cyclePhaseSchema` in cycle.server.ts).
 */
export function CyclePhaseFields({
  cycles,
  values,
  errors,
}: {
  cycles: CycleChoice[];
  values: CyclePhaseValues;
  errors: Partial<Record<"cycleId" | "phase", string>>;
}) {
  const t = useT();
  return (
    <fieldset className="field">
      <legend>{t("cycle.field.legend")}</legend>
      <div className="cycle-phase-fields">
        <div className="field">
          <label htmlFor="cycleId">{t("cycle.field.cycle")}</label>
          <select
            id="cycleId"
            name="cycleId"
            defaultValue={values.cycleId}
            aria-invalid={errors.cycleId ? true : undefined}
            aria-describedby={describedBy("cycleId", false, errors.cycleId)}
          >
            <option value="">{t("cycle.field.anyCycle")}</option>
            {cycles.map((cycle) => (
              <option key={cycle.id} value={cycle.id}>
                {t("cycle.number", { number: cycle.number })}
              </option>
            ))}
          </select>
          <FieldMessages name="cycleId" error={errors.cycleId} />
        </div>
        <div className="field">
          <label htmlFor="phase">{t("cycle.field.phase")}</label>
          <select
            id="phase"
            name="phase"
            defaultValue={values.phase}
            aria-invalid={errors.phase ? true : undefined}
            aria-describedby={describedBy("phase", false, errors.phase)}
          >
            <option value="">{t("cycle.field.anyPhase")}</option>
            {PHASES.map((phase, index) => (
              <option key={phase} value={phase}>
                {index + 1}. {t(`phase.${phase}`)}
              </option>
            ))}
          </select>
          <FieldMessages name="phase" error={errors.phase} />
        </div>
      </div>
    </fieldset>
  );
}

/** The same selects as filters of a list (GET form): "all" instead of "none". */
export function CyclePhaseFilters({ cycles, values }: { cycles: CycleChoice[]; values: CyclePhaseValues }) {
  const t = useT();
  return (
    <>
      <div className="field">
        <label htmlFor="filter-cycle">{t("cycle.filter.cycle")}</label>
        <select id="filter-cycle" name="cycle" defaultValue={values.cycleId}>
          <option value="">{t("cycle.filter.anyCycle")}</option>
          {cycles.map((cycle) => (
            <option key={cycle.id} value={cycle.id}>
              {t("cycle.number", { number: cycle.number })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-phase">{t("cycle.filter.phase")}</label>
        <select id="filter-phase" name="phase" defaultValue={values.phase}>
          <option value="">{t("cycle.filter.anyPhase")}</option>
          {PHASES.map((phase, index) => (
            <option key={phase} value={phase}>
              {index + 1}. {t(`phase.${phase}`)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
