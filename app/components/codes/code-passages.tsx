import { Form, Link } from "@remix-run/react";
import { SelectField, TextField } from "~/components/form-field";
import { useLocale, useT } from "~/i18n/use-translation";
import type { PassageFilterKey, PassageFilterValues } from "~/models/codes/passage-filter";
import { PHASES, type Phase } from "~/models/core/vocabulary";
import { formatDate } from "~/utils/format";

export type ListedPassage = {
  passageId: string;
  noteId: string;
  text: string;
  noteTitle: string;
  observedOn: string | null;
  commune: string | null;
  cycle: number | null;
  phase: string | null;
  author: string | null;
  codedBy: string | null;
};

type Options = {
  authors: { id: string; name: string }[];
  communes: { code: string; name: string }[];
  cycles: { id: string; number: number }[];
};

/** The filters of a code's passages: a GET form, so its state lives in the address. */
export function PassageFilters({
  values,
  options,
  ignored,
  resetHref,
}: {
  values: PassageFilterValues;
  options: Options;
  ignored: PassageFilterKey[];
  resetHref: string;
}) {
  const t = useT();
  const any = <option value="">{t("codes.filters.any")}</option>;
  const names: Record<PassageFilterKey, string> = {
    author: t("codes.filters.author"),
    commune: t("codes.filters.commune"),
    cycle: t("codes.filters.cycle"),
    phase: t("codes.filters.phase"),
    from: t("codes.filters.from"),
    to: t("codes.filters.to"),
  };
  return (
    <Form method="get" className="stack" aria-labelledby="passage-filters-title">
      <h4 id="passage-filters-title">{t("codes.filters.title")}</h4>
      {ignored.length ? (
        <p role="status" className="notice">
          {t("codes.filters.ignored", { names: ignored.map((key) => names[key]).join(", ") })}
        </p>
      ) : null}
      <div className="code-filter-grid">
        <SelectField name="author" label={names.author} defaultValue={values.author}>
          {any}
          {options.authors.map((author) => (
            <option key={author.id} value={author.id}>
              {author.name}
            </option>
          ))}
        </SelectField>
        <SelectField name="commune" label={names.commune} defaultValue={values.commune}>
          {any}
          {options.communes.map((commune) => (
            <option key={commune.code} value={commune.code}>
              {commune.name}
            </option>
          ))}
        </SelectField>
        <SelectField name="cycle" label={names.cycle} defaultValue={values.cycle}>
          {any}
          {options.cycles.map((cycle) => (
            <option key={cycle.id} value={cycle.id}>
              {t("cycle.number", { number: cycle.number })}
            </option>
          ))}
        </SelectField>
        <SelectField name="phase" label={names.phase} defaultValue={values.phase}>
          {any}
          {PHASES.map((phase) => (
            <option key={phase} value={phase}>
              {t(`phase.${phase}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="from"
          type="date"
          label={names.from}
          hint={t("codes.filters.dateHint")}
          defaultValue={values.from}
        />
        <TextField name="to" type="date" label={names.to} hint={t("codes.filters.dateHint")} defaultValue={values.to} />
      </div>
      <p className="inline-form">
        <button type="submit" className="button">
          {t("codes.filters.apply")}
        </button>
        <Link to={resetHref} className="button">
          {t("codes.filters.reset")}
        </Link>
      </p>
    </Form>
  );
}

/** A code's passages, each opening its note at the passage. */
export function PassageList({ passages, notesBase }: { passages: ListedPassage[]; notesBase: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ol className="code-passages">
      {passages.map((passage) => {
        const title = passage.noteTitle || t("codes.untitledNote");
        const href = `${notesBase}/${passage.noteId}?passage=${encodeURIComponent(passage.passageId)}`;
        return (
          <li key={`${passage.noteId} ${passage.passageId}`} className="code-passage card">
            <blockquote>{passage.text}</blockquote>
            <p>
              <Link to={href} aria-label={t("codes.passage.open", { note: title })}>
                {title}
              </Link>
            </p>
            <ul className="facts-line">
              <li>
                {passage.observedOn
                  ? t("codes.passage.observed", { date: formatDate(locale, passage.observedOn) })
                  : t("codes.passage.notObserved")}
              </li>
              {passage.commune ? <li>{t("codes.passage.commune", { commune: passage.commune })}</li> : null}
              {passage.cycle !== null ? <li>{t("codes.passage.cycle", { number: passage.cycle })}</li> : null}
              {passage.phase && (PHASES as readonly string[]).includes(passage.phase) ? (
                <li>{t(`phase.${passage.phase as Phase}`)}</li>
              ) : null}
              <li>{t("codes.passage.author", { name: passage.author ?? t("codes.passage.unknownPerson") })}</li>
              <li>{t("codes.passage.codedBy", { name: passage.codedBy ?? t("codes.passage.unknownPerson") })}</li>
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
