// Staff: GET a provider's billing set-up, PUT {mode?, seatMinimums?} (a mode switch applies from the
// next period; a seat minimum of 0 removes it).
import { z } from "zod";
import { platformRoute } from "@/lib/api/handler";
import { isUuid } from "@/lib/authz/context";
import { SEAT_PLANS } from "@/lib/billing/plans";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { providerBillingSummary, updateProviderBilling } from "@/lib/services/billing/provider-billing";

const Body = z
  .object({
    mode: z.enum(["PER_CLIENT", "CONSOLIDATED"], { message: "mode is PER_CLIENT or CONSOLIDATED" }).optional(),
    seatMinimums: z
      .array(z.object({ plan: z.enum(SEAT_PLANS), seatMinimum: z.number().int("whole seats").min(0, "cannot be negative").max(1_000_000) }))
      .max(SEAT_PLANS.length)
      .optional(),
  })
  .refine((b) => b.mode !== undefined || b.seatMinimums !== undefined, { message: "Send mode and/or seatMinimums." });

async function existingProvider(id: string | undefined): Promise<string> {
  if (!id || !isUuid(id) || !(await db.provider.count({ where: { id } }))) throw notFound("provider");
  return id;
}

export const GET = platformRoute({ permission: "platform.pricing.manage" }, async ({ params }) => providerBillingSummary(await existingProvider(params.id)));

export const PUT = platformRoute({ permission: "platform.pricing.manage", body: Body }, async ({ params, body, actor, meta }) => {
  const providerId = await existingProvider(params.id);
  await updateProviderBilling(providerId, body, { actor, meta });
  return providerBillingSummary(providerId);
});
