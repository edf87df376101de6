// GET /api/v1/providers/{id}/users/{puId}/scope?q=&limit=&cursor= (admin)
//   → {providerUserId, role, clientScoped, clientCount, data: [{id, name}], nextCursor} (assigned clients by name)
// PUT /api/v1/providers/{id}/users/{puId}/scope {clientScoped, organizationIds} (admin) → {providerUserId, role, clientScoped, clientCount}
//   422 admin_not_scoped (Provider Admins reach every client), 422 not_provider_clients (names the foreign ids).
import { providerRoute } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-ids";
import { getClientScope, setClientScope } from "@/lib/services/provider-users/client-scope";
import { ClientScopeBody, ClientScopeQuery } from "@/lib/services/provider-users/schemas";

export const GET = providerRoute({ permission: "provider.users.read", query: ClientScopeQuery }, async ({ providerId, params, query }) =>
  getClientScope(providerId, pathId(params, "puId", "provider member"), query),
);

export const PUT = providerRoute({ permission: "provider.users.manage", body: ClientScopeBody }, async ({ providerId, params, body, actor, meta }) =>
  setClientScope(providerId, pathId(params, "puId", "provider member"), body, { actor, meta }),
);
