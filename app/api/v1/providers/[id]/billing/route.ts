// GET /api/v1/providers/{id}/billing → mode, seats under management, tier, next tier, plans.
import { providerRoute } from "@/lib/api/handler";
import { providerBillingSummary } from "@/lib/services/billing/provider-billing";

export const GET = providerRoute({ permission: "provider.billing.read" }, async ({ providerId }) => providerBillingSummary(providerId));
