import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FormError, TextField, useFocusFirstError } from "~/components/form-field";
import { authPageQuery, InvitationNotice } from "~/components/invitation-notice";
import { localeFromRequest, translator, type Translator } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import { getOptionalUser, startSession } from "~/models/accounts/auth.server";
import { joinAfterAuth, previewInvitation } from "~/models/projects/invitation.server";
import { LIMITS } from "~/models/core/limits";
import { forgetAttempts, giveBack, takeAttempt } from "~/models/core/rate-limit.server";
import { normalizeEmail, verifyLogin } from "~/models/accounts/user.server";
import { readForm, text, validate } from "~/utils/forms.server";
import { keepActionHeaders } from "~/utils/headers";
import { tooManyRequests } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { safeRedirect } from "~/utils/safe-redirect";

function loginSchema(t: Translator) {
  return z.object({
    email: z.string().trim().min(1, t("auth.emailRequired")).max(LIMITS.emailMax, t("auth.emailInvalid")),
    password: z.string().min(1, t("auth.passwordRequired")).max(LIMITS.passwordMax, t("auth.login.invalid")),
  });
}

export const headers = keepActionHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.locale, "auth.login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  if (await getOptionalUser(request)) throw redirect(safeRedirect(params.get("redirectTo")));
  return json({ locale: localeFromRequest(request), invitation: await previewInvitation(params.get("invitation")) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = translator(localeFromRequest(request));
  const formData = await readForm(request, t);
  const result = validate(loginSchema(t), { email: text(formData, "email"), password: text(formData, "password") });
  if (!result.ok) return json({ formError: null, fieldErrors: result.fieldErrors }, { status: 400 });

  const address = context.clientAddress;
  const accountKey = `${address}|${normalizeEmail(result.data.email)}`;
  const wait = Math.max(
    await takeAttempt("loginByAddress", address),
    await takeAttempt("loginByAddressAndEmail", accountKey),
  );
  if (wait > 0) return tooManyRequests(t, wait);

  const userId = await verifyLogin(result.data);
  if (!userId) {
    // One message whether or not the email exists (no account enumeration).
    return json({ formError: t("auth.login.invalid"), fieldErrors: {} as Record<string, string> }, { status: 400 });
  }
  await giveBack("loginByAddress", address);
  await forgetAttempts("loginByAddressAndEmail", accountKey);
  const invitation = text(formData, "invitation");
  const destination = invitation
    ? await joinAfterAuth({ userId, token: invitation })
    : safeRedirect(text(formData, "redirectTo"));
  return startSession(request, userId, destination);
}

export default function LoginPage() {
  const t = useT();
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const errors = actionData?.fieldErrors ?? {};
  const formRef = useFocusFirstError(actionData);
  const signupQuery = authPageQuery(invitation, redirectTo);
  return (
    <section className="page narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t("auth.login.title")}</h1>
      <Form method="post" noValidate className="stack" ref={formRef}>
        <InvitationNotice invitation={invitation} />
        <FormError message={actionData?.formError} />
        <p className="field-hint">{t("form.allRequired")}</p>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          name="email"
          type="email"
          label={t("auth.email")}
          autoComplete="email"
          required
          error={errors.email}
        />
        <TextField
          name="password"
          type="password"
          label={t("auth.password")}
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <button type="submit" className="button primary">
          {invitation ? t("invitation.login") : t("auth.login.submit")}
        </button>
      </Form>
      <p>
        {t("auth.login.noAccount")} <Link to={`/signup${signupQuery}`}>{t("auth.login.createAccount")}</Link>
      </p>
    </section>
  );
}
