import { useT } from "~/i18n/use-translation";
import type { ProjectRole } from "~/models/core/vocabulary";

export type InvitationPreview = { token: string; projectTitle: string; role: ProjectRole } | null;

/**
 * On the login and sign-up pages reached from an invitation: says which project and role the
 * person is about to join, and carries the invitation in the form.
 */
export function InvitationNotice({ invitation }: { invitation: InvitationPreview }) {
  const t = useT();
  if (!invitation) return null;
  return (
    <>
      <p className="notice">
        {t("invitation.joinNotice", { project: invitation.projectTitle, role: t(`role.${invitation.role}`) })}
      </p>
      <input type="hidden" name="invitation" value={invitation.token} />
    </>
  );
}

/** The query for the link to the other auth page (log in ↔ sign up), keeping where the person was going. */
export function authPageQuery(invitation: InvitationPreview, redirectTo: string): string {
  if (invitation) return `?invitation=${encodeURIComponent(invitation.token)}`;
  return redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
}
