// Seat prices, with the date each takes effect. Invoices copy the price they used, so changing a
// price never alters an issued invoice; a new price can only start at the beginning of a month that
// has not been billed yet.
import type { ActionContext } from "@/lib/actor";
import { ensureBillingDefaults } from "@/lib/billing/defaults";
import { parsePeriod, periodOf } from "@/lib/billing/period";
import { SEAT_PLANS, type SeatPlan } from "@/lib/billing/plans";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/transaction";
import { unprocessable } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";

export interface PlanPriceRow {
  plan: SeatPlan;
  unitPriceCents: number;
  effectiveFrom: string;
}

/** The price of each seat plan in effect on `date` (plans without a price are absent). */
export async function pricesAt(date: Date): Promise<Map<SeatPlan, PlanPriceRow>> {
  await ensureBillingDefaults();
  const rows = await db.$queryRaw<{ plan: SeatPlan; unit_price_cents: number; effective_from: Date }[]>`
    SELECT DISTINCT ON (plan) plan::text AS plan, unit_price_cents, effective_from
      FROM plan_prices WHERE effective_from <= ${date}::date
     ORDER BY plan, effective_from DESC`;
  return new Map(rows.map((r) => [r.plan, { plan: r.plan, unitPriceCents: r.unit_price_cents, effectiveFrom: isoDate(r.effective_from) }]));
}

export async function priceHistory(): Promise<PlanPriceRow[]> {
  await ensureBillingDefaults();
  const rows = await db.planPrice.findMany({ where: { plan: { in: [...SEAT_PLANS] } }, orderBy: [{ plan: "asc" }, { effectiveFrom: "desc" }] });
  return rows.map((r) => ({ plan: r.plan as SeatPlan, unitPriceCents: r.unitPriceCents, effectiveFrom: isoDate(r.effectiveFrom) }));
}

export async function setPlanPrice(input: { plan: SeatPlan; unitPriceCents: number; effectiveFrom: string }, { actor, meta }: ActionContext, now = new Date()) {
  const from = new Date(`${input.effectiveFrom}T00:00:00Z`);
  if (from.getUTCDate() !== 1) throw unprocessable("Prices change at the start of a month: pick the 1st.", "price_not_month_start", { effectiveFrom: "Pick the first day of a month." });
  if (from < parsePeriod(periodOf(now)).start) {
    throw unprocessable("That month has already been billed or is closing; a new price can start this month at the earliest.", "price_in_past", {
      effectiveFrom: "Pick this month or a later one.",
    });
  }
  await ensureBillingDefaults();
  return transaction(async (tx) => {
    const previous = await tx.planPrice.findFirst({ where: { plan: input.plan, effectiveFrom: { lte: from } }, orderBy: { effectiveFrom: "desc" } });
    const row = await tx.planPrice.upsert({
      where: { plan_effectiveFrom: { plan: input.plan, effectiveFrom: from } },
      create: { plan: input.plan, unitPriceCents: input.unitPriceCents, effectiveFrom: from, createdById: actor.userId },
      update: { unitPriceCents: input.unitPriceCents, createdById: actor.userId },
    });
    await recordEvent(tx, {
      type: "PLAN_PRICE_SET",
      actor,
      meta,
      details: { plan: input.plan, unitPriceCents: input.unitPriceCents, effectiveFrom: input.effectiveFrom, previousUnitPriceCents: previous?.unitPriceCents ?? null },
    });
    return { plan: row.plan as SeatPlan, unitPriceCents: row.unitPriceCents, effectiveFrom: isoDate(row.effectiveFrom) };
  });
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
