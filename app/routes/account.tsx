import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { TextField, useFocusFirstError } from "~/components/form-field";
import { MailPreferencesForm } from "~/components/notifications/mail-preferences-form";
import { localeFromRequest, translator, type Translator } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import { requireUser, restartSessions } from "~/models/accounts/auth.server";
import { newPasswordSchema } from "~/models/accounts/password-schema.server";
import { LIMITS } from "~/models/core/limits";
import { forgetAttempts, takeAttempt } from "~/models/core/rate-limit.server";
import { changePassword, countActiveSessions } from "~/models/accounts/user.server";
import { NOTIFICATION_TYPES } from "~/models/core/vocabulary";
import { mailEnabled } from "~/models/notifications/mail-links.server";
import { isNotificationChannel } from "~/models/notifications/preferences";
import { readMailPreferences, saveMailPreferences } from "~/models/notifications/preferences.server";
import { keepActionHeaders } from "~/utils/headers";
import { tooManyRequests } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { readForm, text, validate } from "~/utils/forms.server";

function passwordChangeSchema(t: Translator) {
  return z.object({
    currentPassword: z.string().min(1, t("auth.passwordRequired")).max(LIMITS.passwordMax),
    newPassword: newPasswordSchema(t),
  });
}

export const headers = keepActionHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.locale, "account.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({
    locale: localeFromRequest(request),
    passwordChanged: new URL(request.url).searchParams.has("passwordChanged"),
    mailSaved: new URL(request.url).searchParams.has("mailSaved"),
    mailEnabled: mailEnabled(),
    mailPreferences: await readMailPreferences(user.id),
    user: { name: user.name, email: user.email },
    sessionCount: await countActiveSessions(user.id),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = translator(localeFromRequest(request));
  const formData = await readForm(request, t);
  if (formData.get("intent") === "mailPreferences") {
    const choices = NOTIFICATION_TYPES.map((type) => [type, formData.get(`mail.${type}`)] as const);
    if (!choices.every(([, channel]) => isNotificationChannel(channel))) {
      return json({ mailError: t("notifications.prefsInvalid") }, { status: 400 });
    }
    await saveMailPreferences(user.id, Object.fromEntries(choices) as Parameters<typeof saveMailPreferences>[1]);
    return redirect("/account?mailSaved=1#mail");
  }
  const result = validate(passwordChangeSchema(t), {
    currentPassword: text(formData, "currentPassword"),
    newPassword: text(formData, "newPassword"),
  });
  if (!result.ok) return json({ fieldErrors: result.fieldErrors }, { status: 400 });
  // Checking the current password is a login attempt: a stolen session must not guess it freely.
  const accountKey = `${context.clientAddress}|${user.email}`;
  const wait = await takeAttempt("loginByAddressAndEmail", accountKey);
  if (wait > 0) return tooManyRequests(t, wait);
  const changed = await changePassword({ userId: user.id, ...result.data });
  if (!changed) {
    return json(
      { fieldErrors: { currentPassword: t("account.wrongPassword") } as Record<string, string> },
      { status: 400 },
    );
  }
  // A changed password revokes every session; this browser gets a fresh one. Redirecting
  // (rather than rendering) keeps the page's loaders from running with the revoked cookie.
  await forgetAttempts("loginByAddressAndEmail", accountKey);
  return restartSessions(request, user.id, "/account?passwordChanged=1");
}

export default function AccountPage() {
  const t = useT();
  const { user, sessionCount, passwordChanged, mailSaved, mailEnabled, mailPreferences } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = (actionData && "fieldErrors" in actionData ? actionData.fieldErrors : undefined) ?? {};
  const mailError = actionData && "mailError" in actionData ? actionData.mailError : undefined;
  const formRef = useFocusFirstError(actionData);
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
      <Form method="post" noValidate className="stack" ref={formRef}>
        <p className="field-hint">{t("form.allRequired")}</p>
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
        <button type="submit" className="button primary">
          {t("account.changePasswordSubmit")}
        </button>
      </Form>

      <MailPreferencesForm
        channels={mailPreferences}
        mailEnabled={mailEnabled}
        saved={mailSaved && !actionData}
        error={mailError}
      />

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
