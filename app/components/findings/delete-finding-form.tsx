import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-translation";

/** Deleting a finding for good (the author or a coordinator): a box to tick, so one click is not enough. */
export function DeleteFindingForm({ error }: { error?: string }) {
  const t = useT();
  return (
    <section className="panel stack" aria-labelledby="finding-delete-title">
      <h3 id="finding-delete-title">{t("findings.delete.title")}</h3>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="delete" />
        <p id="finding-delete-hint">{t("findings.delete.hint")}</p>
        <label className="choice">
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            required
            aria-describedby={`finding-delete-hint${error ? " finding-delete-error" : ""}`}
            aria-invalid={error ? true : undefined}
          />
          {t("findings.delete.confirm")}
        </label>
        {error ? (
          <p id="finding-delete-error" className="field-error">
            {error}
          </p>
        ) : null}
        <p>
          <button type="submit" className="button">
            {t("findings.delete.submit")}
          </button>
        </p>
      </Form>
    </section>
  );
}
