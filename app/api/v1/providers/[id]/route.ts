// GET /api/v1/providers/{id} (any member, staff) · PATCH /api/v1/providers/{id} {name?, businessName?, billingEmail?, require2fa?} (admin).
import { providerRoute } from "@/lib/api/handler";
import { getProvider } from "@/lib/services/providers/get-provider";
import { UpdateProviderBody } from "@/lib/services/providers/schemas";
import { updateProvider } from "@/lib/services/providers/update-provider";

export const GET = providerRoute({ permission: "provider.read" }, async ({ providerId }) => getProvider(providerId));

export const PATCH = providerRoute({ permission: "provider.update", body: UpdateProviderBody }, async ({ providerId, body, actor, meta }) =>
  updateProvider(providerId, body, { actor, meta }),
);
