import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { localeFromRequest, translator } from "~/i18n";
import { endSession } from "~/models/accounts/auth.server";
import { readForm } from "~/utils/forms.server";

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request, translator(localeFromRequest(request)));
  return endSession(request, { everywhere: formData.get("everywhere") === "true" });
}

// Logging out changes state, so it is a POST only; a link to /logout just goes home.
export function loader() {
  return redirect("/");
}
