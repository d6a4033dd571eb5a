import { Form, Link } from "@remix-run/react";
import { useT } from "~/i18n/use-translation";
import { CONFIDENCE_LEVELS, FINDING_STATES, SECTORS } from "~/models/core/vocabulary";
import { CyclePhaseFilters, type CycleChoice } from "../cycle-phase-fields";
import { SelectField, TextField } from "../form-field";

export type FindingFilterValues = {
  q: string;
  state: string;
  confidence: string;
  sector: string;
  cycle: string;
  phase: string;
};

/** The list's search and filters: a GET form, so the address says what is shown and it works without JavaScript. */
export function FindingFilters({
  values,
  cycles,
  queryMax,
  resetHref,
}: {
  values: FindingFilterValues;
  cycles: CycleChoice[];
  queryMax: number;
  resetHref: string;
}) {
  const t = useT();
  return (
    <Form method="get" role="search" aria-label={t("findings.filters.title")} className="note-filters stack">
      <TextField name="q" type="search" label={t("findings.filters.q")} defaultValue={values.q} maxLength={queryMax} />
      <div className="note-filter-grid">
        <SelectField name="state" label={t("findings.filters.state")} defaultValue={values.state}>
          <option value="">{t("findings.filters.anyState")}</option>
          {FINDING_STATES.map((state) => (
            <option key={state} value={state}>
              {t(`findings.state.${state}`)}
            </option>
          ))}
        </SelectField>
        <SelectField name="confidence" label={t("findings.filters.confidence")} defaultValue={values.confidence}>
          <option value="">{t("findings.filters.anyConfidence")}</option>
          {CONFIDENCE_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`findings.confidence.${level}`)}
            </option>
          ))}
        </SelectField>
        <SelectField name="sector" label={t("findings.filters.sector")} defaultValue={values.sector}>
          <option value="">{t("findings.filters.anySector")}</option>
          {SECTORS.map((sector) => (
            <option key={sector} value={sector}>
              {t(`sector.${sector}`)}
            </option>
          ))}
        </SelectField>
        <CyclePhaseFilters cycles={cycles} values={{ cycleId: values.cycle, phase: values.phase }} />
      </div>
      <div className="actions">
        <button type="submit" className="button primary">
          {t("findings.filters.apply")}
        </button>
        <Link to={resetHref} className="button">
          {t("findings.filters.reset")}
        </Link>
      </div>
    </Form>
  );
}
