import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-translation";
import { LIMITS } from "~/models/core/limits";
import { PHASES, SECTORS, VISIBILITIES, type Phase, type Sector, type Visibility } from "~/models/core/vocabulary";
import { FieldMessages, FormError, TextAreaField, TextField, useFocusFirstError } from "./form-field";
import { TerritoryPicker, type PickedTerritory } from "./territory-picker";

export type ProjectFormDefaults = {
  title: string;
  question: string;
  territory: PickedTerritory | null;
  sectors: Sector[];
  phase: Phase;
  visibility: Visibility;
};

export const EMPTY_PROJECT: ProjectFormDefaults = {
  title: "",
  question: "",
  territory: null,
  sectors: [],
  phase: "framing",
  visibility: "members",
};

export function ProjectForm({
  defaults,
  errors,
  submitLabel,
  showPhase = true,
}: {
  defaults: ProjectFormDefaults;
  errors: Record<string, string>;
  submitLabel: string;
  /** The starting phase is chosen at creation; afterwards it only moves through the cycle page. */
  showPhase?: boolean;
}) {
  const t = useT();
  const formRef = useFocusFirstError(Object.keys(errors).length ? errors : null);
  return (
    <Form method="post" noValidate className="stack" ref={formRef}>
      <FormError message={Object.keys(errors).length ? t("form.fixErrors") : null} />
      <p className="field-hint">{t("form.allRequired")}</p>
      <TextField
        name="title"
        label={t("project.form.title")}
        defaultValue={defaults.title}
        required
        maxLength={LIMITS.projectTitleMax}
        error={errors.title}
      />
      <TextAreaField
        name="question"
        label={t("project.form.question")}
        hint={t("project.form.questionHint")}
        defaultValue={defaults.question}
        required
        rows={3}
        error={errors.question}
      />
      <TerritoryPicker name="territory" initial={defaults.territory} error={errors.territory} />

      <fieldset className="field" aria-describedby={errors.sectors ? "sectors-error" : undefined}>
        <legend>{t("project.form.sectors")}</legend>
        <div className="choice-grid">
          {SECTORS.map((sector) => (
            <label key={sector} className="choice">
              <input
                type="checkbox"
                name="sectors"
                value={sector}
                defaultChecked={defaults.sectors.includes(sector)}
                aria-invalid={errors.sectors ? true : undefined}
              />
              {t(`sector.${sector}`)}
            </label>
          ))}
        </div>
        <FieldMessages name="sectors" error={errors.sectors} />
      </fieldset>

      {showPhase ? (
        <div className="field">
          <label htmlFor="phase">{t("project.form.phase")}</label>
          <select
            id="phase"
            name="phase"
            defaultValue={defaults.phase}
            aria-invalid={errors.phase ? true : undefined}
            aria-describedby={errors.phase ? "phase-error" : undefined}
          >
            {PHASES.map((phase, index) => (
              <option key={phase} value={phase}>
                {index + 1}. {t(`phase.${phase}`)}
              </option>
            ))}
          </select>
          <FieldMessages name="phase" error={errors.phase} />
        </div>
      ) : null}

      <fieldset className="field" aria-describedby={errors.visibility ? "visibility-error" : undefined}>
        <legend>{t("project.form.visibility")}</legend>
        {VISIBILITIES.map((visibility) => (
          <label key={visibility} className="choice">
            <input
              type="radio"
              name="visibility"
              value={visibility}
              defaultChecked={defaults.visibility === visibility}
            />
            <span>
              {t(`visibility.${visibility}`)}
              <span className="field-hint block">{t(`visibility.${visibility}.hint`)}</span>
            </span>
          </label>
        ))}
        <FieldMessages name="visibility" error={errors.visibility} />
      </fieldset>

      <button type="submit" className="button primary">
        {submitLabel}
      </button>
    </Form>
  );
}
