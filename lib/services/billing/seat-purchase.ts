// Whether giving a client more seats needs a purchase. Consolidated providers draw seats from their
// plan's seat minimum at no extra cost; anything beyond (and any increase for a provider billed per
// client) is a purchase, which only Provider Admins may make (PRODUCT.md rule 6).
import { periodOf } from "@/lib/billing/period";
import { db, type Tx } from "@/lib/db/client";
import { assignedSeatsByPlan, modeForPeriod } from "./provider-billing";

export interface SeatChange {
  providerId: string;
  plan: string;
  currentSeats: number;
  newSeats: number;
}

/** null when no purchase is needed, otherwise the reason in a sentence. */
export async function seatPurchaseReason(tx: Tx, change: SeatChange, now = new Date()): Promise<string | null> {
  if (change.newSeats <= change.currentSeats) return null;
  const provider = await tx.provider.findUniqueOrThrow({
    where: { id: change.providerId },
    select: { billingMode: true, pendingBillingMode: true, pendingBillingFrom: true, seatMinimums: { where: { plan: change.plan as never } } },
  });
  const minimum = provider.seatMinimums[0]?.seatMinimum ?? 0;
  if (modeForPeriod(provider, periodOf(now)) !== "CONSOLIDATED" || minimum === 0) {
    return "Adding seats is a purchase for this provider; only a Provider Admin can add seats.";
  }
  // Serialize seat increases within the provider, so two at once cannot both fit the same remainder.
  await tx.$executeRaw`SELECT 1 FROM provider_stats WHERE provider_id = ${change.providerId}::uuid FOR UPDATE`;
  const assigned = (await assignedSeatsByPlan(change.providerId, tx)).get(change.plan) ?? 0;
  const after = assigned - change.currentSeats + change.newSeats;
  if (after <= minimum) return null;
  return `This would assign ${after} seats on this plan, above the provider's seat minimum of ${minimum}; buying the extra seats takes a Provider Admin.`;
}

/** The most seats a client can have without a purchase (what a Service User may set), for forms. */
export async function seatsWithoutPurchase(change: Omit<SeatChange, "newSeats">, now = new Date()): Promise<number> {
  const provider = await db.provider.findUniqueOrThrow({
    where: { id: change.providerId },
    select: { billingMode: true, pendingBillingMode: true, pendingBillingFrom: true, seatMinimums: { where: { plan: change.plan as never } } },
  });
  const minimum = provider.seatMinimums[0]?.seatMinimum ?? 0;
  if (modeForPeriod(provider, periodOf(now)) !== "CONSOLIDATED" || minimum === 0) return change.currentSeats;
  const assigned = (await assignedSeatsByPlan(change.providerId)).get(change.plan) ?? 0;
  return Math.max(change.currentSeats, minimum - (assigned - change.currentSeats));
}
