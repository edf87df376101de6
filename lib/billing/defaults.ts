// The price list and discount tiers a new installation starts with. Staff change them in the
// staff console; they are written once (marker in job_runs), so deleting them later sticks.
import { db } from "@/lib/db/client";
import type { SeatPlan } from "./plans";

/** Cents per seat per month. Annual plans are billed monthly at the same seat rate. */
export const DEFAULT_PRICES: Record<SeatPlan, number> = {
  TEAMS_MONTHLY: 400,
  TEAMS_ANNUAL: 400,
  ENTERPRISE_MONTHLY: 600,
  ENTERPRISE_ANNUAL: 600,
};

export const DEFAULT_PRICES_EFFECTIVE_FROM = new Date(Date.UTC(2020, 0, 1));

export const DEFAULT_TIERS = [
  { minSeats: 0, discountBasisPoints: 0 },
  { minSeats: 100, discountBasisPoints: 1000 },
  { minSeats: 500, discountBasisPoints: 1500 },
  { minSeats: 1000, discountBasisPoints: 2000 },
];

const MARKER = "defaults:billing";

export async function ensureBillingDefaults(): Promise<void> {
  if ((await db.jobRun.count({ where: { key: MARKER } })) > 0) return;
  await db.$transaction(async (tx) => {
    const claimed = await tx.jobRun.createMany({ data: [{ key: MARKER, finishedAt: new Date() }], skipDuplicates: true });
    if (claimed.count === 0) return;
    await tx.planPrice.createMany({
      data: Object.entries(DEFAULT_PRICES).map(([plan, unitPriceCents]) => ({ plan: plan as SeatPlan, unitPriceCents, effectiveFrom: DEFAULT_PRICES_EFFECTIVE_FROM })),
      skipDuplicates: true,
    });
    await tx.discountTier.createMany({ data: DEFAULT_TIERS, skipDuplicates: true });
  });
}
