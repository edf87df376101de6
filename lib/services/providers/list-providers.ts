// The staff console's provider list: search by name, filter by status, keyset-paged by name. Client
// count and seats under management come from provider_stats (kept by triggers), one row per provider.
import { z } from "zod";
import { decodeCursor, pageOf, type Page } from "@/lib/api/pagination";
import { db } from "@/lib/db/client";
import type { Prisma, ProviderStatus, ProviderType } from "@/lib/db/generated/client.ts";

export interface ProviderListItem {
  id: string;
  name: string;
  businessName: string | null;
  type: ProviderType;
  status: ProviderStatus;
  enabled: boolean;
  clientCount: number;
  /** Seats of the provider's Teams and Enterprise organizations (the reseller discount basis). */
  seatsUnderManagement: number;
  createdAt: string;
}

export interface ListProvidersInput {
  q?: string;
  status?: ProviderStatus;
  enabled?: boolean;
  limit: number;
  cursor?: string;
}

const CursorKey = z.tuple([z.string(), z.uuid()]);

export async function listProviders(input: ListProvidersInput): Promise<Page<ProviderListItem>> {
  const after = decodeCursor(input.cursor, CursorKey);
  const q = input.q?.trim();
  const and: Prisma.ProviderWhereInput[] = [];
  if (q) and.push({ OR: [{ name: { contains: q, mode: "insensitive" } }, { businessName: { contains: q, mode: "insensitive" } }] });
  if (after) and.push({ OR: [{ name: { gt: after[0] } }, { name: after[0], id: { gt: after[1] } }] });
  const rows = await db.provider.findMany({
    where: {
      ...(input.status ? { status: input.status } : {}),
      ...(input.enabled === undefined ? {} : { enabled: input.enabled }),
      AND: and,
    },
    select: {
      id: true,
      name: true,
      businessName: true,
      type: true,
      status: true,
      enabled: true,
      createdAt: true,
      stats: { select: { clientCount: true, managedSeats: true } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: input.limit + 1,
  });
  return pageOf(
    rows,
    input.limit,
    ({ stats, createdAt, ...row }) => ({
      ...row,
      clientCount: stats?.clientCount ?? 0,
      seatsUnderManagement: stats?.managedSeats ?? 0,
      createdAt: createdAt.toISOString(),
    }),
    (row) => [row.name, row.id],
  );
}
