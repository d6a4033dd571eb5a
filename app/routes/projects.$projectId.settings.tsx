import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import type { MetaFunction } from "@remix-run/node";
import { projectPageTitle } from "~/utils/page-title";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ProjectForm } from "~/components/project-form";
import { useT } from "~/i18n/use-translation";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { projectFormValues, projectSchema } from "~/models/projects/project-form.server";
import { getProjectForMember, updateProject } from "~/models/projects/project.server";
import type { Phase, TerritoryKind, Visibility } from "~/models/core/vocabulary";
import { readForm, validate } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = ({ matches }) => projectPageTitle(matches, "project.nav.settings");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "project.edit");
  const project = await getProjectForMember(access.projectId);
  if (!project) notFound(t);
  return json({
    defaults: {
      title: project.title,
      question: project.question,
      sectors: project.sectors,
      phase: project.phase as Phase,
      visibility: project.visibility as Visibility,
      territory: {
        value: `${project.territoryKind}:${project.territoryCode}`,
        kind: project.territoryKind as TerritoryKind,
        code: project.territoryCode,
        name: project.territoryName,
        departement: project.departement,
        population: project.population,
      },
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { access, t } = await requireProjectAccess(request, params.projectId, "project.edit");
  // The phase is not edited here: it moves through the recorded path (the cycle page).
  const result = validate(projectSchema(t).omit({ phase: true }), projectFormValues(await readForm(request, t)));
  if (!result.ok) return json({ fieldErrors: result.fieldErrors }, { status: 400 });
  await updateProject({ projectId: access.projectId, input: result.data });
  return redirect(`/projects/${access.projectId}`);
}

export default function ProjectSettings() {
  const t = useT();
  const { defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="panel narrow" aria-labelledby="settings-title">
      <h2 id="settings-title">{t("project.settings")}</h2>
      <ProjectForm
        defaults={defaults}
        errors={actionData?.fieldErrors ?? {}}
        submitLabel={t("project.save")}
        showPhase={false}
      />
    </section>
  );
}
