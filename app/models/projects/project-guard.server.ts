import { localeFromRequest, translator, type Translator } from "~/i18n";
import { forbidden, notFound } from "~/utils/http.server";
import { requireUser } from "../accounts/auth.server";
import { can, getProjectAccess, type ProjectAccess, type ProjectAction, type Subject } from "./permissions.server";
import type { SiteRole } from "../core/vocabulary";

/**
 * For every project loader and action: logged in (else to the login page), allowed to know
 * the project exists (else 404), and allowed to do `action` (else 403). An action granted
 * only on one's own subjects ("own" in the rights table) is refused here, where there is no
 * subject yet: guard with a broader action (e.g. "content.read"), load the subject, then
 * call `requireCan` with it.
 */
export async function requireProjectAccess(request: Request, projectId: string | undefined, action: ProjectAction) {
  const user = await requireUser(request);
  const t = translator(localeFromRequest(request));
  const access = projectId
    ? await getProjectAccess({ id: user.id, siteRole: user.siteRole as SiteRole }, projectId)
    : null;
  if (!access) notFound(t);
  if (!can(access, action)) forbidden(t);
  return { user, access, t };
}

/** For an action on one subject (a note, a comment) once it is loaded: 403 unless allowed on it. */
export function requireCan(access: ProjectAccess, action: ProjectAction, subject: Subject, t: Translator): void {
  if (!can(access, action, subject)) forbidden(t);
}
