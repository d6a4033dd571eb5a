import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FormError, TextField } from "~/components/form-field";
import { localeFromRequest, translate, translator, type Translator } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import { getOptionalUser, startSession } from "~/models/auth.server";
import { newPasswordSchema } from "~/models/password-schema.server";
import { destinationAfterAuth } from "~/models/invitation.server";
import { LIMITS } from "~/models/limits";
import { blockedFor, recordAttempt } from "~/models/rate-limit.server";
import { createUser, findUserIdByEmail } from "~/models/user.server";
import { text, validate } from "~/utils/forms.server";
import { keepActionHeaders } from "~/utils/headers";
import { tooManyRequests } from "~/utils/http.server";
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: translate(data?.locale ?? "fr", "auth.signup.title") + " · Maillage" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (await getOptionalUser(request)) throw redirect(redirectTo);
  return json({ locale: localeFromRequest(request) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = translator(localeFromRequest(request));
  const wait = await blockedFor("signupByAddress", context.clientAddress);
  if (wait > 0) return tooManyRequests(t, wait);
  await recordAttempt("signupByAddress", context.clientAddress);

  const formData = await request.formData();
  const redirectTo = safeRedirect(text(formData, "redirectTo"));
  const result = validate(signupSchema(t), {
    name: text(formData, "name"),
    email: text(formData, "email"),
    password: text(formData, "password"),
  });
  if (!result.ok) return json({ formError: null, fieldErrors: result.fieldErrors }, { status: 400 });
  const emailTaken = { formError: null, fieldErrors: { email: t("auth.signup.emailTaken") } as Record<string, string> };
  if (await findUserIdByEmail(result.data.email)) return json(emailTaken, { status: 400 });
  try {
    const user = await createUser(result.data);
    return startSession(request, user.id, await destinationAfterAuth({ userId: user.id, redirectTo }));
  } catch (error) {
    // Two sign-ups with the same email at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") return json(emailTaken, { status: 400 });
    throw error;
  }
}

export default function SignupPage() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const errors = actionData?.fieldErrors ?? {};
  return (
    <section className="page narrow" aria-labelledby="signup-title">
      <h1 id="signup-title">{t("auth.signup.title")}</h1>
      <Form method="post" noValidate className="stack">
        <FormError message={actionData?.formError} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField name="name" label={t("auth.name")} autoComplete="name" required error={errors.name} />
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
          hint={t("password.hint", { min: LIMITS.passwordMin })}
          autoComplete="new-password"
          required
          error={errors.password}
        />
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t("auth.signup.submitting") : t("auth.signup.submit")}
        </button>
      </Form>
      <p>
        {t("auth.signup.haveAccount")}{" "}
        <Link to={`/login${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`}>
          {t("auth.signup.login")}
        </Link>
      </p>
    </section>
  );
}
