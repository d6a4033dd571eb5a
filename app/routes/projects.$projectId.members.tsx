import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type SerializeFrom } from "@remix-run/node";
import type { MetaFunction } from "@remix-run/node";
import { projectPageTitle } from "~/utils/page-title";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CopyField } from "~/components/copy-field";
import { useLocale, useT } from "~/i18n/use-translation";
import { createInvitation, listPendingInvitations, revokeInvitation } from "~/models/projects/invitation.server";
import { LIMITS } from "~/models/core/limits";
import { changeRole, listMembers, removeMember, type MembershipChange } from "~/models/projects/membership.server";
import { can } from "~/models/projects/permissions.server";
import { requireProjectAccess } from "~/models/projects/project-guard.server";
import { PROJECT_ROLES, type ProjectRole } from "~/models/core/vocabulary";
import { formatDate, formatDateTime } from "~/utils/format";
import { readForm, text } from "~/utils/forms.server";

const roleSchema = z.enum(PROJECT_ROLES);
const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("invite"), role: roleSchema }),
  z.object({ intent: z.literal("changeRole"), userId: z.string().min(1).max(64), role: roleSchema }),
  z.object({ intent: z.literal("remove"), userId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("revoke"), invitationId: z.string().min(1).max(64) }),
]);

export const meta: MetaFunction = ({ matches }) => projectPageTitle(matches, "project.nav.members");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access } = await requireProjectAccess(request, params.projectId, "project.view");
  const manage = can(access, "members.manage");
  const members = await listMembers(access.projectId);
  return json({
    manage,
    // Email addresses are for the coordinators who manage the project, not every reader.
    members: members.map((m) => ({ ...m, email: manage ? m.email : null })),
    invitations: manage ? await listPendingInvitations(access.projectId) : [],
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, access, t } = await requireProjectAccess(request, params.projectId, "members.manage");
  const formData = await readForm(request, t);
  const parsed = actionSchema.safeParse(
    Object.fromEntries(["intent", "role", "userId", "invitationId"].map((k) => [k, text(formData, k)])),
  );
  if (!parsed.success) return json({ error: t("members.invalidRequest"), inviteUrl: null }, { status: 400 });
  const input = parsed.data;
  const projectId = access.projectId;

  if (input.intent === "invite") {
    const { token } = await createInvitation({ projectId, role: input.role, createdById: user.id });
    const inviteUrl = new URL(`/invitations/${token}`, request.url).href;
    return json({ error: null, inviteUrl });
  }
  if (input.intent === "revoke") {
    const ok = await revokeInvitation({ projectId, invitationId: input.invitationId });
    return json({ error: ok ? null : t("members.invitationGone"), inviteUrl: null }, { status: ok ? 200 : 404 });
  }
  const outcome: MembershipChange =
    input.intent === "changeRole"
      ? await changeRole({ projectId, userId: input.userId, role: input.role })
      : await removeMember({ projectId, userId: input.userId });
  if (outcome === "last_coordinator")
    return json({ error: t("members.lastCoordinator"), inviteUrl: null }, { status: 400 });
  if (outcome === "not_member") return json({ error: t("members.notMember"), inviteUrl: null }, { status: 404 });
  // A coordinator who stepped down or left can no longer manage (or see) this page.
  if (input.userId === user.id) return redirect(input.intent === "remove" ? "/projects" : `/projects/${projectId}`);
  return json({ error: null, inviteUrl: null });
}

export default function MembersPage() {
  const t = useT();
  const locale = useLocale();
  const { manage, members, invitations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack">
      <section className="panel" aria-labelledby="members-title">
        <h2 id="members-title">{t("members.title")}</h2>
        {actionData?.error ? (
          <p role="alert" className="form-error">
            {actionData.error}
          </p>
        ) : null}
        <table className="table">
          <caption className="visually-hidden">{t("members.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("members.name")}</th>
              <th scope="col">{t("members.role")}</th>
              <th scope="col">{t("members.since")}</th>
              {manage ? <th scope="col">{t("members.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id}>
                <td>
                  {member.name}
                  {member.email ? <span className="muted block">{member.email}</span> : null}
                </td>
                <td>
                  {manage ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="changeRole" />
                      <input type="hidden" name="userId" value={member.id} />
                      <label className="visually-hidden" htmlFor={`role-${member.id}`}>
                        {t("members.roleOf", { name: member.name })}
                      </label>
                      <select id={`role-${member.id}`} name="role" defaultValue={member.role}>
                        {PROJECT_ROLES.map((role) => (
                          <option key={role} value={role}>
                            {t(`role.${role}`)}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button small">
                        {t("members.changeRole")}
                        <span className="visually-hidden"> — {member.name}</span>
                      </button>
                    </Form>
                  ) : (
                    t(`role.${member.role}`)
                  )}
                </td>
                <td>{formatDate(locale, member.since)}</td>
                {manage ? (
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="userId" value={member.id} />
                      <button type="submit" className="button small danger">
                        {t("members.remove")}
                        <span className="visually-hidden"> — {member.name}</span>
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        <details className="roles-help">
          <summary>{t("members.rolesHelp")}</summary>
          <dl>
            {PROJECT_ROLES.map((role) => (
              <div key={role}>
                <dt>{t(`role.${role}`)}</dt>
                <dd>{t(`role.${role}.description`)}</dd>
              </div>
            ))}
          </dl>
        </details>
      </section>

      {manage ? <InviteSection invitations={invitations} inviteUrl={actionData?.inviteUrl ?? null} /> : null}
    </div>
  );
}

function InviteSection({
  invitations,
  inviteUrl,
}: {
  invitations: SerializeFrom<typeof loader>["invitations"];
  inviteUrl: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="panel" aria-labelledby="invite-title">
      <h2 id="invite-title">{t("members.invite")}</h2>
      <p>{t("members.inviteHelp", { days: LIMITS.invitationDays })}</p>
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="invite" />
        <label htmlFor="invite-role">{t("members.inviteRole")}</label>
        <select id="invite-role" name="role" defaultValue={"local_actor" satisfies ProjectRole}>
          {PROJECT_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button primary">
          {t("members.createLink")}
        </button>
      </Form>
      {inviteUrl ? (
        <div className="notice success">
          <p role="status">{t("members.linkCreated")}</p>
          <CopyField label={t("members.inviteLink")} value={inviteUrl} />
        </div>
      ) : null}
      {invitations.length > 0 ? (
        <>
          <h3>{t("members.pending")}</h3>
          <ul className="plain-list">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="inline-form">
                <span>
                  {t("members.pendingItem", {
                    role: t(`role.${invitation.role}`),
                    by: invitation.createdBy,
                    date: formatDateTime(locale, invitation.expiresAt),
                  })}
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <button type="submit" className="button small">
                    {t("members.revoke")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
