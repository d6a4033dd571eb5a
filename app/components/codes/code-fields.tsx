import { Link } from "@remix-run/react";
import { SelectField, TextAreaField, TextField } from "~/components/form-field";
import { useT } from "~/i18n/use-translation";
import { CODE_DEFINITION_MAX, CODE_PALETTE } from "~/models/codes/codebook";
import { LIMITS } from "~/models/core/limits";

export type CodeFormValues = { label: string; definition: string; colour: string; parentId: string };

export const EMPTY_CODE_FORM: CodeFormValues = { label: "", definition: "", colour: CODE_PALETTE[0]!, parentId: "" };

/**
 * The fields of a code (name, definition, colour, parent), shared by the create and edit forms
 * (one of them per page: the fields' ids are their names).
 */
export function CodeFields({
  values,
  errors = {},
  parents,
}: {
  values: CodeFormValues;
  errors?: Record<string, string>;
  /** Codes that may be a parent: top-level, live, not the code itself. */
  parents: { id: string; label: string }[];
}) {
  const t = useT();
  return (
    <>
      <TextField
        name="label"
        label={t("codes.form.label")}
        hint={t("codes.form.labelHint", { max: LIMITS.tagLabelMax })}
        error={errors.label}
        defaultValue={values.label}
        maxLength={LIMITS.tagLabelMax}
        autoComplete="off"
        required
      />
      <TextAreaField
        name="definition"
        label={t("codes.form.definition")}
        hint={t("codes.form.definitionHint", { max: CODE_DEFINITION_MAX })}
        error={errors.definition}
        defaultValue={values.definition}
        maxLength={CODE_DEFINITION_MAX}
        rows={3}
      />
      <TextField
        name="colour"
        type="color"
        label={t("codes.form.colour")}
        hint={t("codes.form.colourHint")}
        error={errors.colour}
        defaultValue={values.colour}
        className="code-colour-input"
      />
      <SelectField
        name="parentId"
        label={t("codes.form.parent")}
        hint={t("codes.form.parentHint")}
        error={errors.parentId}
        defaultValue={values.parentId}
      >
        <option value="">{t("codes.form.noParent")}</option>
        {parents.map((parent) => (
          <option key={parent.id} value={parent.id}>
            {parent.label}
          </option>
        ))}
      </SelectField>
    </>
  );
}

/**
 * Asked before a near-duplicate name is created or given: the existing code, and a button that
 * sends the same form again with the name confirmed. Changing the name and saving asks anew.
 */
export function LookalikeQuestion({
  label,
  existing,
  href,
  mode,
}: {
  label: string;
  existing: string;
  href: string;
  mode: "create" | "rename";
}) {
  const t = useT();
  return (
    <div role="alert" className="notice stack lookalike-question">
      <p>{t(mode === "create" ? "codes.lookalike.create" : "codes.lookalike.rename", { existing, label })}</p>
      <p className="inline-form">
        <button type="submit" name="confirmed" value={label} className="button primary">
          {t(mode === "create" ? "codes.lookalike.confirmCreate" : "codes.lookalike.confirmRename", { label })}
        </button>
        <Link to={href} className="button">
          {t("codes.lookalike.open", { existing })}
        </Link>
      </p>
      <p>{t("codes.lookalike.change")}</p>
    </div>
  );
}
