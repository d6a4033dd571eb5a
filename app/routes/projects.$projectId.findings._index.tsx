import { json, redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useParams, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/error-page";
import { FindingCard } from "~/components/findings/finding-card";
import { FindingFilters } from "~/components/findings/finding-filters";
import { Pager, type PagerTexts } from "~/components/pager";
import type { Translator } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import { CONFIDENCE_LEVELS, FINDING_STATES, PHASES, SECTORS } from "~/models/core/vocabulary";
import { FINDING_LIMITS } from "~/models/findings/finding-limits";
import { listFindings, type FindingFilters as Filters } from "~/models/findings/finding.server";
import { searchWords } from "~/models/notes/note.server";
import { can } from "~/models/projects/permissions.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { listCycles } from "~/models/timeline/cycle.server";
import findingStyles from "~/styles/findings.css";
import { projectPageTitle } from "~/utils/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: findingStyles }];

// Every field falls back to "no filter": a hand-edited or stale address still shows a list.
const filtersSchema = z.object({
  q: z
    .string()
    .catch("")
    .transform((q) => q.slice(0, FINDING_LIMITS.queryMax)),
  state: z.enum(["", ...FINDING_STATES]).catch(""),
  confidence: z.enum(["", ...CONFIDENCE_LEVELS]).catch(""),
  sector: z.enum(["", ...SECTORS]).catch(""),
  cycle: z.string().max(64).catch(""),
  phase: z.enum(["", ...PHASES]).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

function parseFilters(url: URL) {
  const raw = Object.fromEntries(
    Object.keys(filtersSchema.shape).map((key) => [key, url.searchParams.get(key) ?? undefined]),
  );
  const { page, ...values } = filtersSchema.parse(raw);
  const filters: Filters = {
    q: values.q,
    state: values.state || null,
    confidence: values.confidence || null,
    sector: values.sector || null,
    cycleId: values.cycle || null,
    phase: values.phase || null,
    page,
  };
  const filtered =
    searchWords(values.q).length > 0 ||
    Boolean(filters.state || filters.confidence || filters.sector || filters.cycleId || filters.phase);
  return { filters, values, filtered };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => projectPageTitle(matches, "findings.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access } = await requireProjectAccess(request, params.projectId, "content.read");
  const projectId = access.projectId;
  const url = new URL(request.url);
  const { filters, values, filtered } = parseFilters(url);
  const [{ total, findings }, cycles] = await Promise.all([
    listFindings({ access, filters }),
    listCycles({ projectId }),
  ]);
  const pages = Math.max(1, Math.ceil(total / FINDING_LIMITS.perPage));
  if (filters.page > pages) {
    if (pages === 1) url.searchParams.delete("page");
    else url.searchParams.set("page", String(pages));
    throw redirect(`${url.pathname}${url.searchParams.size ? `?${url.searchParams}` : ""}`);
  }
  return json({
    findings,
    total,
    page: filters.page,
    pages,
    filtered,
    values,
    cycles,
    canCreate: can(access, "findings.edit"),
    queryMax: FINDING_LIMITS.queryMax,
  });
}

const PAGER_TEXTS: PagerTexts = {
  label: "findings.pages.label",
  previous: "findings.pages.previous",
  next: "findings.pages.next",
  current: "findings.pages.current",
};

export default function FindingsPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const base = `/projects/${useParams().projectId!}/findings`;
  return (
    <section className="panel stack" aria-labelledby="findings-title">
      <div className="page-heading">
        <h2 id="findings-title">{t("findings.title")}</h2>
        <div className="inline-form">
          {data.canCreate ? (
            // The title first (projects.$projectId.findings.new.tsx), as for notes.
            <Link to={`${base}/new`} className="button primary">
              {t("findings.new")}
            </Link>
          ) : null}
          <Link to={`${base}/print`} className="button">
            {t("findings.print.all")}
          </Link>
          <a href={`${base}/export.md`} className="button" download>
            {t("findings.export.mdAll")}
          </a>
        </div>
      </div>
      {data.canCreate ? null : <p className="notice">{t("findings.readOnlyList")}</p>}
      <FindingFilters
        key={search}
        values={data.values}
        cycles={data.cycles}
        queryMax={data.queryMax}
        resetHref={base}
      />
      <p role="status" className="note-count">
        {countLabel(t, data.total, data.filtered)}
      </p>
      {data.findings.length ? (
        <ul className="card-list finding-list">
          {data.findings.map((finding) => (
            <FindingCard key={finding.id} finding={finding} href={`${base}/${finding.id}`} />
          ))}
        </ul>
      ) : data.total === 0 && !data.filtered ? (
        <div className="empty">
          <p>{data.canCreate ? t("findings.empty.canCreate") : t("findings.empty.readOnly")}</p>
        </div>
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
  if (total === 0) return filtered ? t("findings.noMatch") : t("findings.count.none");
  if (filtered) return total === 1 ? t("findings.count.matchOne") : t("findings.count.matchMany", { count: total });
  return total === 1 ? t("findings.count.one") : t("findings.count.many", { count: total });
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
