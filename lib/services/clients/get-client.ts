// One client as its provider sees it: the organization overview plus its owners (removal needs a
// confirmed one) and its billing summary. Another provider's organization is a 404.
import { isUuid } from "@/lib/authz/context";
import { db } from "@/lib/db/client";
import type { MemberStatus } from "@/lib/db/generated/client.ts";
import { notFound } from "@/lib/errors";
import { getOrganizationOverview, type OrganizationOverview } from "@/lib/services/organizations/organization-overview";

export interface ClientDetail extends OrganizationOverview {
  owners: { id: string; email: string; name: string | null; status: MemberStatus }[];
}

const OWNERS_SHOWN = 10;

export async function getClient(providerId: string, organizationId: string): Promise<ClientDetail> {
  if (!isUuid(organizationId)) throw notFound("client");
  const scoped = await db.organization.findFirst({ where: { id: organizationId, providerId }, select: { id: true } });
  if (!scoped) throw notFound("client");
  const [overview, owners] = await Promise.all([
    getOrganizationOverview(organizationId),
    db.organizationMember.findMany({
      where: { organizationId, role: "OWNER", status: { not: "REVOKED" } },
      select: { id: true, email: true, status: true, user: { select: { name: true } } },
      orderBy: [{ status: "desc" }, { email: "asc" }],
      take: OWNERS_SHOWN,
    }),
  ]);
  return { ...overview, owners: owners.map((o) => ({ id: o.id, email: o.email, name: o.user?.name ?? null, status: o.status })) };
}
