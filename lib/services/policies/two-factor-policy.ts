// The TWO_FACTOR_AUTHENTICATION organization policy, as the reference product enforces it: it
// covers members with the User role (owners and admins are exempt), and while it is on a covered
// member needs two-step login to hold access.
//   - Turning the policy on revokes covered members who have accepted or been confirmed but have no
//     two-step login (invited ones are checked when they accept), in the same transaction.
//   - A covered member who turns two-step login off is revoked in the transaction that turns it off.
//   - Confirming, restoring, accepting an invitation and demoting to User are refused (422
//     two_factor_required) for someone without it; see twoFactorRequired() and its callers.
// Each revocation is a MEMBER_REVOKED event with reason "two_factor_policy" and a mail explaining how
// to regain access (turn on two-step login, then ask an admin to restore them).
import type { ActionContext } from "@/lib/actor";
import { db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client.ts";
import type { OrganizationRole, PolicyType } from "@/lib/db/generated/enums";
import { afterCommit } from "@/lib/db/transaction";
import { unprocessable, type AppError } from "@/lib/errors";
import { recordEvents, type EventInput } from "@/lib/events/recorder";
import { sendMailSafely } from "@/lib/mail/mailer";
import { revokedForTwoFactorMail } from "@/lib/mail/templates";
import { memberSelect, type MemberRow } from "@/lib/services/members/member-view";
import { revokeMemberRow } from "@/lib/services/members/revoke-member";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";

const EXEMPT_ROLES: readonly OrganizationRole[] = ["OWNER", "ADMIN"];

/** Whether the policy covers a member with this role. */
export function twoFactorPolicyCovers(role: OrganizationRole): boolean {
  return !EXEMPT_ROLES.includes(role);
}

export async function policyEnabled(client: Tx | typeof db, organizationId: string, type: PolicyType): Promise<boolean> {
  const policy = await client.policy.findUnique({ where: { organizationId_type: { organizationId, type } }, select: { enabled: true } });
  return policy?.enabled ?? false;
}

/** The refusal for someone the policy covers who has no two-step login; `what` says what was refused and what to do. */
export function twoFactorRequired(what: string): AppError {
  return unprocessable(what, "two_factor_required");
}

type Cause = "policy_enabled" | "two_factor_disabled";

async function revokeAll(tx: Tx, members: { member: MemberRow; organization: { id: string; name: string } }[], cause: Cause, ctx: ActionContext): Promise<void> {
  const events: EventInput[] = [];
  for (const { member, organization } of members) {
    await revokeMemberRow(tx, member);
    events.push({
      type: "MEMBER_REVOKED",
      actor: ctx.actor,
      meta: ctx.meta,
      organizationId: organization.id,
      target: { type: "MEMBER", id: member.id, name: member.email },
      details: { role: member.role, previousStatus: member.status, reason: "two_factor_policy", cause },
    });
  }
  await recordEvents(tx, events);
  afterCommit(tx, async () => {
    for (const { member, organization } of members) {
      await sendMailSafely(revokedForTwoFactorMail({ to: member.email, organizationName: organization.name, cause }));
    }
  });
}

/** Members with an account whom the policy covers and who have no two-step login. */
const NON_COMPLIANT: Prisma.OrganizationMemberWhereInput = {
  role: { notIn: [...EXEMPT_ROLES] },
  status: { in: ["ACCEPTED", "CONFIRMED"] },
  user: { is: { totpEnabledAt: null } },
};

/** How many members turning the policy on would revoke now (for the policies page's warning). */
export function countMembersWithoutTwoFactor(organizationId: string): Promise<number> {
  return db.organizationMember.count({ where: { organizationId, ...NON_COMPLIANT } });
}

/**
 * Called by writePolicy when the policy is turned on (the caller holds the organization lock).
 * Returns the members it revoked.
 */
export async function revokeMembersWithoutTwoFactor(tx: Tx, organizationId: string, ctx: ActionContext): Promise<{ id: string; email: string }[]> {
  const [organization, members] = await Promise.all([
    tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { id: true, name: true } }),
    tx.organizationMember.findMany({ where: { organizationId, ...NON_COMPLIANT }, select: memberSelect, orderBy: { email: "asc" } }),
  ]);
  await revokeAll(
    tx,
    members.map((member) => ({ member, organization })),
    "policy_enabled",
    ctx,
  );
  return members.map((m) => ({ id: m.id, email: m.email }));
}

/**
 * Called in the transaction that turns the user's two-step login off (after it is off): revokes
 * their memberships in organizations whose policy requires it. The organizations are locked in id
 * order first, as every member change does, so this cannot overshoot or deadlock with them.
 */
export async function revokeMembershipsRequiringTwoFactor(tx: Tx, userId: string, ctx: ActionContext): Promise<{ organizationId: string; organizationName: string }[]> {
  const where: Prisma.OrganizationMemberWhereInput = {
    userId,
    ...NON_COMPLIANT,
    organization: { policies: { some: { type: "TWO_FACTOR_AUTHENTICATION" as const, enabled: true } } },
  };
  const candidates = await tx.organizationMember.findMany({ where, select: { organizationId: true }, orderBy: { organizationId: "asc" } });
  const organizations = new Map<string, string>();
  for (const { organizationId } of candidates) organizations.set(organizationId, (await lockOrganization(tx, organizationId)).name);
  // Read again under the locks: a policy or membership may have changed meanwhile.
  const members = await tx.organizationMember.findMany({
    where: { ...where, organizationId: { in: [...organizations.keys()] } },
    select: { ...memberSelect, organizationId: true },
  });
  await revokeAll(
    tx,
    members.map((member) => ({ member, organization: { id: member.organizationId, name: organizations.get(member.organizationId)! } })),
    "two_factor_disabled",
    ctx,
  );
  return members.map((m) => ({ organizationId: m.organizationId, organizationName: organizations.get(m.organizationId)! }));
}
