import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useParams, useRouteError } from "@remix-run/react";
import { CodeManage, type ManageAnswer } from "~/components/codes/code-manage";
import { PassageFilters, PassageList } from "~/components/codes/code-passages";
import { Swatch } from "~/components/codes/code-table";
import { ExportLinks } from "~/components/codes/export-links";
import { ErrorPage } from "~/components/error-page";
import { Pager, type PagerTexts } from "~/components/pager";
import { useT } from "~/i18n/use-translation";
import { codePageData, manageCode } from "~/models/codes/code-page.server";
import { visibleFindingsWhere } from "~/models/review/finding-visibility.server";
import { listCodebook, resolveCode } from "~/models/codes/codebook.server";
import { can } from "~/models/projects/permissions.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import styles from "~/styles/codes.css";
import { readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { projectPageTitle } from "~/utils/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ matches }) => projectPageTitle(matches, "codes.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const projectId = access.projectId;
  const codebook = await listCodebook(projectId);
  const asked = codebook.find((code) => code.id === params.codeId);
  const code = asked ? resolveCode(codebook, asked.id) : null;
  if (!code) notFound(t);
  const url = new URL(request.url);
  // A merged code's old links (bookmarks, exports) lead to the code it became.
  if (code.id !== asked!.id) throw redirect(`/projects/${projectId}/codes/${code.id}${url.search}`);
  const data = await codePageData({
    projectId,
    codebook,
    code,
    params: url.searchParams,
    visible: visibleFindingsWhere(access),
  });
  if (data.page > data.pages) {
    url.searchParams.set("page", String(data.pages));
    throw redirect(`${url.pathname}?${url.searchParams}`);
  }
  const done = (["saved", "retired", "restored"] as const).find((d) => d === url.searchParams.get("done")) ?? null;
  const from = codebook.find((other) => other.id === url.searchParams.get("mergedFrom"));
  return json({
    ...data,
    canManage: can(access, "codes.manage"),
    done,
    mergedFrom: url.searchParams.get("done") === "merged" && from?.mergedIntoId === code.id ? from.label : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "codes.manage");
  const formData = await readForm(request, t);
  const answer = await manageCode({ projectId: access.projectId, codeId: params.codeId ?? "", formData, t });
  if (answer.kind === "notFound") notFound(t);
  if (answer.kind === "done") return redirect(answer.location);
  return json(answer.body satisfies ManageAnswer, answer.status);
}

const PAGER_TEXTS: PagerTexts = {
  label: "codes.pages.label",
  previous: "codes.pages.previous",
  next: "codes.pages.next",
  current: "codes.pages.current",
};

export default function CodePage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { search } = useLocation();
  const projectId = useParams().projectId!;
  const codesBase = `/projects/${projectId}/codes`;
  const { code } = data;
  return (
    <section className="panel stack codes-page" aria-labelledby="code-title">
      <p>
        <Link to={codesBase}>{t("codes.page.back")}</Link>
      </p>
      <h2 id="code-title">
        <Swatch colour={code.colour} />
        {code.label}
      </h2>
      {data.parent ? (
        <p>
          <Link to={`${codesBase}/${data.parent.id}`}>{t("codes.page.parent", { label: data.parent.label })}</Link>
        </p>
      ) : null}
      {code.retired ? <p className="notice">{t("codes.retiredNotice")}</p> : null}
      <Status done={data.done} mergedFrom={data.mergedFrom} />
      <p className="code-definition">{code.definition || t("codes.list.noDefinition")}</p>
      <dl className="stats">
        <div>
          <dt>{t("codes.page.summaryPassages")}</dt>
          <dd>{data.counts.passages}</dd>
        </div>
        <div>
          <dt>{t("codes.page.summaryNotes")}</dt>
          <dd>{data.counts.notes}</dd>
        </div>
      </dl>
      {data.children.length ? (
        <section aria-labelledby="code-children">
          <h3 id="code-children">{t("codes.page.childrenTitle")}</h3>
          <ul>
            {data.children.map((child) => (
              <li key={child.id}>
                <Link to={`${codesBase}/${child.id}`}>{child.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.citing.length ? (
        <section aria-labelledby="code-cited">
          <h3 id="code-cited">
            {data.citing.length === 1
              ? t("codes.page.citedInOne")
              : t("codes.page.citedInMany", { count: data.citing.length })}
          </h3>
          <ul>
            {data.citing.map((finding) => (
              <li key={finding.id}>
                <Link to={`/projects/${projectId}/findings/${finding.id}`}>{finding.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="stack" aria-labelledby="code-passages">
        <h3 id="code-passages">{t("codes.page.passagesTitle")}</h3>
        <PassageFilters
          key={search}
          values={data.values}
          options={data.options}
          ignored={data.ignored}
          resetHref={`${codesBase}/${code.id}`}
        />
        <p role="status">{countText(t, data.total, data.filtered)}</p>
        <PassageList passages={data.passages} notesBase={`/projects/${projectId}/notes`} />
        <Pager page={data.page} pages={data.pages} search={search} texts={PAGER_TEXTS} />
      </section>
      <ExportLinks codeId={code.id} />
      {data.canManage ? (
        <CodeManage code={code} parents={data.parents} targets={data.targets} answer={answer} codesBase={codesBase} />
      ) : null}
    </section>
  );
}

function countText(t: ReturnType<typeof useT>, total: number, filtered: boolean): string {
  if (total === 0) return filtered ? t("codes.page.noMatch") : t("codes.page.none");
  if (filtered) {
    return total === 1 ? t("codes.page.countFilteredOne") : t("codes.page.countFilteredMany", { count: total });
  }
  return total === 1 ? t("codes.page.countOne") : t("codes.page.countMany", { count: total });
}

function Status({ done, mergedFrom }: { done: "saved" | "retired" | "restored" | null; mergedFrom: string | null }) {
  const t = useT();
  const message = mergedFrom
    ? t("codes.merged", { from: mergedFrom })
    : done === "saved"
      ? t("codes.saved")
      : done === "retired"
        ? t("codes.retiredNow")
        : done === "restored"
          ? t("codes.restored")
          : null;
  return message ? (
    <p role="status" className="notice success">
      {message}
    </p>
  ) : null;
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
