import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-translation";

/** The texts of one list's pager; `current` may name the page count `{pages}` or `{count}`. */
export type PagerTexts = { label: MessageKey; previous: MessageKey; next: MessageKey; current: MessageKey };

/**
 * Previous and next links under a paged list: they keep the rest of the query (the filters) and
 * change only `page`. Nothing is shown for a single page.
 */
export function Pager({
  page,
  pages,
  search,
  texts,
  className = "inline-form",
}: {
  page: number;
  pages: number;
  /** The current query string, `?…` or empty. */
  search: string;
  texts: PagerTexts;
  className?: string;
}) {
  const t = useT();
  if (pages <= 1) return null;
  const to = (target: number) => {
    const params = new URLSearchParams(search);
    params.set("page", String(target));
    return `?${params}`;
  };
  return (
    <nav aria-label={t(texts.label)} className={className}>
      {page > 1 ? (
        <Link to={to(Math.min(page - 1, pages))} className="button small" rel="prev">
          {t(texts.previous)}
        </Link>
      ) : null}
      <span aria-current="page">{t(texts.current, { page, pages, count: pages })}</span>
      {page < pages ? (
        <Link to={to(page + 1)} className="button small" rel="next">
          {t(texts.next)}
        </Link>
      ) : null}
    </nav>
  );
}
