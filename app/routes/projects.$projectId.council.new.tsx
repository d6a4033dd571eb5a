import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams, useRouteError } from "@remix-run/react";
import { FindingStateBadge } from "~/components/findings/finding-card";
import { ErrorPage } from "~/components/error-page";
import { TextAreaField, TextField } from "~/components/form-field";
import { useT } from "~/i18n/use-translation";
import { saisineSchema } from "~/models/council/saisine-forms.server";
import { SAISINE_LIMITS } from "~/models/council/saisine-limits";
import { openSaisine, referableFindings } from "~/models/council/saisine.server";
import { can, type ProjectAccess } from "~/models/projects/permissions.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import councilStyles from "~/styles/council.css";
import { readForm, text, texts, validate } from "~/utils/forms.server";
import { dayStart } from "~/utils/day";
import { forbidden } from "~/utils/http.server";
import { projectPageTitle } from "~/utils/page-title";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: councilStyles }];

export const meta: MetaFunction = ({ matches }) => projectPageTitle(matches, "council.create.title");

/** A coordinator refers (saisine, due day required); a council reviewer takes a subject up (auto-saisine). */
function originFor(access: ProjectAccess) {
  if (can(access, "saisines.refer")) return "referral" as const;
  if (can(access, "saisines.selfRefer")) return "own_initiative" as const;
  return null;
}

async function guard(request: Request, projectId: string | undefined) {
  const guarded = await requireProjectAccess(request, projectId, "project.view");
  const origin = originFor(guarded.access);
  if (!origin) forbidden(guarded.t);
  return { ...guarded, origin };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, origin } = await guard(request, params.projectId);
  return json({ origin, findings: await referableFindings(access) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, access, origin, t } = await guard(request, params.projectId);
  const form = await readForm(request, t);
  const values = { question: text(form, "question"), dueOn: text(form, "dueOn") };
  const findingIds = texts(form, "findings");
  const today = new Date().toISOString().slice(0, 10);
  const schema = saisineSchema(t, { dueRequired: origin === "referral", today });
  const result = validate(schema, { ...values, findingIds });
  const refuse = (fieldErrors: Record<string, string>) => json({ fieldErrors, values, findingIds }, { status: 400 });
  if (!result.ok) return refuse(result.fieldErrors);
  const opened = await openSaisine({
    access,
    userId: user.id,
    origin,
    question: result.data.question,
    dueOn: result.data.dueOn ? dayStart(result.data.dueOn) : null,
    findingIds: result.data.findingIds,
  });
  if (!opened.ok) return refuse({ findingIds: t("council.create.findingsUnknown") });
  return redirect(`/projects/${access.projectId}/council/${opened.id}`);
}

export default function NewSaisinePage() {
  const t = useT();
  const { origin, findings } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const busy = useNavigation().formMethod === "POST";
  const projectId = useParams().projectId!;
  const own = origin === "own_initiative";
  const chosen = new Set(refused?.findingIds ?? []);
  const findingsError = refused?.fieldErrors.findingIds;
  return (
    <section className="panel stack" aria-labelledby="saisine-new-title">
      <h2 id="saisine-new-title">{own ? t("council.create.titleOwn") : t("council.create.title")}</h2>
      <Form method="post" className="stack">
        <p>{own ? t("council.create.introOwn") : t("council.create.intro")}</p>
        <TextAreaField
          name="question"
          label={t("council.create.question")}
          hint={t("council.create.questionHint", { max: SAISINE_LIMITS.questionMax })}
          error={refused?.fieldErrors.question}
          defaultValue={refused?.values.question ?? ""}
          maxLength={SAISINE_LIMITS.questionMax}
          rows={3}
          required
        />
        <TextField
          name="dueOn"
          type="date"
          label={t("council.create.due")}
          hint={t("council.create.dueHint")}
          error={refused?.fieldErrors.dueOn}
          defaultValue={refused?.values.dueOn ?? ""}
          required={!own}
        />
        <fieldset aria-describedby="findings-hint" aria-invalid={findingsError ? true : undefined}>
          <legend>{t("council.create.findings")}</legend>
          <p id="findings-hint" className="field-hint">
            {findings.length ? t("council.create.findingsHint") : t("council.create.findingsNone")}
          </p>
          {findingsError ? (
            <p role="alert" className="field-error">
              {findingsError}
            </p>
          ) : null}
          <ul className="finding-choices">
            {findings.map((finding) => (
              <li key={finding.id}>
                <label>
                  <input type="checkbox" name="findings" value={finding.id} defaultChecked={chosen.has(finding.id)} />{" "}
                  {finding.title || t("findings.untitled")} <FindingStateBadge state={finding.state} />
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <p className="inline-form">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t("council.create.busy") : t("council.create.submit")}
          </button>
          <Link to={`/projects/${projectId}/council`} className="button">
            {t("council.create.cancel")}
          </Link>
        </p>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
