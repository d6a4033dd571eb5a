import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-translation";
import { CONFIDENCE_LEVELS, SECTORS } from "~/models/core/vocabulary";
import { FINDING_LIMITS as L } from "~/models/findings/finding-limits";
import { CyclePhaseFields, type CycleChoice } from "../cycle-phase-fields";
import { SelectField, TextAreaField } from "../form-field";
import { TerritoryPicker, type TerritoryPickerTexts } from "../territory-picker";
import { confidenceLabel, cyclePhaseLabel } from "./finding-card";

export type FindingFieldValues = {
  confidence: string;
  confidenceRationale: string;
  sectors: string[];
  cycleId: string;
  phase: string;
  communes: { code: string; name: string }[];
};

const COMMUNES_ONLY = ["commune"] as const;
const COMMUNE_TEXTS: TerritoryPickerTexts = {
  label: "findings.fields.addCommune",
  hint: "notes.meta.communeHint",
  results: "notes.meta.communeResults",
  none: "notes.meta.communeNone",
  picked: "notes.meta.communePicked",
  clear: "notes.meta.communeClear",
};

/** Confidence and its rationale, sectors, cycle and phase, communes: for those who may edit findings. */
export function FindingFieldsForm({
  values,
  cycles,
  errors,
  saved,
}: {
  values: FindingFieldValues;
  cycles: CycleChoice[];
  errors: Record<string, string>;
  saved: boolean;
}) {
  const t = useT();
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="intent" value="fields" />
      <SelectField
        name="confidence"
        label={t("findings.fields.confidence")}
        defaultValue={values.confidence}
        error={errors.confidence}
      >
        <option value="">{t("findings.confidence.none")}</option>
        {CONFIDENCE_LEVELS.map((level) => (
          <option key={level} value={level}>
            {t(`findings.confidence.${level}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        name="confidenceRationale"
        label={t("findings.fields.rationale")}
        defaultValue={values.confidenceRationale}
        error={errors.confidenceRationale}
        maxLength={L.rationaleMax}
        rows={3}
      />
      <fieldset className="field">
        <legend>{t("findings.fields.sectors")}</legend>
        <div className="choice-grid">
          {SECTORS.map((sector) => (
            <label key={sector} className="choice">
              <input type="checkbox" name="sectors" value={sector} defaultChecked={values.sectors.includes(sector)} />
              {t(`sector.${sector}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <CyclePhaseFields
        cycles={cycles}
        values={{ cycleId: values.cycleId, phase: values.phase }}
        errors={{ cycleId: errors.cycleId, phase: errors.phase }}
      />
      <fieldset className="field" aria-describedby={errors.communes ? "communes-error" : undefined}>
        <legend>{t("findings.fields.communes")}</legend>
        {values.communes.length ? (
          <div className="choice-grid">
            {values.communes.map((commune) => (
              <label key={commune.code} className="choice">
                <input type="checkbox" name="communes" value={commune.code} defaultChecked />
                {commune.name}
              </label>
            ))}
          </div>
        ) : (
          <p className="muted">{t("findings.fields.communesNone")}</p>
        )}
        <TerritoryPicker
          name="communes"
          idBase="addCommune"
          kinds={COMMUNES_ONLY}
          hiddenValue={(commune) => commune.code}
          texts={COMMUNE_TEXTS}
        />
        {errors.communes ? (
          <p id="communes-error" className="field-error">
            {errors.communes}
          </p>
        ) : null}
      </fieldset>
      <p className="inline-form">
        <button type="submit" className="button primary">
          {t("findings.fields.save")}
        </button>
        {saved ? (
          <span role="status" className="muted">
            {t("findings.fields.saved")}
          </span>
        ) : null}
      </p>
    </Form>
  );
}

/** The same fields, read-only. */
export function FindingFieldsView({ values, cycle }: { values: FindingFieldValues; cycle: { number: number } | null }) {
  const t = useT();
  const place = cyclePhaseLabel(t, cycle, values.phase || null);
  return (
    <dl className="facts">
      <dt>{t("findings.fields.confidence")}</dt>
      <dd>{confidenceLabel(t, values.confidence || null)}</dd>
      {values.confidenceRationale ? (
        <>
          <dt>{t("findings.fields.rationale")}</dt>
          <dd>{values.confidenceRationale}</dd>
        </>
      ) : null}
      <dt>{t("findings.fields.sectors")}</dt>
      <dd>{values.sectors.map((s) => t(`sector.${s as "other"}`)).join(", ") || "—"}</dd>
      <dt>{t("findings.fields.cyclePhase")}</dt>
      <dd>{place ?? "—"}</dd>
      <dt>{t("findings.fields.communes")}</dt>
      <dd>{values.communes.map((c) => c.name).join(", ") || t("findings.fields.communesNone")}</dd>
    </dl>
  );
}
