// The reseller discount table (staff-editable). Replaced as a whole so it is always consistent.
import type { ActionContext } from "@/lib/actor";
import { ensureBillingDefaults } from "@/lib/billing/defaults";
import type { Tier } from "@/lib/billing/tiers";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/transaction";
import { unprocessable } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";

export async function listTiers(): Promise<Tier[]> {
  await ensureBillingDefaults();
  const rows = await db.discountTier.findMany({ orderBy: { minSeats: "asc" } });
  return rows.map(({ minSeats, discountBasisPoints }) => ({ minSeats, discountBasisPoints }));
}

export async function replaceTiers(tiers: Tier[], { actor, meta }: ActionContext): Promise<Tier[]> {
  const sorted = [...tiers].sort((a, b) => a.minSeats - b.minSeats);
  if (new Set(sorted.map((t) => t.minSeats)).size !== sorted.length) throw unprocessable("Two tiers start at the same seat count.", "duplicate_tier");
  if (sorted[0]?.minSeats !== 0) throw unprocessable("The first tier must start at 0 seats, so every provider has a tier.", "missing_base_tier");
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.discountBasisPoints < sorted[i - 1]!.discountBasisPoints) {
      throw unprocessable("A tier for more seats cannot give a smaller discount than a tier for fewer seats.", "decreasing_discount");
    }
  }
  await ensureBillingDefaults();
  return transaction(async (tx) => {
    const before = await tx.discountTier.findMany({ orderBy: { minSeats: "asc" }, select: { minSeats: true, discountBasisPoints: true } });
    await tx.discountTier.deleteMany({});
    await tx.discountTier.createMany({ data: sorted });
    await recordEvent(tx, { type: "DISCOUNT_TIERS_UPDATED", actor, meta, details: { before, after: sorted } });
    return sorted;
  });
}
