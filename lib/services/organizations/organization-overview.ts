// What an organization's overview shows: plan, seats, members by status and role, the policies it
// has turned on, and how many groups and collections it has. Counts only, so it costs the same for
// an organization of five people as for one of five thousand.
import { isUuid } from "@/lib/authz/context";
import { db } from "@/lib/db/client";
import type { MemberStatus, OrganizationPlan, OrganizationRole, PaymentMethodKind, PolicyType } from "@/lib/db/generated/client.ts";
import { notFound } from "@/lib/errors";

export interface OrganizationOverview {
  id: string;
  name: string;
  billingEmail: string;
  plan: OrganizationPlan;
  seats: number;
  occupiedSeats: number;
  enabled: boolean;
  createdAt: string;
  provider: { id: string; name: string } | null;
  isProviderInternal: boolean;
  paymentMethod: { kind: PaymentMethodKind; label: string | null; last4: string | null } | null;
  membersByStatus: Record<MemberStatus, number>;
  /** Members holding a seat (all but revoked), by role. */
  membersByRole: Record<OrganizationRole, number>;
  confirmedOwners: number;
  policiesEnabled: PolicyType[];
  groups: number;
  collections: number;
}

export async function getOrganizationOverview(organizationId: string): Promise<OrganizationOverview> {
  if (!isUuid(organizationId)) throw notFound("organization");
  const [org, byStatus, byRole, confirmedOwners, policies, groups, collections] = await Promise.all([
    db.organization.findUnique({
      where: { id: organizationId },
      select: {
        id: true,
        name: true,
        billingEmail: true,
        plan: true,
        seats: true,
        occupiedSeats: true,
        enabled: true,
        createdAt: true,
        isProviderInternal: true,
        paymentMethodKind: true,
        paymentMethodLabel: true,
        paymentMethodLast4: true,
        provider: { select: { id: true, name: true } },
      },
    }),
    db.organizationMember.groupBy({ by: ["status"], where: { organizationId }, _count: { _all: true } }),
    db.organizationMember.groupBy({ by: ["role"], where: { organizationId, status: { not: "REVOKED" } }, _count: { _all: true } }),
    db.organizationMember.count({ where: { organizationId, role: "OWNER", status: "CONFIRMED", userId: { not: null } } }),
    db.policy.findMany({ where: { organizationId, enabled: true }, select: { type: true }, orderBy: { type: "asc" } }),
    db.group.count({ where: { organizationId } }),
    db.collection.count({ where: { organizationId } }),
  ]);
  if (!org) throw notFound("organization");
  const membersByStatus: Record<MemberStatus, number> = { INVITED: 0, ACCEPTED: 0, CONFIRMED: 0, REVOKED: 0 };
  for (const row of byStatus) membersByStatus[row.status] = row._count._all;
  const membersByRole: Record<OrganizationRole, number> = { OWNER: 0, ADMIN: 0, USER: 0 };
  for (const row of byRole) membersByRole[row.role] = row._count._all;
  return {
    id: org.id,
    name: org.name,
    billingEmail: org.billingEmail,
    plan: org.plan,
    seats: org.seats,
    occupiedSeats: org.occupiedSeats,
    enabled: org.enabled,
    createdAt: org.createdAt.toISOString(),
    provider: org.provider,
    isProviderInternal: org.isProviderInternal,
    paymentMethod: org.paymentMethodKind ? { kind: org.paymentMethodKind, label: org.paymentMethodLabel, last4: org.paymentMethodLast4 } : null,
    membersByStatus,
    membersByRole,
    confirmedOwners,
    policiesEnabled: policies.map((p) => p.type),
    groups,
    collections,
  };
}
