import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "~/i18n";
import { safeRedirect } from "~/utils/safe-redirect";

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
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
