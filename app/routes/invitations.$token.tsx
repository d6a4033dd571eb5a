import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { localeFromRequest, translator, type Locale } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-translation";
import { getOptionalUser, requireUser } from "~/models/accounts/auth.server";
import { acceptInvitation, describeInvitation } from "~/models/projects/invitation.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/page-title";

export const meta: MetaFunction = ({ matches }) =>
  pageTitle((matches[0]?.data as { locale?: Locale } | undefined)?.locale, "invitation.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const { status, invitation } = await describeInvitation(params.token ?? "");
  return json(
    {
      loggedIn: Boolean(user),
      status,
      token: params.token ?? "",
      invitation: invitation && {
        projectTitle: invitation.project.title,
        territoryName: invitation.project.territoryName,
        role: invitation.role,
        expiresAt: invitation.expiresAt,
      },
    },
    { status: status === "valid" ? 200 : status === "unknown" ? 404 : 410 },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = translator(localeFromRequest(request));
  const result = await acceptInvitation({ token: params.token ?? "", userId: user.id });
  if (result.outcome === "invalid") {
    return json({ error: t("invitation.cannotAccept") }, { status: 410 });
  }
  return redirect(`/projects/${result.projectId}`);
}

export default function InvitationPage() {
  const t = useT();
  const locale = useLocale();
  const { loggedIn, status, invitation, token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const next = encodeURIComponent(token);
  if (status !== "valid" || !invitation) {
    return (
      <section className="page narrow" aria-labelledby="invitation-title">
        <h1 id="invitation-title">{t("invitation.title")}</h1>
        {actionData?.error ? <p role="alert">{actionData.error}</p> : null}
        <p>{t(`invitation.status.${status}`)}</p>
        <p>{t("invitation.askAgain")}</p>
      </section>
    );
  }
  return (
    <section className="page narrow stack" aria-labelledby="invitation-title">
      <h1 id="invitation-title">{t("invitation.title")}</h1>
      <p className="lead">
        {t("invitation.intro", {
          project: invitation.projectTitle,
          territory: invitation.territoryName,
          role: t(`role.${invitation.role}`),
        })}
      </p>
      <p className="muted">{t(`role.${invitation.role}.description`)}</p>
      <p className="muted">{t("invitation.expires", { date: formatDateTime(locale, invitation.expiresAt) })}</p>
      {loggedIn ? (
        <Form method="post">
          <button type="submit" className="button primary">
            {t("invitation.accept")}
          </button>
        </Form>
      ) : (
        <p className="actions">
          <Link className="button primary" to={`/signup?invitation=${next}`}>
            {t("invitation.signup")}
          </Link>
          <Link className="button" to={`/login?invitation=${next}`}>
            {t("invitation.login")}
          </Link>
        </p>
      )}
    </section>
  );
}
