// Staff: GET the price history, POST a new seat price effective from the 1st of a month.
import { z } from "zod";
import { platformRoute } from "@/lib/api/handler";
import { created } from "@/lib/api/responses";
import { SEAT_PLANS } from "@/lib/billing/plans";
import { priceHistory, setPlanPrice } from "@/lib/services/billing/prices";

const Body = z.object({
  plan: z.enum(SEAT_PLANS, { message: `plan is one of ${SEAT_PLANS.join(", ")}` }),
  unitPriceCents: z.number({ message: "Give the price in cents." }).int("Give the price in whole cents.").min(0, "A price cannot be negative.").max(1_000_000, "That price is implausibly high."),
  effectiveFrom: z.iso.date({ message: "Give the date as YYYY-MM-DD." }),
});

export const GET = platformRoute({ permission: "platform.pricing.manage" }, async () => ({ data: await priceHistory() }));

export const POST = platformRoute({ permission: "platform.pricing.manage", body: Body }, async ({ body, actor, meta }) =>
  created(await setPlanPrice(body, { actor, meta })),
);
