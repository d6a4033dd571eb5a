import { useT } from "~/i18n/use-translation";
import { PHASES } from "~/models/core/vocabulary";
import { SelectField } from "./form-field";

export type CycleChoice = { id: string; number: number };
export type CyclePhaseValues = { cycleId: string; phase: string };

type Pair = { cycle: string; phase: string };

const TEXTS = {
  field: {
    cycle: "cycle.field.cycle",
    anyCycle: "cycle.field.anyCycle",
    phase: "cycle.field.phase",
    anyPhase: "cycle.field.anyPhase",
  },
  filter: {
    cycle: "cycle.filter.cycle",
    anyCycle: "cycle.filter.anyCycle",
    phase: "cycle.filter.phase",
    anyPhase: "cycle.filter.anyPhase",
  },
} as const;

/**
 * The cycle and phase selects, side by side, wherever something is placed in the action-research
 * spiral or filtered by it: a note or a survey (`CyclePhaseFields`), a list's filters
 * (`CyclePhaseFilters`) and a timeline event. The caller wraps them (fieldset, grid). Each
 * select's id is its name, after `idPrefix`; "none" (fields) or "all" (filters) comes first.
 */
export function CyclePhaseSelects({
  cycles,
  names,
  idPrefix = "",
  values,
  errors = {},
  texts,
}: {
  /** `id` is the value sent: a cycle's id, or its number where events name cycles by number. */
  cycles: CycleChoice[];
  names: Pair;
  idPrefix?: string;
  values: Pair;
  errors?: Partial<Pair>;
  texts: keyof typeof TEXTS;
}) {
  const t = useT();
  const text = TEXTS[texts];
  return (
    <>
      <SelectField
        name={names.cycle}
        id={`${idPrefix}${names.cycle}`}
        label={t(text.cycle)}
        defaultValue={values.cycle}
        error={errors.cycle}
      >
        <option value="">{t(text.anyCycle)}</option>
        {cycles.map((cycle) => (
          <option key={cycle.id} value={cycle.id}>
            {t("cycle.number", { number: cycle.number })}
          </option>
        ))}
      </SelectField>
      <SelectField
        name={names.phase}
        id={`${idPrefix}${names.phase}`}
        label={t(text.phase)}
        defaultValue={values.phase}
        error={errors.phase}
      >
        <option value="">{t(text.anyPhase)}</option>
        <PhaseOptions />
      </SelectField>
    </>
  );
}

/** The seven phases as options, numbered as in the spiral ("2. Diagnostic partagé"). */
export function PhaseOptions() {
  const t = useT();
  return (
    <>
      {PHASES.map((phase, index) => (
        <option key={phase} value={phase}>
          {index + 1}. {t(`phase.${phase}`)}
        </option>
      ))}
    </>
  );
}

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
        <CyclePhaseSelects
          cycles={cycles}
          names={{ cycle: "cycleId", phase: "phase" }}
          values={{ cycle: values.cycleId, phase: values.phase }}
          errors={{ cycle: errors.cycleId, phase: errors.phase }}
          texts="field"
        />
      </div>
    </fieldset>
  );
}

/** The same selects as filters of a list (GET form): "all" instead of "none". */
export function CyclePhaseFilters({ cycles, values }: { cycles: CycleChoice[]; values: CyclePhaseValues }) {
  return (
    <CyclePhaseSelects
      cycles={cycles}
      names={{ cycle: "cycle", phase: "phase" }}
      idPrefix="filter-"
      values={{ cycle: values.cycleId, phase: values.phase }}
      texts="filter"
    />
  );
}
