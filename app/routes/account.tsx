import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { TextField } from "~/components/form-field";
import { localeFromRequest, translate, translator, type Translator } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import { requireUser, restartSessions } from "~/models/auth.server";
import { newPasswordSchema } from "~/models/password-schema.server";
import { LIMITS } from "~/models/limits";
import { changePassword, countActiveSessions } from "~/models/user.server";
import { text, validate } from "~/utils/forms.server";

function passwordChangeSchema(t: Translator) {
  return z.object({
    currentPassword: z.string().min(1, t("auth.passwordRequired")).max(LIMITS.passwordMax),
    newPassword: newPasswordSchema(t),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: translate(data?.locale ?? "fr", "account.title") + " · Maillage" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({
    locale: localeFromRequest(request),
    passwordChanged: new URL(request.url).searchParams.has("passwordChanged"),
    user: { name: user.name, email: user.email },
    sessionCount: await countActiveSessions(user.id),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = translator(localeFromRequest(request));
  const formData = await request.formData();
  const result = validate(passwordChangeSchema(t), {
    currentPassword: text(formData, "currentPassword"),
    newPassword: text(formData, "newPassword"),
  });
  if (!result.ok) return json({ fieldErrors: result.fieldErrors }, { status: 400 });
  const changed = await changePassword({ userId: user.id, ...result.data });
  if (!changed) {
    return json(
      { fieldErrors: { currentPassword: t("account.wrongPassword") } as Record<string, string> },
      { status: 400 },
    );
  }
  // A changed password revokes every session; this browser gets a fresh one. Redirecting
  // (rather than rendering) keeps the page's loaders from running with the revoked cookie.
  return restartSessions(request, user.id, "/account?passwordChanged=1");
}

export default function AccountPage() {
  const t = useT();
  const { user, sessionCount, passwordChanged } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.fieldErrors ?? {};
  return (
    <section className="page narrow stack" aria-labelledby="account-title">
      <h1 id="account-title">{t("account.title")}</h1>
      <dl className="facts">
        <dt>{t("auth.name")}</dt>
        <dd>{user.name}</dd>
        <dt>{t("auth.email")}</dt>
        <dd>{user.email}</dd>
      </dl>

      <h2>{t("account.changePassword")}</h2>
      {passwordChanged && !actionData ? (
        <p role="status" className="notice success">
          {t("account.passwordChanged")}
        </p>
      ) : null}
      <Form method="post" noValidate className="stack">
        <TextField
          name="currentPassword"
          type="password"
          label={t("account.currentPassword")}
          autoComplete="current-password"
          required
          error={errors.currentPassword}
        />
        <TextField
          name="newPassword"
          type="password"
          label={t("account.newPassword")}
          hint={t("password.hint", { min: LIMITS.passwordMin })}
          autoComplete="new-password"
          required
          error={errors.newPassword}
        />
        <button type="submit" className="button primary" disabled={busy}>
          {t("account.changePasswordSubmit")}
        </button>
      </Form>

      <h2>{t("account.sessions")}</h2>
      <p>{t("account.sessionCount", { count: sessionCount })}</p>
      <Form method="post" action="/logout">
        <input type="hidden" name="everywhere" value="true" />
        <button type="submit" className="button">
          {t("account.logoutEverywhere")}
        </button>
      </Form>
    </section>
  );
}
