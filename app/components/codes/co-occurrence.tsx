import { useT } from "~/i18n/use-translation";
import { codeCollator } from "~/models/codes/codebook";

export type CoOccurrenceView = {
  /** The codes of the matrix, most co-occurring first. */
  codes: { id: string; label: string }[];
  /** The label of every code a pair names (some may be outside the matrix). */
  labels: Record<string, string>;
  /** Every pair read, most frequent first (the list shows them all). */
  pairs: { a: string; b: string; count: number }[];
  /** More codes co-occur than the matrix shows. */
  truncated: boolean;
};

/**
 * A cell's background, in the brand's hue, darker as the count nears the largest: lightness 97 %
 * to 60 % with the page's ink (4.7:1 at worst), then 50 % to 30 % with white text (4.6:1 at
 * worst). The lightnesses in between pass with neither, so they are skipped (WCAG 1.4.3).
 */
function shade(count: number, max: number): { background: string; dark: boolean } {
  const level = max > 0 ? count / max : 0;
  const dark = level > 0.5;
  const lightness = Math.round(dark ? 50 - (level - 0.5) * 40 : 97 - level * 74);
  return { background: `hsl(214 66% ${lightness}%)`, dark };
}

/**
 * The co-occurrence matrix (a real table: caption, header cells with scope) in a region that
 * scrolls sideways on its own at 375 px, then the same figures as a list of pairs, which is what
 * a screen reader is best given.
 */
export function CoOccurrenceTable({ view }: { view: CoOccurrenceView }) {
  const t = useT();
  if (!view.pairs.length) return <p>{t("codes.cooc.none")}</p>;
  const counts = new Map<string, number>();
  for (const pair of view.pairs) {
    counts.set(`${pair.a} ${pair.b}`, pair.count);
    counts.set(`${pair.b} ${pair.a}`, pair.count);
  }
  const max = Math.max(...view.pairs.map((pair) => pair.count));
  return (
    <>
      <div className="cooc-scroll" role="region" aria-labelledby="cooc-caption" tabIndex={0}>
        <table className="cooc-table">
          <caption id="cooc-caption">{t("codes.cooc.caption")}</caption>
          <thead>
            <tr>
              <td />
              {view.codes.map((code) => (
                <th key={code.id} scope="col">
                  {code.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.codes.map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.label}</th>
                {view.codes.map((col) => {
                  if (col.id === row.id) {
                    return (
                      <td key={col.id} className="cooc-self">
                        <span className="visually-hidden">{t("codes.cooc.self")}</span>
                      </td>
                    );
                  }
                  const count = counts.get(`${row.id} ${col.id}`) ?? 0;
                  const { background, dark } = shade(count, max);
                  return (
                    <td key={col.id} className={dark ? "num cooc-dark" : "num"} style={{ backgroundColor: background }}>
                      {count}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.truncated ? <p className="muted">{t("codes.cooc.truncated", { count: view.codes.length })}</p> : null}
      <details className="cooc-list">
        <summary>{t("codes.cooc.listTitle")}</summary>
        <ol>
          {view.pairs.map((pair) => {
            // Each pair reads in French order ("Circuit court et Marché"), whatever the ids' order.
            const [a, b] = [view.labels[pair.a] ?? pair.a, view.labels[pair.b] ?? pair.b].sort(codeCollator.compare);
            const params = { a: a!, b: b!, count: pair.count };
            return (
              <li key={`${pair.a} ${pair.b}`}>
                {pair.count === 1 ? t("codes.cooc.pairOne", params) : t("codes.cooc.pairMany", params)}
              </li>
            );
          })}
        </ol>
      </details>
    </>
  );
}
