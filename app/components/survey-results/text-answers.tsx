import { Form } from "@remix-run/react";
import { Pager, type PagerTexts } from "~/components/pager";
import { useLocale, useT } from "~/i18n/use-translation";
import { formatDateTime, formatNumber, isSingular } from "~/utils/format";
import type { SurveyFilter } from "~/utils/survey-filter";

export const TEXT_SEARCH_MAX = 200;

const PAGER_TEXTS: PagerTexts = {
  label: "surveyAnswers.results.pages",
  previous: "surveyAnswers.results.previous",
  next: "surveyAnswers.results.next",
  current: "surveyAnswers.results.pageOf",
};

/**
 * The free-text answers of one question, searched and paged. Raw answers: the results page
 * shows this only to those who hold `surveys.rawAnswers` (coordinators and researchers).
 */
export function TextAnswers({
  filter,
  textKeys,
  textKey,
  texts,
  search,
  page,
  address,
}: {
  filter: SurveyFilter;
  textKeys: { key: string; label: string }[];
  textKey: string;
  texts: { total: number; pageCount: number; answers: { id: string; submittedAt: string; text: string }[] };
  search: string;
  page: number;
  /** The page's query string, which the pager keeps. */
  address: string;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="panel stack" aria-labelledby="texts-title">
      <h3 id="texts-title">{t("surveyAnswers.results.texts")}</h3>
      <Form method="get" className="filters">
        {filter.from ? <input type="hidden" name="from" value={filter.from} /> : null}
        {filter.to ? <input type="hidden" name="to" value={filter.to} /> : null}
        {filter.commune ? <input type="hidden" name="commune" value={filter.commune} /> : null}
        <div className="field">
          <label htmlFor="texte">{t("surveyAnswers.results.textQuestion")}</label>
          <select id="texte" name="texte" defaultValue={textKey}>
            {textKeys.map((k) => (
              <option key={k.key} value={k.key}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="q">{t("surveyAnswers.results.search")}</label>
          <input id="q" name="q" type="search" defaultValue={search} maxLength={TEXT_SEARCH_MAX} />
        </div>
        <button type="submit" className="button">
          {t("surveyAnswers.results.searchSubmit")}
        </button>
      </Form>
      <p role="status">
        {t(isSingular(locale, texts.total) ? "surveyAnswers.results.textCountOne" : "surveyAnswers.results.textCount", {
          count: formatNumber(locale, texts.total),
        })}
      </p>
      <ul className="text-answers">
        {texts.answers.map((answer) => (
          <li key={answer.id}>
            <span className="card-meta">{formatDateTime(locale, answer.submittedAt)}</span>
            <br />
            {answer.text}
          </li>
        ))}
      </ul>
      <Pager page={page} pages={texts.pageCount} search={address} texts={PAGER_TEXTS} className="actions" />
    </section>
  );
}

/** The download links, with the page's filter. */
export function ExportLinks({ exportBase, query }: { exportBase: string; query: URLSearchParams }) {
  const t = useT();
  const suffix = query.toString() ? `?${query}` : "";
  const comma = new URLSearchParams(query);
  comma.set("sep", "comma");
  return (
    <p className="actions">
      <a className="button" href={`${exportBase}/export.xlsx${suffix}`} download>
        {t("surveyAnswers.results.exportXlsx")}
      </a>
      <a className="button" href={`${exportBase}/export.csv${suffix}`} download>
        {t("surveyAnswers.results.exportCsv")}
      </a>
      <a className="button" href={`${exportBase}/export.csv?${comma}`} download>
        {t("surveyAnswers.results.exportCsvComma")}
      </a>
      <a className="button" href={`${exportBase}/export.json${suffix}`} download>
        {t("surveyAnswers.results.exportJson")}
      </a>
    </p>
  );
}
