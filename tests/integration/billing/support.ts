import { db } from "@/lib/db/client";
import type { OrganizationPlan } from "@/lib/db/generated/client.ts";

/** A seat-ledger entry, as the clients service writes on every seat, plan or provider change. */
export async function ledger(organizationId: string, providerId: string | null, plan: OrganizationPlan, seats: number, at: string) {
  await db.seatLedgerEntry.create({ data: { organizationId, providerId, plan, seats, effectiveAt: new Date(at) } });
}

export const staffContext = (userId: string) => ({ actor: { userId, name: "Staff", email: "staff@example.test" }, meta: { ip: "192.0.2.9", userAgent: "vitest" } });
