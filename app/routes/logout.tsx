import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "~/models/auth.server";

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  return endSession(request, { everywhere: formData.get("everywhere") === "true" });
}

// Logging out changes state, so it is a POST only; a link to /logout just goes home.
export function loader() {
  return redirect("/");
}
