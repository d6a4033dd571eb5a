import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Link,
  useLoaderData,
  useLocation,
  useParams,
  useRouteError,
  type ClientLoaderFunctionArgs,
} from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/error-page";
import { NoteCard } from "~/components/note-card";
import { NoteFilters, type NoteFilterValues } from "~/components/note-filters";
import { Pager, type PagerTexts } from "~/components/pager";
import type { Translator } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import {
  listNoteAuthors,
  listNotes,
  NOTE_SORTS,
  searchWords,
  type NoteFilters as Filters,
} from "~/models/notes/note.server";
import { parseDayAsDate as parseDay } from "~/utils/day";
import { countTrashedNotes } from "~/models/notes/note-trash.server";
import { listCycles } from "~/models/timeline/cycle.server";
import { can } from "~/models/projects/permissions.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { LIMITS } from "~/models/core/limits";
import { PHASES } from "~/models/core/vocabulary";
import { listTags } from "~/models/notes/tag.server";
import { serverOrKept, useKeptPageData } from "~/utils/offline-pages";
import { projectPageTitle } from "~/utils/page-title";

// Every field falls back to "no filter": a hand-edited or stale address still shows a list.
const filtersSchema = () =>
  z.object({
    q: z
      .string()
      .catch("")
      .transform((q) => q.slice(0, LIMITS.noteQueryMax)),
    author: z.string().max(64).catch(""),
    tag: z.string().max(64).catch(""),
    from: z.string().max(10).catch(""),
    to: z.string().max(10).catch(""),
    cycle: z.string().max(64).catch(""),
    phase: z.enum(["", ...PHASES]).catch(""),
    sort: z.enum(NOTE_SORTS).catch("observed"),
    page: z.coerce.number().int().min(1).max(10_000).catch(1),
  });

function parseFilters(url: URL, t: Translator) {
  const schema = filtersSchema();
  const raw = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, url.searchParams.get(key) ?? undefined]));
  const { page, ...values } = schema.parse(raw);
  const errors: Partial<Record<"from" | "to", string>> = {};
  let from = values.from ? parseDay(values.from) : null;
  let to = values.to ? parseDay(values.to) : null;
  if (values.from && !from) errors.from = t("notes.filters.badDate");
  if (values.to && !to) errors.to = t("notes.filters.badDate");
  if (from && to && from > to) {
    errors.to = t("notes.filters.badRange");
    from = to = null;
  }
  const filters: Filters = {
    q: values.q,
    authorId: values.author || null,
    tagId: values.tag || null,
    from,
    to,
    cycleId: values.cycle || null,
    phase: values.phase || null,
    sort: values.sort,
    page,
  };
  const filtered =
    searchWords(values.q).length > 0 ||
    Boolean(filters.authorId || filters.tagId || from || to || filters.cycleId || filters.phase);
  return { filters, values: values satisfies NoteFilterValues, errors, filtered };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => projectPageTitle(matches, "notes.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const projectId = access.projectId;
  const url = new URL(request.url);
  const { filters, values, errors, filtered } = parseFilters(url, t);
  const canCreate = can(access, "notes.edit");
  const [{ total, notes }, authors, tags, cycles, trashed] = await Promise.all([
    listNotes({ projectId, filters }),
    listNoteAuthors({ projectId }),
    listTags({ projectId }),
    listCycles({ projectId }),
    // The trash is for those who work on notes (projects.$projectId.notes.trash.tsx).
    canCreate ? countTrashedNotes({ projectId }) : null,
  ]);
  const pages = Math.max(1, Math.ceil(total / LIMITS.notesPerPage));
  if (filters.page > pages) {
    // A page past the end (an old link, notes deleted since): the last page, not an empty list.
    if (pages === 1) url.searchParams.delete("page");
    else url.searchParams.set("page", String(pages));
    throw redirect(`${url.pathname}${url.searchParams.size ? `?${url.searchParams}` : ""}`);
  }
  return json({
    notes,
    total,
    page: filters.page,
    pages,
    filtered,
    values,
    errors,
    authors,
    tags,
    cycles,
    canCreate,
    trashed,
    queryMax: LIMITS.noteQueryMax,
    sorts: NOTE_SORTS,
  });
}

/**
 * Offline, going back to the list from a note opened from it shows the list as this device last
 * saw it (with these filters), so that another kept note can be opened from it.
 */
export const clientLoader = ({ request, serverLoader }: ClientLoaderFunctionArgs) =>
  serverOrKept(request, () => serverLoader<typeof loader>());

const PAGER_TEXTS: PagerTexts = {
  label: "notes.pages.label",
  previous: "notes.pages.previous",
  next: "notes.pages.next",
  current: "notes.pages.current",
};

export default function NotesPage() {
  const t = useT();
  const data = useLoaderData<typeof clientLoader>();
  useKeptPageData(data);
  const { search } = useLocation();
  const projectId = useParams().projectId!;
  const base = `/projects/${projectId}/notes`;
  return (
    <section className="panel stack" aria-labelledby="notes-title">
      <div className="page-heading">
        <h2 id="notes-title">{t("notes.title")}</h2>
        {data.canCreate ? (
          <div className="inline-form">
            {/* The title first (projects.$projectId.notes.new.tsx): no untitled note made by a click. */}
            <Link to={`${base}/new`} className="button primary">
              {t("notes.new")}
            </Link>
            <Link to={`${base}/trash`} className="button">
              {data.trashed ? t("notes.trash.linkCount", { count: data.trashed }) : t("notes.trash.link")}
            </Link>
          </div>
        ) : null}
      </div>
      {data.canCreate ? null : <p className="notice">{t("notes.readOnlyList")}</p>}
      <NoteFilters
        // Remounted on every navigation so that "clear" and the back button show the address's filters.
        key={search}
        values={data.values}
        authors={data.authors}
        tags={data.tags}
        cycles={data.cycles}
        sorts={data.sorts}
        errors={data.errors}
        queryMax={data.queryMax}
        resetHref={base}
      />
      <p role="status" className="note-count">
        {countLabel(t, data.total, data.filtered)}
      </p>
      {data.notes.length ? (
        <ul className="card-list note-list">
          {data.notes.map((note) => (
            <NoteCard key={note.id} note={note} href={`${base}/${note.id}`} />
          ))}
        </ul>
      ) : data.total === 0 ? (
        <EmptyState filtered={data.filtered} canCreate={data.canCreate} />
      ) : null}
      <Pager
        page={data.page}
        pages={data.pages}
        search={search}
        texts={PAGER_TEXTS}
        className="inline-form note-pager"
      />
    </section>
  );
}

function countLabel(t: Translator, total: number, filtered: boolean) {
  if (total === 0) return filtered ? t("notes.noMatch.title") : t("notes.count.none");
  if (filtered) return total === 1 ? t("notes.count.matchOne") : t("notes.count.matchMany", { count: total });
  return total === 1 ? t("notes.count.one") : t("notes.count.many", { count: total });
}

function EmptyState({ filtered, canCreate }: { filtered: boolean; canCreate: boolean }) {
  const t = useT();
  return (
    <div className="empty">
      {filtered ? (
        <p>{t("notes.noMatch.hint")}</p>
      ) : (
        <>
          <p>
            <strong>{t("notes.empty.title")}</strong>
          </p>
          <p>{canCreate ? t("notes.empty.canCreate") : t("notes.empty.readOnly")}</p>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
