import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, localeFromRequest, LOCALE_COOKIE, translator } from "~/i18n";
import { readForm } from "~/utils/forms.server";
import { safeRedirect } from "~/utils/safe-redirect";

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request, translator(localeFromRequest(request)));
  const requested = formData.get("lang");
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
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
