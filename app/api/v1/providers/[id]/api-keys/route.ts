// GET  /api/v1/providers/{id}/api-keys?limit=&cursor= (admin) → {data: [{id, name, prefix, role, status, statusReason, createdBy, createdAt, lastUsedAt, revokedAt}], nextCursor}
// POST /api/v1/providers/{id}/api-keys {name, role} (admin) → 201 the key with `secret`, shown this once.
// Only signed-in admins manage keys: an API key cannot list or mint keys.
import { providerRoute } from "@/lib/api/handler";
import { created } from "@/lib/api/responses";
import { createApiKey } from "@/lib/services/api-keys/create-api-key";
import { listApiKeys } from "@/lib/services/api-keys/list-api-keys";
import { createApiKeySchema, listApiKeysQuerySchema } from "@/lib/services/api-keys/schemas";

export const GET = providerRoute({ permission: "provider.apiKeys.manage", query: listApiKeysQuerySchema, apiKeys: false }, async ({ providerId, query }) =>
  listApiKeys(providerId, query),
);

export const POST = providerRoute({ permission: "provider.apiKeys.manage", body: createApiKeySchema, apiKeys: false }, async ({ providerId, body, actor, meta }) =>
  created(await createApiKey(providerId, body, { actor, meta })),
);
