import { Form, useNavigation } from "@remix-run/react";
import { TextField } from "~/components/form-field";
import { useT } from "~/i18n/use-translation";

export type AdoptRefusal = { fieldErrors: Record<string, string>; values: Record<string, string> } | null;

/** Adoption: three optional vote counts, then the button; freezing is said before it happens. */
export function AdoptForm({ refusal }: { refusal: AdoptRefusal }) {
  const t = useT();
  const busy = useNavigation().formMethod === "POST";
  const field = (name: "votesFor" | "votesAgainst" | "votesAbstain", label: string) => (
    <TextField
      name={name}
      label={label}
      inputMode="numeric"
      pattern="[0-9]*"
      autoComplete="off"
      error={refusal?.fieldErrors[name]}
      defaultValue={refusal?.values[name] ?? ""}
    />
  );
  return (
    <section className="panel stack" aria-labelledby="adopt-title">
      <h3 id="adopt-title">{t("council.adopt.title")}</h3>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="adopt" />
        <p>{t("council.adopt.intro")}</p>
        <div className="vote-fields">
          {field("votesFor", t("council.adopt.votesFor"))}
          {field("votesAgainst", t("council.adopt.votesAgainst"))}
          {field("votesAbstain", t("council.adopt.votesAbstain"))}
        </div>
        <p>
          <button type="submit" className="button primary" disabled={busy}>
            {t("council.adopt.submit")}
          </button>
        </p>
      </Form>
    </section>
  );
}
