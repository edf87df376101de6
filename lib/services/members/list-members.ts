// The organization's members: search (email or name), status and role filters, keyset paging by
// email, plus the seat and status totals the members page shows above the list.
import { z } from "zod";
import { decodeCursor, pageOf, type Page } from "@/lib/api/pagination";
import { db } from "@/lib/db/client";
import type { MemberStatus, OrganizationRole } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/generated/client.ts";
import { memberSelect, memberView, type MemberView } from "./member-view";

export interface ListMembersInput {
  organizationId: string;
  q?: string;
  status?: MemberStatus;
  role?: OrganizationRole;
  limit: number;
  cursor?: string;
}

const cursorShape = z.tuple([z.string(), z.uuid()]);

export async function listMembers(input: ListMembersInput): Promise<Page<MemberView>> {
  const after = decodeCursor(input.cursor, cursorShape);
  const where: Prisma.OrganizationMemberWhereInput = {
    organizationId: input.organizationId,
    ...(input.status ? { status: input.status } : {}),
    ...(input.role ? { role: input.role } : {}),
    AND: [
      input.q
        ? { OR: [{ email: { contains: input.q, mode: "insensitive" } }, { user: { name: { contains: input.q, mode: "insensitive" } } }] }
        : {},
      after ? { OR: [{ email: { gt: after[0] } }, { email: after[0], id: { gt: after[1] } }] } : {},
    ],
  };
  const rows = await db.organizationMember.findMany({ where, select: memberSelect, orderBy: [{ email: "asc" }, { id: "asc" }], take: input.limit + 1 });
  const now = new Date();
  return pageOf(rows, input.limit, (row) => memberView(row, now), (row) => [row.email, row.id]);
}

export interface MemberSummary {
  seats: number;
  occupiedSeats: number;
  byStatus: Record<MemberStatus, number>;
  confirmedOwners: number;
}

export async function memberSummary(organizationId: string): Promise<MemberSummary> {
  const [organization, groups, confirmedOwners] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { seats: true, occupiedSeats: true } }),
    db.organizationMember.groupBy({ by: ["status"], where: { organizationId }, _count: { _all: true } }),
    db.organizationMember.count({ where: { organizationId, role: "OWNER", status: "CONFIRMED" } }),
  ]);
  const byStatus: Record<MemberStatus, number> = { INVITED: 0, ACCEPTED: 0, CONFIRMED: 0, REVOKED: 0 };
  for (const g of groups) byStatus[g.status] = g._count._all;
  return { seats: organization.seats, occupiedSeats: organization.occupiedSeats, byStatus, confirmedOwners };
}
