/**
 * Headers and names of files the app hands out (survey exports, calendars). Models build the
 * body; the route wraps it with these.
 */
export function fileHeaders({
  contentType,
  filename,
  cache = "private, no-store",
}: {
  contentType: string;
  /** Given: saved as this file (`attachment`). Absent: shown or read in place (a calendar subscription). */
  filename?: string;
  /** Default "private, no-store": what these files hold is personal data, never kept by a shared cache. */
  cache?: string;
}): HeadersInit {
  return {
    "Content-Type": contentType,
    ...(filename ? { "Content-Disposition": `attachment; filename="${filename}"` } : {}),
    "Cache-Control": cache,
    "X-Content-Type-Options": "nosniff",
  };
}

/**
 * "enquete-commerces-de-proximite-2026-03-14.csv": ASCII only, safe in any header without
 * RFC 5987 encoding; the title is folded to a slug of at most 60 characters.
 */
export function downloadFilename({
  prefix,
  title,
  fallback,
  extension,
  now = new Date(),
}: {
  prefix: string;
  title: string;
  /** The slug when the title has no letter or digit left. */
  fallback: string;
  extension: string;
  now?: Date;
}): string {
  const slug =
    title
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .slice(0, 60)
      .replace(/^-+|-+$/g, "") || fallback;
  return `${prefix}-${slug}-${now.toISOString().slice(0, 10)}.${extension}`;
}

/**
 * A project calendar: saved as a file when downloaded from the timeline, read in place when a
 * calendar app polls its subscription. "no-cache": apps may keep it but must ask again.
 */
export function calendarHeaders({ download }: { download: boolean }): HeadersInit {
  return fileHeaders({
    contentType: "text/calendar; charset=utf-8",
    filename: download ? "chronologie.ics" : undefined,
    cache: "private, no-cache",
  });
}
