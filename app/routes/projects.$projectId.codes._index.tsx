import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams, useRouteError } from "@remix-run/react";
import { CodeFields, EMPTY_CODE_FORM, LookalikeQuestion } from "~/components/codes/code-fields";
import { CodeTable } from "~/components/codes/code-table";
import { ExportLinks } from "~/components/codes/export-links";
import { QdaExchange } from "~/components/codes/qda-exchange";
import { ErrorPage } from "~/components/error-page";
import { FormError, useFocusFirstError } from "~/components/form-field";
import { useT } from "~/i18n/use-translation";
import { createCode } from "~/models/codes/code-admin.server";
import { codeFieldsSchema, readCodeForm, refusalMessage } from "~/models/codes/code-form.server";
import { codeView, parentOptions } from "~/models/codes/code-view.server";
import { can } from "~/models/projects/permissions.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import styles from "~/styles/codes.css";
import { readForm, text, validate } from "~/utils/forms.server";
import { projectPageTitle } from "~/utils/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ matches }) => projectPageTitle(matches, "codes.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access } = await requireProjectAccess(request, params.projectId, "content.read");
  const view = await codeView(access.projectId);
  const createdId = new URL(request.url).searchParams.get("created");
  const created = view.codebook.find((code) => code.id === createdId && !code.mergedIntoId);
  return json({
    grouped: view.grouped,
    retired: view.retired,
    parents: parentOptions(view.codebook),
    canManage: can(access, "codes.manage"),
    created: created ? { id: created.id, label: created.label } : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "codes.manage");
  const formData = await readForm(request, t);
  if (text(formData, "intent") !== "create") {
    return json({ formError: t("codes.error.intent"), fieldErrors: {}, values: EMPTY_CODE_FORM, lookalike: null }, 400);
  }
  const { values, confirmed } = readCodeForm(formData);
  const refused = (fieldErrors: Record<string, string>) =>
    json({ formError: t("codes.error.fix"), fieldErrors, values, lookalike: null }, 400);
  const parsed = validate(codeFieldsSchema(t), values);
  if (!parsed.ok) return refused(parsed.fieldErrors);
  const result = await createCode({ projectId: access.projectId, userId: user.id, fields: parsed.data, confirmed });
  if ("refused" in result) {
    const { field, message } = refusalMessage(t, result.refused);
    return refused({ [field]: message });
  }
  if ("lookalike" in result) {
    const lookalike = { id: result.lookalike.id, existing: result.lookalike.label, label: parsed.data.label };
    return json({ formError: null, fieldErrors: {}, values, lookalike }, 409);
  }
  return redirect(`/projects/${access.projectId}/codes?created=${result.id}`);
}

export default function CodesPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const projectId = useParams().projectId!;
  const base = `/projects/${projectId}/codes`;
  return (
    <section className="panel stack codes-page" aria-labelledby="codes-title">
      <div className="page-heading">
        <h2 id="codes-title">{t("codes.title")}</h2>
      </div>
      <p>{t("codes.intro")}</p>
      {data.canManage ? null : <p className="notice">{t("codes.readOnly")}</p>}
      {data.created ? (
        <p role="status" className="notice success">
          {t("codes.created", { label: data.created.label })}
        </p>
      ) : null}
      {data.grouped.length ? (
        <CodeTable codes={data.grouped} caption={t("codes.list.caption")} base={base} />
      ) : (
        <p className="empty">{t("codes.empty")}</p>
      )}
      {data.retired.length ? (
        <section className="stack" aria-labelledby="codes-retired">
          <h3 id="codes-retired">{t("codes.retired.title")}</h3>
          <p>{t("codes.retired.intro")}</p>
          <CodeTable codes={data.retired} caption={t("codes.retired.title")} base={base} />
        </section>
      ) : null}
      <section className="stack" aria-labelledby="codes-cooc">
        <h3 id="codes-cooc">{t("codes.cooc.title")}</h3>
        <p>
          {t("codes.cooc.intro")} <Link to={`${base}/co-occurrences`}>{t("codes.cooc.open")}</Link>
        </p>
      </section>
      <ExportLinks codeId={null} />
      <QdaExchange projectId={projectId} canImport={data.canManage} />
      {data.canManage ? <CreateCode parents={data.parents} /> : null}
    </section>
  );
}

function CreateCode({ parents }: { parents: { id: string; label: string }[] }) {
  const t = useT();
  const answer = useActionData<typeof action>();
  const formRef = useFocusFirstError(answer);
  const busy = useNavigation().formMethod === "POST";
  const projectId = useParams().projectId!;
  return (
    <section className="stack" aria-labelledby="codes-create">
      <h3 id="codes-create">{t("codes.create.title")}</h3>
      {/* Keyed by the answer: after a refusal the fields show what was sent. */}
      <Form method="post" className="stack code-form" ref={formRef} key={JSON.stringify(answer?.values ?? null)}>
        <input type="hidden" name="intent" value="create" />
        <FormError message={answer?.formError} />
        {answer?.lookalike ? (
          <LookalikeQuestion
            mode="create"
            label={answer.lookalike.label}
            existing={answer.lookalike.existing}
            href={`/projects/${projectId}/codes/${answer.lookalike.id}`}
          />
        ) : null}
        <CodeFields values={answer?.values ?? EMPTY_CODE_FORM} errors={answer?.fieldErrors} parents={parents} />
        <p>
          <button type="submit" className="button primary" disabled={busy}>
            {t("codes.create.submit")}
          </button>
        </p>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
