// Changing a member's role. Only owners (and provider members acting as owners) may promote to or
// change an Owner, and the last confirmed Owner cannot be demoted. While the two-step login policy is
// on, an owner or admin without two-step login cannot be made a User (the policy covers Users).
import type { ActionContext } from "@/lib/actor";
import type { OrganizationRole } from "@/lib/db/generated/enums";
import { transaction } from "@/lib/db/transaction";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";
import { policyEnabled, twoFactorPolicyCovers, twoFactorRequired } from "@/lib/services/policies/two-factor-policy";
import { memberSelect, memberView, type MemberView } from "./member-view";

export interface ChangeMemberRoleInput {
  organizationId: string;
  memberId: string;
  role: OrganizationRole;
  canManageOwners: boolean;
}

export async function changeMemberRole(input: ChangeMemberRoleInput, ctx: ActionContext): Promise<MemberView> {
  return transaction(async (tx) => {
    await lockOrganization(tx, input.organizationId);
    const member = await tx.organizationMember.findFirst({ where: { id: input.memberId, organizationId: input.organizationId }, select: memberSelect });
    if (!member) throw notFound("member");
    if ((member.role === "OWNER" || input.role === "OWNER") && !input.canManageOwners) {
      throw forbidden("Only owners can make someone an owner or change an owner's role.", "owner_required");
    }
    if (member.role === input.role) return memberView(member);
    if (member.role === "OWNER" && member.status === "CONFIRMED") {
      const confirmedOwners = await tx.organizationMember.count({ where: { organizationId: input.organizationId, role: "OWNER", status: "CONFIRMED" } });
      if (confirmedOwners <= 1) {
        throw conflict(
          `${member.email} is the organization's only confirmed owner and must stay an owner. Make another member an owner (and confirm them) first.`,
          "last_owner",
        );
      }
    }
    // Owners and admins are exempt from the two-step login policy; a new User must already comply.
    const holdsAccess = member.status === "ACCEPTED" || member.status === "CONFIRMED";
    if (holdsAccess && twoFactorPolicyCovers(input.role) && !member.user?.totpEnabledAt && (await policyEnabled(tx, input.organizationId, "TWO_FACTOR_AUTHENTICATION"))) {
      throw twoFactorRequired(
        `${member.email} cannot become a User: this organization requires two-step login of its Users, and they have not turned it on. Ask them to turn it on in their account settings first.`,
      );
    }
    const updated = await tx.organizationMember.update({ where: { id: member.id }, data: { role: input.role }, select: memberSelect });
    await recordEvent(tx, {
      type: "MEMBER_UPDATED",
      actor: ctx.actor,
      meta: ctx.meta,
      organizationId: input.organizationId,
      target: { type: "MEMBER", id: member.id, name: member.email },
      details: { before: { role: member.role }, after: { role: input.role } },
    });
    return memberView(updated);
  });
}
