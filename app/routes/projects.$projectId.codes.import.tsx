import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams, useRouteError } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { TextField } from "~/components/form-field";
import type { Translator } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import { importCodebook, type CodebookImportSummary } from "~/models/codes/refi-qda-import.server";
import { parseCodebook, type QdcError } from "~/models/codes/refi-qda-parse";
import { LIMITS } from "~/models/core/limits";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { readForm } from "~/utils/forms.server";
import { projectPageTitle } from "~/utils/page-title";

const MAX_MB = LIMITS.codebookFileBytes / (1024 * 1024);

export const meta: MetaFunction<typeof loader> = ({ matches }) => projectPageTitle(matches, "qda.import.title");

/** The form is for those who manage the codebook: other members get a 403, outsiders a 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireProjectAccess(request, params.projectId, "codes.manage");
  return json({ maxMb: MAX_MB });
}

function errorMessage(error: QdcError, t: Translator): string {
  switch (error.kind) {
    case "notText":
      return t("qda.error.notText");
    case "notXml":
      return error.line ? t("qda.error.notXmlAt", { line: error.line }) : t("qda.error.notXml");
    case "doctype":
      return t("qda.error.doctype");
    case "wrongRoot":
      return t("qda.error.wrongRoot");
    case "noCodes":
      return t("qda.error.noCodes");
    case "tooManyCodes":
      return t("qda.error.tooManyCodes", { max: error.max });
    case "codeWithoutName":
      return t("qda.error.codeWithoutName");
    case "nameTooLong":
      return t("qda.error.nameTooLong", { name: error.name, max: error.max });
  }
}

type Answer = { error: string; summary: null } | { summary: CodebookImportSummary; error: null };

/**
 * A multipart upload of one `.qdc` (the server lets this path's body reach
 * LIMITS.codebookFileBytes plus the form around it). Anything wrong with the file is a 400
 * with a sentence, and nothing is written; a good file is merged in one transaction.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "codes.manage");
  const file = (await readForm(request, t)).get("file");
  const refuse = (error: string) => json<Answer>({ error, summary: null }, { status: 400 });
  if (!file || typeof file === "string" || file.size === 0) return refuse(t("qda.error.noFile"));
  if (file.size > LIMITS.codebookFileBytes) return refuse(t("qda.error.tooLarge", { max: MAX_MB }));
  const parsed = parseCodebook(new Uint8Array(await file.arrayBuffer()), { labelMax: LIMITS.tagLabelMax });
  if (!parsed.ok) return refuse(errorMessage(parsed.error, t));
  const summary = await importCodebook({ projectId: access.projectId, userId: user.id, codes: parsed.codes });
  return json<Answer>({ summary, error: null });
}

export default function CodebookImportPage() {
  const t = useT();
  const { maxMb } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().formMethod === "POST";
  const codes = `/projects/${useParams().projectId!}/codes`;
  if (answer?.summary) return <ImportSummary summary={answer.summary} codes={codes} />;
  return (
    <section className="panel stack" aria-labelledby="qda-import-title">
      <h2 id="qda-import-title">{t("qda.import.title")}</h2>
      <p>{t("qda.import.intro")}</p>
      <Form method="post" encType="multipart/form-data" className="stack">
        <TextField
          name="file"
          type="file"
          label={t("qda.import.field")}
          hint={t("qda.import.hint", { max: maxMb })}
          error={answer?.error ?? undefined}
          accept=".qdc,.xml,application/xml,text/xml"
          required
        />
        <p className="inline-form">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t("qda.import.busy") : t("qda.import.submit")}
          </button>
          <Link to={codes} className="button">
            {t("qda.import.back")}
          </Link>
        </p>
      </Form>
    </section>
  );
}

function ImportSummary({ summary, codes }: { summary: CodebookImportSummary; codes: string }) {
  const t = useT();
  return (
    <section className="panel stack" aria-labelledby="qda-import-title">
      <h2 id="qda-import-title">{t("qda.import.title")}</h2>
      <p role="status" className="notice success">
        {t("qda.import.done", { created: summary.created.length, kept: summary.kept.length })}
      </p>
      <h3>{t("qda.import.created", { count: summary.created.length })}</h3>
      {summary.created.length ? (
        <ul>
          {summary.created.map((code) => (
            <li key={code.label}>
              {code.label}
              {code.parent ? ` — ${t("qda.import.under", { parent: code.parent })}` : ""}
              {code.retired ? ` — ${t("qda.import.retired")}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("qda.import.noneCreated")}</p>
      )}
      <h3>{t("qda.import.kept", { count: summary.kept.length })}</h3>
      {summary.kept.length ? (
        <ul>
          {summary.kept.map((code) => (
            <li key={`${code.label}:${code.fileLabel}`}>
              {code.label}
              {code.fileLabel !== code.label ? ` (${t("qda.import.sameAs", { label: code.fileLabel })})` : ""}
              {code.completed.map((field) => ` — ${t(`qda.import.completed.${field}`)}`).join("")}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("qda.import.noneKept")}</p>
      )}
      <p className="inline-form">
        <Link to={codes} className="button primary">
          {t("qda.import.back")}
        </Link>
        <Link to="." reloadDocument className="button">
          {t("qda.import.again")}
        </Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
