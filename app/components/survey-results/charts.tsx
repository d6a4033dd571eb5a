import { useId } from "react";
import { useLocale, useT } from "~/i18n/use-translation";
import { formatNumber } from "~/utils/format";

export type Bar = { label: string; count: number; percent?: number };

/**
 * Horizontal bars in plain SVG, named for assistive technologies, with the same figures one
 * click away as a table (WCAG 1.1.1: the table is the text alternative, not a summary).
 */
export function BarChart({ title, bars, showPercent = true }: { title: string; bars: Bar[]; showPercent?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.count));
  const rowHeight = 28;
  const height = bars.length * rowHeight + 8;
  const figure = (b: Bar) =>
    showPercent && b.percent !== undefined
      ? `${formatNumber(locale, b.count)} (${formatNumber(locale, b.percent)} %)`
      : formatNumber(locale, b.count);
  return (
    <figure className="result-figure">
      <svg viewBox={`0 0 600 ${height}`} role="img" aria-labelledby={`${id}-title`} preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-title`}>{t("surveyAnswers.results.chartOf", { title })}</title>
        {bars.map((bar, index) => {
          const y = index * rowHeight + 4;
          const width = Math.round((bar.count / max) * 300);
          return (
            <g key={`${bar.label}-${index}`} aria-hidden="true">
              <text x="0" y={y + 17}>
                {bar.label.length > 32 ? `${bar.label.slice(0, 31)}…` : bar.label}
              </text>
              <rect
                className="bar"
                x="210"
                y={y + 4}
                width={Math.max(width, bar.count ? 2 : 0)}
                height={rowHeight - 10}
              />
              <text x={215 + width} y={y + 17}>
                {figure(bar)}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>{t("surveyAnswers.results.showTable")}</summary>
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("surveyAnswers.results.answer")}</th>
              <th scope="col">{t("surveyAnswers.results.count")}</th>
              {showPercent ? <th scope="col">{t("surveyAnswers.results.percent")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {bars.map((bar, index) => (
              <tr key={`${bar.label}-${index}`}>
                <th scope="row">{bar.label}</th>
                <td className="num">{formatNumber(locale, bar.count)}</td>
                {showPercent ? (
                  <td className="num">{bar.percent === undefined ? "" : `${formatNumber(locale, bar.percent)} %`}</td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** Responses per day as columns, with the table alternative. */
export function TimeChart({ title, days }: { title: string; days: { day: string; count: number }[] }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const max = Math.max(1, ...days.map((d) => d.count));
  const width = 600;
  const step = days.length ? Math.max(2, Math.floor((width - 20) / days.length)) : width;
  return (
    <figure className="result-figure">
      <svg viewBox={`0 0 ${width} 140`} role="img" aria-labelledby={`${id}-title`}>
        <title id={`${id}-title`}>{t("surveyAnswers.results.chartOf", { title })}</title>
        <g aria-hidden="true">
          {days.map((d, index) => {
            const h = Math.round((d.count / max) * 110);
            return (
              <rect
                key={d.day}
                className="bar"
                x={10 + index * step}
                y={120 - h}
                width={Math.max(1, step - 2)}
                height={h}
              />
            );
          })}
          <text x="10" y="136">
            {days[0]?.day ?? ""}
          </text>
          <text x={width - 10} y="136" textAnchor="end">
            {days.at(-1)?.day ?? ""}
          </text>
        </g>
      </svg>
      <details>
        <summary>{t("surveyAnswers.results.showTable")}</summary>
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("surveyAnswers.results.day")}</th>
              <th scope="col">{t("surveyAnswers.results.count")}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td className="num">{formatNumber(locale, d.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
