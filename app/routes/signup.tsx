import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AuthPage, EmailField, HONEYPOT_FIELD, HoneypotField } from "~/components/auth-page";
import { TextField } from "~/components/form-field";
import { localeFromRequest, translator, type Translator } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import { startSession } from "~/models/accounts/auth.server";
import { destinationAfterSignIn, signInPageData } from "~/models/accounts/sign-in.server";
import { LIMITS } from "~/models/core/limits";
import { newPasswordSchema } from "~/models/accounts/password-schema.server";
import { takeAttempt } from "~/models/core/rate-limit.server";
import { createUser, findUserIdByEmail } from "~/models/accounts/user.server";
import { readForm, text, validate } from "~/utils/forms.server";
import { keepActionHeaders } from "~/utils/headers";
import { tooManyRequests } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";
import { safeRedirect } from "~/utils/safe-redirect";

function signupSchema(t: Translator) {
  return z.object({
    name: z
      .string()
      .trim()
      .min(1, t("auth.nameRequired"))
      .max(LIMITS.nameMax, t("auth.nameTooLong", { max: LIMITS.nameMax })),
    email: z
      .string()
      .trim()
      .min(1, t("auth.emailRequired"))
      .max(LIMITS.emailMax, t("auth.emailInvalid"))
      .email(t("auth.emailInvalid")),
    password: newPasswordSchema(t),
  });
}

export const headers = keepActionHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.locale, "auth.signup.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return json({ locale: localeFromRequest(request), ...(await signInPageData(request)) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = translator(localeFromRequest(request));
  const wait = await takeAttempt("signupByAddress", context.clientAddress);
  if (wait > 0) return tooManyRequests(t, wait);

  const formData = await readForm(request, t);
  const result = validate(signupSchema(t), {
    name: text(formData, "name"),
    email: text(formData, "email"),
    password: text(formData, "password"),
  });
  if (!result.ok) return json({ formError: null, fieldErrors: result.fieldErrors }, { status: 400 });
  // A bot that filled the honeypot sees what a person would (a redirect on); nothing is created.
  if (text(formData, HONEYPOT_FIELD).trim() !== "") return redirect(safeRedirect(text(formData, "redirectTo")));
  const emailTaken = { formError: null, fieldErrors: { email: t("auth.signup.emailTaken") } as Record<string, string> };
  if (await findUserIdByEmail(result.data.email)) return json(emailTaken, { status: 400 });
  let userId: string;
  try {
    userId = (await createUser(result.data)).id;
  } catch (error) {
    // Two sign-ups with the same email at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") return json(emailTaken, { status: 400 });
    throw error;
  }
  const next = { invitation: text(formData, "invitation"), redirectTo: text(formData, "redirectTo") };
  return startSession(request, userId, await destinationAfterSignIn(userId, next));
}

export default function SignupPage() {
  const t = useT();
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors ?? {};
  return (
    <AuthPage page="signup" invitation={invitation} actionData={actionData}>
      <HoneypotField />
      <TextField name="name" label={t("auth.name")} autoComplete="name" required error={errors.name} />
      <EmailField error={errors.email} />
      <TextField
        name="password"
        type="password"
        label={t("auth.password")}
        hint={t("password.hint", { min: LIMITS.passwordMin })}
        autoComplete="new-password"
        required
        error={errors.password}
      />
    </AuthPage>
  );
}
