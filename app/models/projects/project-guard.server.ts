import { localeFromRequest, translator } from "~/i18n";
import { forbidden, notFound } from "~/utils/http.server";
import { requireUser } from "../accounts/auth.server";
import { can, getProjectAccess, type ProjectAction } from "./permissions.server";
import type { SiteRole } from "../core/vocabulary";

/**
 * For every project loader and action: logged in (else to the login page), allowed to know
 * the project exists (else 404), and allowed to do `action` (else 403).
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
