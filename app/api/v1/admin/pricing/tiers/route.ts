// Staff: GET the reseller discount tiers, PUT a whole new table.
import { z } from "zod";
import { platformRoute } from "@/lib/api/handler";
import { listTiers, replaceTiers } from "@/lib/services/billing/tiers";

const Body = z.object({
  tiers: z
    .array(
      z.object({
        minSeats: z.number({ message: "minSeats is a number" }).int().min(0, "minSeats cannot be negative"),
        discountPercent: z.number({ message: "discountPercent is a number" }).min(0, "at least 0").max(100, "at most 100").multipleOf(0.01, "at most two decimals"),
      }),
      { message: "Send the tiers as a list." },
    )
    .min(1, "Give at least one tier.")
    .max(50, "At most 50 tiers."),
});

const asPercent = (tiers: { minSeats: number; discountBasisPoints: number }[]) =>
  tiers.map((t) => ({ minSeats: t.minSeats, discountPercent: t.discountBasisPoints / 100 }));

export const GET = platformRoute({ permission: "platform.pricing.manage" }, async () => ({ tiers: asPercent(await listTiers()) }));

export const PUT = platformRoute({ permission: "platform.pricing.manage", body: Body }, async ({ body, actor, meta }) => {
  const tiers = body.tiers.map((t) => ({ minSeats: t.minSeats, discountBasisPoints: Math.round(t.discountPercent * 100) }));
  return { tiers: asPercent(await replaceTiers(tiers, { actor, meta })) };
});
