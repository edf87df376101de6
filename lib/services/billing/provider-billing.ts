// A provider's billing set-up: mode (per client or consolidated; a switch waits for the next period),
// seat minimums per plan for consolidated providers, and the reseller tier its seats under
// management earn.
import type { ActionContext } from "@/lib/actor";
import { parsePeriod, periodOf, shiftPeriod } from "@/lib/billing/period";
import { SEAT_PLANS, type SeatPlan } from "@/lib/billing/plans";
import { nextTierFor, tierFor } from "@/lib/billing/tiers";
import { db, type Tx } from "@/lib/db/client";
import type { BillingMode } from "@/lib/db/generated/client.ts";
import { transaction } from "@/lib/db/transaction";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";
import { pricesAt } from "./prices";
import { listTiers } from "./tiers";

interface ModeFields {
  billingMode: BillingMode;
  pendingBillingMode: BillingMode | null;
  pendingBillingFrom: string | null;
}

/** The mode a provider is billed in for a period: a pending switch applies from its first period on. */
export function modeForPeriod(provider: ModeFields, period: string): BillingMode {
  return provider.pendingBillingMode && provider.pendingBillingFrom && period >= provider.pendingBillingFrom
    ? provider.pendingBillingMode
    : provider.billingMode;
}

export async function assignedSeatsByPlan(providerId: string, client: Pick<Tx, "$queryRaw"> = db): Promise<Map<string, number>> {
  const rows = await client.$queryRaw<{ plan: string; seats: bigint }[]>`
    SELECT plan::text AS plan, sum(seats)::bigint AS seats FROM organizations WHERE provider_id = ${providerId}::uuid GROUP BY plan`;
  return new Map(rows.map((r) => [r.plan, Number(r.seats)]));
}

export async function providerBillingSummary(providerId: string, now = new Date()) {
  const provider = await db.provider.findUnique({
    where: { id: providerId },
    select: { billingMode: true, pendingBillingMode: true, pendingBillingFrom: true, stats: { select: { managedSeats: true } }, seatMinimums: true },
  });
  if (!provider) throw notFound("provider");
  const [tiers, prices, assigned] = await Promise.all([listTiers(), pricesAt(now), assignedSeatsByPlan(providerId)]);
  const seatsUnderManagement = provider.stats?.managedSeats ?? 0;
  const tier = tierFor(seatsUnderManagement, tiers);
  const next = nextTierFor(seatsUnderManagement, tiers);
  const current = periodOf(now);
  const minimums = new Map(provider.seatMinimums.map((m) => [m.plan, m.seatMinimum]));
  return {
    mode: modeForPeriod(provider, current),
    pendingMode:
      provider.pendingBillingMode && provider.pendingBillingFrom && provider.pendingBillingFrom > current
        ? { mode: provider.pendingBillingMode, from: provider.pendingBillingFrom }
        : null,
    seatsUnderManagement,
    tier: { minSeats: tier.minSeats, discountBasisPoints: tier.discountBasisPoints, discountPercent: tier.discountBasisPoints / 100 },
    nextTier: next ? { minSeats: next.minSeats, discountBasisPoints: next.discountBasisPoints, discountPercent: next.discountBasisPoints / 100, seatsNeeded: next.seatsNeeded } : null,
    plans: SEAT_PLANS.filter((plan) => prices.has(plan) || assigned.has(plan) || minimums.has(plan)).map((plan) => ({
      plan,
      unitPriceCents: prices.get(plan)?.unitPriceCents ?? null,
      seatMinimum: minimums.get(plan) ?? 0,
      assignedSeats: assigned.get(plan) ?? 0,
    })),
  };
}

export interface ProviderBillingUpdate {
  mode?: BillingMode;
  seatMinimums?: { plan: SeatPlan; seatMinimum: number }[];
}

/** Staff: switch mode (from the next period) and set seat minimums (0 removes one). */
export async function updateProviderBilling(providerId: string, update: ProviderBillingUpdate, { actor, meta }: ActionContext, now = new Date()) {
  return transaction(async (tx) => {
    const provider = await tx.provider.findUnique({
      where: { id: providerId },
      select: { id: true, name: true, billingMode: true, pendingBillingMode: true, pendingBillingFrom: true, seatMinimums: true },
    });
    if (!provider) throw notFound("provider");
    const current = periodOf(now);
    const details: Record<string, unknown> = {};
    if (update.mode) {
      // A switch that has already taken effect becomes the plain mode before a new one is scheduled.
      const effectiveNow = modeForPeriod(provider, current);
      const from = shiftPeriod(current, 1);
      const data =
        update.mode === effectiveNow
          ? { billingMode: effectiveNow, pendingBillingMode: null, pendingBillingFrom: null }
          : { billingMode: effectiveNow, pendingBillingMode: update.mode, pendingBillingFrom: from };
      await tx.provider.update({ where: { id: providerId }, data });
      details.mode = { from: effectiveNow, to: update.mode, effectiveFrom: update.mode === effectiveNow ? null : parsePeriod(from).key };
    }
    if (update.seatMinimums) {
      const before = Object.fromEntries(provider.seatMinimums.map((m) => [m.plan, m.seatMinimum]));
      for (const { plan, seatMinimum } of update.seatMinimums) {
        if (seatMinimum === 0) await tx.providerSeatMinimum.deleteMany({ where: { providerId, plan } });
        else
          await tx.providerSeatMinimum.upsert({
            where: { providerId_plan: { providerId, plan } },
            create: { providerId, plan, seatMinimum },
            update: { seatMinimum },
          });
      }
      details.seatMinimums = { before, after: { ...before, ...Object.fromEntries(update.seatMinimums.map((m) => [m.plan, m.seatMinimum])) } };
    }
    await recordEvent(tx, { type: "PROVIDER_BILLING_UPDATED", actor, meta, providerId, target: { type: "PROVIDER", id: providerId, name: provider.name }, details });
  });
}
