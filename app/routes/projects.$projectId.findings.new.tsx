import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useParams, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/error-page";
import { TextAreaField, TextField } from "~/components/form-field";
import type { Translator } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import { FINDING_LIMITS } from "~/models/findings/finding-limits";
import { createFinding } from "~/models/findings/finding.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { readForm, text, validate } from "~/utils/forms.server";
import { projectPageTitle } from "~/utils/page-title";

const { titleMax, statementMax } = FINDING_LIMITS;

// A finding says something: unlike a note, it has a title from the start.
const newFindingSchema = (t: Translator) =>
  z.object({
    title: z
      .string()
      .transform((title) => title.replace(/\s+/g, " ").trim())
      .pipe(
        z
          .string()
          .min(1, t("findings.create.required"))
          .max(titleMax, t("findings.create.tooLong", { max: titleMax })),
      ),
    statement: z
      .string()
      .transform((statement) => statement.replace(/\s+/g, " ").trim())
      .pipe(z.string().max(statementMax, t("findings.create.statementTooLong", { max: statementMax }))),
  });

export const meta: MetaFunction = ({ matches }) => projectPageTitle(matches, "findings.create.title");

/** For those who may draft findings: readers get a 403, outsiders a 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireProjectAccess(request, params.projectId, "findings.edit");
  return json({});
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "findings.edit");
  const form = await readForm(request, t);
  const values = { title: text(form, "title"), statement: text(form, "statement") };
  const result = validate(newFindingSchema(t), values);
  if (!result.ok) return json({ fieldErrors: result.fieldErrors, values }, { status: 400 });
  const finding = await createFinding({ projectId: access.projectId, authorId: user.id, ...result.data });
  // The finding's page writes the title (and statement) into its empty text when first opened.
  return redirect(`/projects/${access.projectId}/findings/${finding.id}`);
}

export default function NewFindingPage() {
  const t = useT();
  const refused = useActionData<typeof action>();
  const busy = useNavigation().formMethod === "POST";
  const projectId = useParams().projectId!;
  return (
    <section className="panel stack" aria-labelledby="finding-new-title">
      <h2 id="finding-new-title">{t("findings.create.title")}</h2>
      <Form method="post" className="stack">
        <p>{t("findings.create.intro")}</p>
        <TextField
          name="title"
          label={t("findings.create.field")}
          hint={t("findings.create.hint", { max: titleMax })}
          error={refused?.fieldErrors.title}
          defaultValue={refused?.values.title ?? ""}
          maxLength={titleMax}
          autoComplete="off"
          required
          autoFocus
        />
        <TextAreaField
          name="statement"
          label={t("findings.create.statement")}
          hint={t("findings.create.statementHint", { max: statementMax })}
          error={refused?.fieldErrors.statement}
          defaultValue={refused?.values.statement ?? ""}
          maxLength={statementMax}
          rows={4}
        />
        <p className="inline-form">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t("findings.create.busy") : t("findings.create.submit")}
          </button>
          <Link to={`/projects/${projectId}/findings`} className="button">
            {t("findings.create.cancel")}
          </Link>
        </p>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
