// DELETE /api/v1/providers/{id}/api-keys/{keyId} (admin) → the revoked key; it stops working at once.
import { providerRoute } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-ids";
import { revokeApiKey } from "@/lib/services/api-keys/revoke-api-key";

export const DELETE = providerRoute({ permission: "provider.apiKeys.manage", apiKeys: false }, async ({ providerId, params, actor, meta }) =>
  revokeApiKey(providerId, pathId(params, "keyId", "API key"), { actor, meta }),
);
