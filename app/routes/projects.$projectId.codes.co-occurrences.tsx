import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useParams, useRouteError } from "@remix-run/react";
import { CoOccurrenceTable } from "~/components/codes/co-occurrence";
import { ErrorPage } from "~/components/error-page";
import { useT } from "~/i18n/use-translation";
import { coOccurrencePage } from "~/models/codes/code-view.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import styles from "~/styles/codes.css";
import { projectPageTitle } from "~/utils/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ matches }) => projectPageTitle(matches, "codes.cooc.title");

/** Codes × codes: how many passages overlap, as a shaded table and as a list of pairs. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access } = await requireProjectAccess(request, params.projectId, "content.read");
  return json({ view: await coOccurrencePage(access.projectId) });
}

export default function CoOccurrencesPage() {
  const t = useT();
  const { view } = useLoaderData<typeof loader>();
  const codes = `/projects/${useParams().projectId!}/codes`;
  return (
    <section className="panel stack codes-page" aria-labelledby="cooc-title">
      <p>
        <Link to={codes}>{t("codes.page.back")}</Link>
      </p>
      <h2 id="cooc-title">{t("codes.cooc.title")}</h2>
      <p>{t("codes.cooc.intro")}</p>
      <CoOccurrenceTable view={view} />
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
