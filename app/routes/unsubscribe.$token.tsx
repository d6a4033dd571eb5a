import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FOCUSED_PAGE } from "~/components/site-header";
import { localeFromRequest, translator, type Translator } from "~/i18n";
import { useT } from "~/i18n/use-translation";
import type { UnsubscribeScope } from "~/models/notifications/mail-links.server";
import { isNotificationType } from "~/models/notifications/preferences";
import { unsubscribe, userByMailToken } from "~/models/notifications/preferences.server";
import { readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/page-title";

export const handle = FOCUSED_PAGE;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data?.locale, "notifications.unsubscribe.title");

function scopeOf(request: Request, t: Translator): UnsubscribeScope {
  const type = new URL(request.url).searchParams.get("type");
  if (type === "digest" || isNotificationType(type)) return type;
  throw json({ message: t("notifications.unsubscribe.unknown") }, { status: 400 });
}

/**
 * The page behind the link in an e-mail: one button. GET changes nothing — mail scanners and
 * link previews fetch every link — only the POST does (RFC 8058).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const scope = scopeOf(request, t);
  const user = await userByMailToken(params.token ?? "");
  if (!user) notFound(t);
  return json({ locale, scope }, { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
}

/**
 * The one-click POST from a mail client (`List-Unsubscribe=One-Click`, RFC 8058) and the page's
 * button both land here; the token alone authorises it (no session, no cookie).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const t = translator(localeFromRequest(request));
  const scope = scopeOf(request, t);
  await readForm(request, t);
  const done = await unsubscribe(params.token ?? "", scope);
  if (!done) notFound(t);
  return json({ done: true });
}

export default function UnsubscribePage() {
  const t = useT();
  const { scope } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="page narrow stack" aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title">{t("notifications.unsubscribe.title")}</h1>
      {result?.done ? (
        <p role="status" className="notice success">
          {t("notifications.unsubscribe.done")}
        </p>
      ) : (
        <>
          <p>
            {scope === "digest"
              ? t("notifications.unsubscribe.digest")
              : t("notifications.unsubscribe.what", { what: t(`notifications.type.${scope}`) })}
          </p>
          <Form method="post">
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit" className="button primary">
              {t("notifications.unsubscribe.confirm")}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to="/account#mail">{t("notifications.unsubscribe.settings")}</Link>
      </p>
    </section>
  );
}
