import { Form, Link, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import { FormError, TextField, useFocusFirstError } from "./form-field";
import { authPageQuery, InvitationNotice, type InvitationPreview } from "./invitation-notice";

type AuthPageTexts = {
  title: MessageKey;
  submit: MessageKey;
  /** The submit button when the page was opened from an invitation. */
  submitInvited: MessageKey;
  /** "No account yet?" and the link to the other page. */
  other: { question: MessageKey; link: MessageKey; path: string };
};

const PAGES = {
  login: {
    title: "auth.login.title",
    submit: "auth.login.submit",
    submitInvited: "invitation.login",
    other: { question: "auth.login.noAccount", link: "auth.login.createAccount", path: "/signup" },
  },
  signup: {
    title: "auth.signup.title",
    submit: "auth.signup.submit",
    submitInvited: "invitation.signup",
    other: { question: "auth.signup.haveAccount", link: "auth.signup.login", path: "/login" },
  },
} satisfies Record<string, AuthPageTexts>;

/**
 * The login and sign-up pages around their own fields: the invitation being answered, the
 * form's message, where to go afterwards (`redirectTo`), and a link to the other page that
 * keeps both. The heading's id (`login-title`, `signup-title`) names the page's region.
 */
export function AuthPage({
  page,
  invitation,
  actionData,
  children,
}: {
  page: keyof typeof PAGES;
  invitation: InvitationPreview;
  /** The action's answer, when the form was refused (its field errors go to `children`). */
  actionData: { formError: string | null } | undefined;
  children: ReactNode;
}) {
  const t = useT();
  const texts: AuthPageTexts = PAGES[page];
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const formRef = useFocusFirstError(actionData);
  const titleId = `${page}-title`;
  return (
    <section className="page narrow" aria-labelledby={titleId}>
      <h1 id={titleId}>{t(texts.title)}</h1>
      <Form method="post" noValidate className="stack" ref={formRef}>
        <InvitationNotice invitation={invitation} />
        <FormError message={actionData?.formError} />
        <p className="field-hint">{t("form.allRequired")}</p>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {children}
        <button type="submit" className="button primary">
          {t(invitation ? texts.submitInvited : texts.submit)}
        </button>
      </Form>
      <p>
        {t(texts.other.question)}{" "}
        <Link to={`${texts.other.path}${authPageQuery(invitation, redirectTo)}`}>{t(texts.other.link)}</Link>
      </p>
    </section>
  );
}

/** The email field, the same on both pages. */
export function EmailField({ error }: { error: string | undefined }) {
  const t = useT();
  return <TextField name="email" type="email" label={t("auth.email")} autoComplete="email" required error={error} />;
}

/**
 * The sign-up form's bot check, the same honeypot as the public survey form (`website`): out of
 * sight (visually hidden), hidden from assistive technologies, out of the tab order, never
 * autofilled. People leave it empty; naive bots fill every field. The action answers a filled
 * one as if the account had been created, and creates nothing.
 */
export const HONEYPOT_FIELD = "website";

export function HoneypotField() {
  const t = useT();
  return (
    <div className="visually-hidden" aria-hidden="true">
      <label htmlFor="hp-website">{t("auth.signup.honeypot")}</label>
      <input id="hp-website" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" />
    </div>
  );
}
