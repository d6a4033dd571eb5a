import { redirect } from "@remix-run/node";
import { getOptionalUser } from "./auth.server";
import { joinAfterAuth, previewInvitation } from "../projects/invitation.server";
import { safeRedirect } from "~/utils/safe-redirect";

/**
 * What the login and sign-up pages share on the server (the same rules for both): who may see
 * them, and where a person goes once through.
 */

/**
 * For the pages' loaders: someone already signed in goes on to `redirectTo` (like requireUser
 * the other way round); anyone else sees the invitation named in the address, if it is valid.
 */
export async function signInPageData(request: Request) {
  const params = new URL(request.url).searchParams;
  if (await getOptionalUser(request)) throw redirect(safeRedirect(params.get("redirectTo")));
  return { invitation: await previewInvitation(params.get("invitation")) };
}

/**
 * Where a person goes once logged in or signed up: into the project of the invitation the form
 * carried, joined now, or else back to the page they came from, kept on this site.
 */
export async function destinationAfterSignIn(
  userId: string,
  /** From the form's hidden fields; `invitation` is empty when there is none. */
  { invitation, redirectTo }: { invitation: string; redirectTo: string },
): Promise<string> {
  return invitation ? joinAfterAuth({ userId, token: invitation }) : safeRedirect(redirectTo);
}
