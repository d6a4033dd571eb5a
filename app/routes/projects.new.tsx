import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { EMPTY_PROJECT, ProjectForm } from "~/components/project-form";
import { localeFromRequest, translator } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import { requireUser } from "~/models/accounts/auth.server";
import { projectFormValues, projectSchema } from "~/models/projects/project-form.server";
import { createProject } from "~/models/projects/project.server";
import { readForm, validate } from "~/utils/forms.server";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.locale, "projects.new");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return json({ locale: localeFromRequest(request) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = translator(localeFromRequest(request));
  const result = validate(projectSchema(t), projectFormValues(await readForm(request, t)));
  if (!result.ok) return json({ fieldErrors: result.fieldErrors }, { status: 400 });
  const project = await createProject({ userId: user.id, input: result.data });
  return redirect(`/projects/${project.id}`);
}

export default function NewProjectPage() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  return (
    <section className="page narrow" aria-labelledby="new-project-title">
      <h1 id="new-project-title">{t("projects.new")}</h1>
      <p className="lead">{t("projects.newLead")}</p>
      <ProjectForm defaults={EMPTY_PROJECT} errors={actionData?.fieldErrors ?? {}} submitLabel={t("projects.create")} />
    </section>
  );
}
