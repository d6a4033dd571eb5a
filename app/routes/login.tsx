import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AuthPage, EmailField } from "~/components/auth-page";
import { TextField } from "~/components/form-field";
import { localeFromRequest, translator, type Translator } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import { startSession } from "~/models/accounts/auth.server";
import { destinationAfterSignIn, signInPageData } from "~/models/accounts/sign-in.server";
import { LIMITS } from "~/models/core/limits";
import { beginLoginAttempt, loginSucceeded, type LoginGate } from "~/models/accounts/login-throttle.server";
import { verifyLogin } from "~/models/accounts/user.server";
import { readForm, text, validate } from "~/utils/forms.server";
import { keepActionHeaders } from "~/utils/headers";
import { tooManyRequests } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

function loginSchema(t: Translator) {
  return z.object({
    email: z.string().trim().min(1, t("auth.emailRequired")).max(LIMITS.emailMax, t("auth.emailInvalid")),
    password: z.string().min(1, t("auth.passwordRequired")).max(LIMITS.passwordMax, t("auth.login.invalid")),
  });
}

/** 429 with Retry-After; the same for existing and unknown emails (the counts do not know). */
function refused(t: Translator, gate: Extract<LoginGate, { allowed: false }>) {
  if (gate.by === "address") return tooManyRequests(t, gate.retryAfterSeconds);
  const minutes = Math.max(1, Math.ceil(gate.retryAfterSeconds / 60));
  return json(
    { formError: t("auth.login.tooManyForAccount", { minutes }), fieldErrors: {} as Record<string, string> },
    { status: 429, headers: { "Retry-After": String(gate.retryAfterSeconds) } },
  );
}

export const headers = keepActionHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.locale, "auth.login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return json({ locale: localeFromRequest(request), ...(await signInPageData(request)) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = translator(localeFromRequest(request));
  const formData = await readForm(request, t);
  const result = validate(loginSchema(t), { email: text(formData, "email"), password: text(formData, "password") });
  if (!result.ok) return json({ formError: null, fieldErrors: result.fieldErrors }, { status: 400 });

  const attempt = { address: context.clientAddress, email: result.data.email };
  const gate = await beginLoginAttempt(attempt);
  if (!gate.allowed) return refused(t, gate);

  const userId = await verifyLogin(result.data);
  if (!userId) {
    // One message whether or not the email exists (no account enumeration).
    return json({ formError: t("auth.login.invalid"), fieldErrors: {} as Record<string, string> }, { status: 400 });
  }
  await loginSucceeded(attempt);
  const next = { invitation: text(formData, "invitation"), redirectTo: text(formData, "redirectTo") };
  return startSession(request, userId, await destinationAfterSignIn(userId, next));
}

export default function LoginPage() {
  const t = useT();
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors ?? {};
  return (
    <AuthPage page="login" invitation={invitation} actionData={actionData}>
      <EmailField error={errors.email} />
      <TextField
        name="password"
        type="password"
        label={t("auth.password")}
        autoComplete="current-password"
        required
        error={errors.password}
      />
    </AuthPage>
  );
}
