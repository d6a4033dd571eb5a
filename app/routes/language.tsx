import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, localeFromRequest, LOCALE_COOKIE, translator } from "~/i18n";
import { getOptionalUser } from "~/models/accounts/auth.server";
import { saveUserLocale } from "~/models/notifications/user-locale.server";
import { readForm } from "~/utils/forms.server";
import { safeRedirect } from "~/utils/safe-redirect";

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request, translator(localeFromRequest(request)));
  const requested = formData.get("lang");
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  // A signed-in person's e-mails follow the language they choose.
  const user = await getOptionalUser(request);
  if (user) await saveUserLocale(user.id, locale);
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  return redirect(safeRedirect(formData.get("redirectTo"), "/"), {
    headers: {
      "Set-Cookie": `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`,
    },
  });
}

export function loader() {
  return redirect("/");
}
