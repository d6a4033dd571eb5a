import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useParams, useRouteError } from "@remix-run/react";
import { SaisineList } from "~/components/council/saisine-list";
import { ErrorPage } from "~/components/error-page";
import { useT } from "~/i18n/use-translation";
import { isOverdue } from "~/models/council/avis-rights";
import { listSaisines } from "~/models/council/saisine.server";
import { can } from "~/models/projects/permissions.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import councilStyles from "~/styles/council.css";
import { projectPageTitle } from "~/utils/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: councilStyles }];

export const meta: MetaFunction = ({ matches }) => projectPageTitle(matches, "council.title");

/** The project's saisines: open ones first, soonest due first, overdue ones flagged; then adopted avis. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access } = await requireProjectAccess(request, params.projectId, "content.read");
  const { open, closed } = await listSaisines({ projectId: access.projectId });
  const now = new Date();
  const item = ({ _count, ...s }: (typeof open)[number]) => ({
    ...s,
    overdue: isOverdue(s, now),
    findingCount: _count.findings,
  });
  return json({
    open: open.map(item),
    closed: closed.map(item),
    canRefer: can(access, "saisines.refer") || can(access, "saisines.selfRefer"),
    ownInitiative: !can(access, "saisines.refer") && can(access, "saisines.selfRefer"),
  });
}

export default function CouncilPage() {
  const t = useT();
  const { open, closed, canRefer, ownInitiative } = useLoaderData<typeof loader>();
  const base = `/projects/${useParams().projectId!}/council`;
  return (
    <section className="panel stack" aria-labelledby="council-title">
      <div className="page-heading">
        <h2 id="council-title">{t("council.title")}</h2>
        {canRefer ? (
          <Link to={`${base}/new`} className="button primary">
            {ownInitiative ? t("council.newOwn") : t("council.new")}
          </Link>
        ) : null}
      </div>
      <p>{t("council.intro")}</p>
      <section className="stack" aria-labelledby="council-open-title">
        <h3 id="council-open-title">{t("council.open")}</h3>
        {open.length ? <SaisineList items={open} base={base} /> : <p className="empty">{t("council.none")}</p>}
      </section>
      <section className="stack" aria-labelledby="council-closed-title">
        <h3 id="council-closed-title">{t("council.closed")}</h3>
        {closed.length ? (
          <SaisineList items={closed} base={base} />
        ) : (
          <p className="empty">{t("council.noneClosed")}</p>
        )}
      </section>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
