import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FormError, TextField } from "~/components/form-field";
import { localeFromRequest, translate, translator, type Translator } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import { getOptionalUser, startSession } from "~/models/auth.server";
import { destinationAfterAuth } from "~/models/invitation.server";
import { LIMITS } from "~/models/limits";
import { blockedFor, forgetAttempts, recordAttempt } from "~/models/rate-limit.server";
import { normalizeEmail, verifyLogin } from "~/models/user.server";
import { text, validate } from "~/utils/forms.server";
import { keepActionHeaders } from "~/utils/headers";
import { tooManyRequests } from "~/utils/http.server";
import { safeRedirect } from "~/utils/safe-redirect";

function loginSchema(t: Translator) {
  return z.object({
    email: z.string().trim().min(1, t("auth.emailRequired")).max(LIMITS.emailMax, t("auth.emailInvalid")),
    password: z.string().min(1, t("auth.passwordRequired")).max(LIMITS.passwordMax, t("auth.login.invalid")),
  });
}

export const headers = keepActionHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: translate(data?.locale ?? "fr", "auth.login.title") + " · Maillage" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (await getOptionalUser(request)) throw redirect(redirectTo);
  return json({ locale: localeFromRequest(request) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = translator(localeFromRequest(request));
  const formData = await request.formData();
  const redirectTo = safeRedirect(text(formData, "redirectTo"));
  const result = validate(loginSchema(t), { email: text(formData, "email"), password: text(formData, "password") });
  if (!result.ok) return json({ formError: null, fieldErrors: result.fieldErrors }, { status: 400 });

  const address = context.clientAddress;
  const accountKey = `${address}|${normalizeEmail(result.data.email)}`;
  const wait = Math.max(
    await blockedFor("loginByAddress", address),
    await blockedFor("loginByAddressAndEmail", accountKey),
  );
  if (wait > 0) return tooManyRequests(t, wait);

  const userId = await verifyLogin(result.data);
  if (!userId) {
    await recordAttempt("loginByAddress", address);
    await recordAttempt("loginByAddressAndEmail", accountKey);
    // One message whether or not the email exists (no account enumeration).
    return json({ formError: t("auth.login.invalid"), fieldErrors: {} as Record<string, string> }, { status: 400 });
  }
  await forgetAttempts("loginByAddressAndEmail", accountKey);
  return startSession(request, userId, await destinationAfterAuth({ userId, redirectTo }));
}

export default function LoginPage() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const errors = actionData?.fieldErrors ?? {};
  return (
    <section className="page narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t("auth.login.title")}</h1>
      <Form method="post" noValidate className="stack">
        <FormError message={actionData?.formError} />
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
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t("auth.login.submitting") : t("auth.login.submit")}
        </button>
      </Form>
      <p>
        {t("auth.login.noAccount")}{" "}
        <Link to={`/signup${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`}>
          {t("auth.login.createAccount")}
        </Link>
      </p>
    </section>
  );
}
