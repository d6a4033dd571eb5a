import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams, useRouteError } from "@remix-run/react";
import { AdoptForm } from "~/components/council/adopt-form";
import { AvisText, VotesLine } from "~/components/council/avis-report";
import { AvisStateBadge, DueLine } from "~/components/council/saisine-list";
import { ErrorPage } from "~/components/error-page";
import { FindingStateBadge } from "~/components/findings/finding-card";
import { NoteEditorArea } from "~/components/note-editor-area";
import { useLocale, useT } from "~/i18n/use-translation";
import { adoptAvis, transmitAvis } from "~/models/council/avis-actions.server";
import { isOverdue } from "~/models/council/avis-rights";
import { parseAvisText } from "~/models/council/avis-text";
import { adoptSchema } from "~/models/council/saisine-forms.server";
import { getSaisine } from "~/models/council/saisine.server";
import type { SaisineOrigin } from "~/models/core/vocabulary";
import { can } from "~/models/projects/permissions.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import councilStyles from "~/styles/council.css";
import findingStyles from "~/styles/findings.css";
import { formatDate } from "~/utils/format";
import { readForm, text, validate } from "~/utils/forms.server";
import { forbidden, notFound } from "~/utils/http.server";
import { projectPageTitle } from "~/utils/page-title";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: findingStyles },
  { rel: "stylesheet", href: councilStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const [project] = projectPageTitle(matches, null);
  return [{ title: data ? `${data.pageTitle} · ${project!.title}` : project!.title }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const saisine = await getSaisine({ access, saisineId: params.saisineId ?? "" });
  if (!saisine) notFound(t);
  const drafting = saisine.state === "drafting";
  const { adoptedText, ...rest } = saisine;
  return json({
    saisine: { ...rest, overdue: isOverdue(saisine, new Date()) },
    adopted: parseAvisText(adoptedText),
    pageTitle: saisine.title || saisine.question,
    canEdit: drafting && can(access, "avis.edit"),
    canAdopt: drafting && can(access, "avis.adopt"),
    canTransmit: saisine.state === "adopted" && can(access, "avis.transmit"),
    viewer: { id: user.id, name: user.name },
  });
}

/** `intent=adopt` (votes optional) or `intent=transmit`: 404 unknown, 403 not allowed, 400 bad votes, 409 wrong state. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "content.read");
  const form = await readForm(request, t);
  const saisineId = params.saisineId ?? "";
  const values = {
    votesFor: text(form, "votesFor"),
    votesAgainst: text(form, "votesAgainst"),
    votesAbstain: text(form, "votesAbstain"),
  };
  const refuse = (fieldErrors: Record<string, string>, status: number) => json({ fieldErrors, values }, { status });
  const base = { projectId: access.projectId, saisineId, userId: user.id };
  const intent = text(form, "intent");
  if (!(await getSaisine({ access, saisineId }))) notFound(t);
  if (intent === "adopt") {
    if (!can(access, "avis.adopt")) forbidden(t);
    const votes = validate(adoptSchema(t), values);
    if (!votes.ok) return refuse(votes.fieldErrors, 400);
    const outcome = await adoptAvis({ ...base, votes: votes.data, readDocument: context.documents.read });
    if (outcome === "not_found") notFound(t);
    if (outcome === "wrong_state") return refuse({ form: t("council.adopt.wrongState") }, 409);
  } else if (intent === "transmit") {
    if (!can(access, "avis.transmit")) forbidden(t);
    const outcome = await transmitAvis(base);
    if (outcome === "not_found") notFound(t);
    if (outcome === "wrong_state") return refuse({ form: t("council.transmit.wrongState") }, 409);
  } else {
    return refuse({ form: t("council.unknownIntent") }, 400);
  }
  return redirect(`/projects/${access.projectId}/council/${saisineId}`);
}

export default function SaisinePage() {
  const t = useT();
  const locale = useLocale();
  const { saisine, adopted, pageTitle, canEdit, canAdopt, canTransmit, viewer } = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>() ?? null;
  const projectId = useParams().projectId!;
  const base = `/projects/${projectId}/council`;
  const created = formatDate(locale, saisine.createdAt);
  return (
    <article className="stack saisine-page" aria-labelledby="saisine-title">
      <p className="inline-form">
        <Link to={base}>
          <span aria-hidden="true">← </span>
          {t("council.back")}
        </Link>
        <Link to={`${base}/${saisine.id}/print`}>{t("council.print.link")}</Link>
        <a href={`${base}/${saisine.id}/export.md`} download>
          {t("council.export.md")}
        </a>
      </p>
      <header>
        <h2 id="saisine-title">{pageTitle}</h2>
        <p className="card-meta">
          <AvisStateBadge state={saisine.state} />
          <span>{t(`council.origin.${saisine.origin as SaisineOrigin}`)}</span>
          <DueLine dueOn={saisine.dueOn} overdue={saisine.overdue} />
          <span>
            {saisine.openedBy
              ? t("council.openedBy", { name: saisine.openedBy.name, date: created })
              : t("council.openedByUnknown", { date: created })}
          </span>
          {saisine.adoptedAt ? (
            <span>{t("council.adoptedOn", { date: formatDate(locale, saisine.adoptedAt) })}</span>
          ) : null}
          {saisine.transmittedAt ? (
            <span>{t("council.transmittedOn", { date: formatDate(locale, saisine.transmittedAt) })}</span>
          ) : null}
        </p>
      </header>
      <section className="panel" aria-labelledby="saisine-question-title">
        <h3 id="saisine-question-title">{t("council.question")}</h3>
        <p className="question large">{saisine.question}</p>
      </section>
      <section className="panel" aria-labelledby="saisine-findings-title">
        <h3 id="saisine-findings-title">{t("council.findings")}</h3>
        {saisine.findings.length ? (
          <ul>
            {saisine.findings.map((f) => (
              <li key={f.id}>
                <Link to={`/projects/${projectId}/findings/${f.id}`}>{f.title || t("findings.untitled")}</Link>{" "}
                <FindingStateBadge state={f.state} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("council.findingsNone")}</p>
        )}
      </section>
      <section className="panel stack" aria-labelledby="avis-title">
        <h3 id="avis-title">{t("council.avis")}</h3>
        {adopted ? (
          <>
            <p className="notice">{t("council.avis.frozen")}</p>
            {adopted.title ? <h4>{adopted.title}</h4> : null}
            <AvisText text={adopted} />
            <VotesLine saisine={saisine} />
          </>
        ) : (
          <>
            {canEdit ? null : <p className="notice">{t("council.avis.readOnly")}</p>}
            <NoteEditorArea
              docName={`avis:${saisine.id}`}
              user={viewer}
              readOnly={!canEdit}
              excerpt={saisine.excerpt}
              listHref={base}
            />
          </>
        )}
      </section>
      {refusal?.fieldErrors.form ? (
        <p role="alert" className="form-error">
          {refusal.fieldErrors.form}
        </p>
      ) : null}
      {canAdopt ? <AdoptForm refusal={refusal} /> : null}
      {canTransmit ? (
        <Form method="post">
          <input type="hidden" name="intent" value="transmit" />
          <button type="submit" className="button primary">
            {t("council.transmit.submit")}
          </button>
        </Form>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
