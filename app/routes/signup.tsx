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
  const params = new URL(request.url).searchParams;
  if (await getOptionalUser(request)) throw redirect(safeRedirect(params.get("redirectTo")));
  return json({ locale: localeFromRequest(request), invitation: await previewInvitation(params.get("invitation")) });
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
  const invitation = text(formData, "invitation");
  const destination = invitation
    ? await joinAfterAuth({ userId, token: invitation })
    : safeRedirect(text(formData, "redirectTo"));
  return startSession(request, userId, destination);
}

export default function SignupPage() {
  const t = useT();
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const errors = actionData?.fieldErrors ?? {};
  const formRef = useFocusFirstError(actionData);
  const loginQuery = authPageQuery(invitation, redirectTo);
  return (
    <section className="page narrow" aria-labelledby="signup-title">
      <h1 id="signup-title">{t("auth.signup.title")}</h1>
      <Form method="post" noValidate className="stack" ref={formRef}>
        <InvitationNotice invitation={invitation} />
        <FormError message={actionData?.formError} />
        <p className="field-hint">{t("form.allRequired")}</p>
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
        <button type="submit" className="button primary">
          {invitation ? t("invitation.signup") : t("auth.signup.submit")}
        </button>
      </Form>
      <p>
        {t("auth.signup.haveAccount")} <Link to={`/login${loginQuery}`}>{t("auth.signup.login")}</Link>
      </p>
    </section>
  );
}
