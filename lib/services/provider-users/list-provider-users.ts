// The provider's people: filter by status, role and two-step login, search by email or name,
// keyset-paged by email.
import { z } from "zod";
import { decodeCursor, pageOf, type Page } from "@/lib/api/pagination";
import { db } from "@/lib/db/client";
import type { Prisma, ProviderUserRole, ProviderUserStatus } from "@/lib/db/generated/client.ts";
import { MEMBER_SELECT, toView, type ProviderUserView } from "./memberships";

export interface ListProviderUsersInput {
  q?: string;
  status?: ProviderUserStatus;
  role?: ProviderUserRole;
  /** "on": the member's account has two-step login; "off": it does not, or there is no account yet. */
  twoFactor?: "on" | "off";
  limit: number;
  cursor?: string;
}

const CursorKey = z.tuple([z.string(), z.uuid()]);

export async function listProviderUsers(providerId: string, input: ListProviderUsersInput): Promise<Page<ProviderUserView>> {
  const after = decodeCursor(input.cursor, CursorKey);
  const q = input.q?.trim();
  const and: Prisma.ProviderUserWhereInput[] = [];
  if (q) and.push({ OR: [{ email: { contains: q, mode: "insensitive" } }, { user: { is: { name: { contains: q, mode: "insensitive" } } } }] });
  if (input.twoFactor === "on") and.push({ user: { is: { totpEnabledAt: { not: null } } } });
  if (input.twoFactor === "off") and.push({ OR: [{ userId: null }, { user: { is: { totpEnabledAt: null } } }] });
  if (after) and.push({ OR: [{ email: { gt: after[0] } }, { email: after[0], id: { gt: after[1] } }] });
  const where: Prisma.ProviderUserWhereInput = {
    providerId,
    ...(input.status ? { status: input.status } : {}),
    ...(input.role ? { role: input.role } : {}),
    AND: and,
  };
  const rows = await db.providerUser.findMany({
    where,
    select: MEMBER_SELECT,
    orderBy: [{ email: "asc" }, { id: "asc" }],
    take: input.limit + 1,
  });
  return pageOf(rows, input.limit, toView, (row) => [row.email, row.id]);
}

/** Confirmed members without two-step login (who cannot open clients while the provider requires it). */
export function countConfirmedWithoutTwoFactor(providerId: string): Promise<number> {
  return db.providerUser.count({ where: { providerId, status: "CONFIRMED", user: { is: { totpEnabledAt: null } } } });
}

/** Members per status, for the filter tabs and the page's summary. */
export async function countProviderUsersByStatus(providerId: string): Promise<Record<ProviderUserStatus, number>> {
  const groups = await db.providerUser.groupBy({ by: ["status"], where: { providerId }, _count: { _all: true } });
  const counts: Record<ProviderUserStatus, number> = { INVITED: 0, ACCEPTED: 0, CONFIRMED: 0 };
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}
