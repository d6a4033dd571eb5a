import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FormError, TextField } from "~/components/form-field";
import { localeFromRequest, translate, translator, type Translator } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import { requireUser, rotateSessions } from "~/models/auth.server";
import { newPasswordSchema } from "~/models/password-schema.server";
import { PASSWORD_MIN_LENGTH } from "~/models/password.server";
import { changePassword, countActiveSessions } from "~/models/user.server";
import { text, validate } from "~/utils/forms.server";

function passwordChangeSchema(t: Translator) {
  return z.object({
    currentPassword: z.string().min(1, t("auth.passwordRequired")).max(4096),
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
  if (!result.ok) return json({ done: false, fieldErrors: result.fieldErrors }, { status: 400 });
  const changed = await changePassword({ userId: user.id, ...result.data });
  if (!changed) {
    return json({ done: false, fieldErrors: { currentPassword: t("account.wrongPassword") } as Record<string, string> }, { status: 400 });
  }
  // A changed password revokes every other session; this browser gets a fresh one.
  const setCookie = await rotateSessions(request, user.id);
  return json({ done: true, fieldErrors: {} as Record<string, string> }, { headers: { "Set-Cookie": setCookie } });
}

export default function AccountPage() {
  const t = useT();
  const { user, sessionCount } = useLoaderData<typeof loader>();
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
      {actionData?.done ? (
        <p role="status" className="notice success">
          {t("account.passwordChanged")}
        </p>
      ) : null}
      <Form method="post" noValidate className="stack">
        <FormError message={errors.form} />
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
          hint={t("password.hint", { min: PASSWORD_MIN_LENGTH })}
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
