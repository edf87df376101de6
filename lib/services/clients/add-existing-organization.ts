// A Provider Admin brings an organization they own under the provider's management (PRODUCT.md
// rule 4): they must be its confirmed Owner, it must be on a Teams or Enterprise plan, and no
// provider may manage it already. The page lists every organization the admin owns with the reason
// any of them cannot be added; the add itself re-checks everything with the row locked.
import type { ActionContext } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { MemberStatus, OrganizationPlan } from "@/lib/db/generated/client.ts";
import { transaction } from "@/lib/db/transaction";
import { notFound, unprocessable } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";
import { lockOrganization, recordSeatLedger } from "./common";
import { MANAGEABLE_PLANS, PLAN_LABELS } from "./schemas";

export type NotAddableReason = "not_confirmed_owner" | "plan_not_eligible" | "already_client" | "managed_by_other_provider";

export interface AddableOrganization {
  id: string;
  name: string;
  plan: OrganizationPlan;
  seats: number;
  occupiedSeats: number;
  addable: boolean;
  reason: NotAddableReason | null;
  /** Why it cannot be added, in a sentence; null when it can. */
  message: string | null;
}

/** Enough for any one person's organizations; the page says so if the list is cut. */
export const ADDABLE_LIST_LIMIT = 500;

interface Candidate {
  name: string;
  plan: OrganizationPlan;
  providerId: string | null;
  memberStatus: MemberStatus;
}

/** Why an organization cannot be added by this admin to this provider, or null when it can. */
function refusal(org: Candidate, providerId: string): { reason: NotAddableReason; message: string } | null {
  if (org.memberStatus !== "CONFIRMED") {
    return {
      reason: "not_confirmed_owner",
      message: `You are not a confirmed Owner of ${org.name}. Only its confirmed Owners can put it under a provider's management; ask an existing Owner to confirm you first.`,
    };
  }
  if (org.providerId === providerId) {
    return { reason: "already_client", message: `${org.name} is already a client of this provider.` };
  }
  if (org.providerId !== null) {
    return {
      reason: "managed_by_other_provider",
      message: `${org.name} is already managed by another provider. That provider must remove it from its clients first.`,
    };
  }
  if (!MANAGEABLE_PLANS.includes(org.plan)) {
    return {
      reason: "plan_not_eligible",
      message: `${org.name} is on the ${PLAN_LABELS[org.plan]} plan. Only Teams and Enterprise organizations can be managed by a provider; upgrade it first.`,
    };
  }
  return null;
}

/** Every organization the user is an Owner of (confirmed or not), each marked addable or not with the reason. */
export async function listAddableOrganizations(providerId: string, userId: string): Promise<{ data: AddableOrganization[]; truncated: boolean }> {
  const memberships = await db.organizationMember.findMany({
    where: { userId, role: "OWNER", status: { not: "REVOKED" } },
    select: {
      status: true,
      organization: { select: { id: true, name: true, plan: true, seats: true, occupiedSeats: true, providerId: true } },
    },
    orderBy: [{ organization: { name: "asc" } }, { organizationId: "asc" }],
    take: ADDABLE_LIST_LIMIT + 1,
  });
  const data = memberships.slice(0, ADDABLE_LIST_LIMIT).map(({ status, organization: o }) => {
    const refused = refusal({ name: o.name, plan: o.plan, providerId: o.providerId, memberStatus: status }, providerId);
    return {
      id: o.id,
      name: o.name,
      plan: o.plan,
      seats: o.seats,
      occupiedSeats: o.occupiedSeats,
      addable: refused === null,
      reason: refused?.reason ?? null,
      message: refused?.message ?? null,
    };
  });
  return { data, truncated: memberships.length > ADDABLE_LIST_LIMIT };
}

export async function addExistingOrganization(providerId: string, organizationId: string, ctx: ActionContext): Promise<{ id: string }> {
  return transaction(async (tx) => {
    const org = await lockOrganization(tx, organizationId);
    const membership = await tx.organizationMember.findFirst({
      where: { organizationId, userId: ctx.actor.userId, role: "OWNER", status: { not: "REVOKED" } },
      select: { status: true },
    });
    if (!membership) {
      // A member who is not an Owner learns the rule; someone with no relation learns nothing.
      const anyMembership = await tx.organizationMember.count({ where: { organizationId, userId: ctx.actor.userId, status: { not: "REVOKED" } } });
      if (anyMembership === 0) throw notFound("organization");
    }
    const refused = refusal({ name: org.name, plan: org.plan, providerId: org.providerId, memberStatus: membership?.status ?? "INVITED" }, providerId);
    if (refused) throw unprocessable(refused.message, refused.reason);

    await tx.organization.update({ where: { id: organizationId }, data: { providerId, isProviderInternal: false } });
    await recordSeatLedger(tx, { organizationId, providerId, plan: org.plan, seats: org.seats });
    await recordEvent(tx, {
      type: "PROVIDER_ORGANIZATION_ADDED",
      actor: ctx.actor,
      meta: ctx.meta,
      providerId,
      organizationId,
      target: { type: "ORGANIZATION", id: organizationId, name: org.name },
      details: { plan: org.plan, seats: org.seats, occupiedSeats: org.occupiedSeats },
    });
    return { id: organizationId };
  });
}
