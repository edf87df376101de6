// GET    /api/v1/providers/{id}/clients/{orgId} (any member) → the client's overview.
// PATCH  /api/v1/providers/{id}/clients/{orgId} {name?, seats?, plan?} (admin; service user: seats, no purchase).
// DELETE /api/v1/providers/{id}/clients/{orgId} (admin) → detaches it; 422 without a confirmed owner.
import { providerRoute } from "@/lib/api/handler";
import { requireClientInScope } from "@/lib/authz/context";
import { getClient } from "@/lib/services/clients/get-client";
import { removeClient } from "@/lib/services/clients/remove-client";
import { updateClientSchema } from "@/lib/services/clients/schemas";
import { updateClient } from "@/lib/services/clients/update-client";

// A client outside a client-scoped Service User's assignments is a 404 for them.
export const GET = providerRoute({ permission: "provider.clients.read" }, async ({ providerId, params, access }) => {
  await requireClientInScope(access, params.orgId ?? "");
  return getClient(providerId, params.orgId ?? "");
});

export const PATCH = providerRoute({ permission: "provider.clients.seats", body: updateClientSchema }, async ({ providerId, params, body, access, actor, meta }) => {
  await requireClientInScope(access, params.orgId ?? "");
  const role = access.roles.includes("PROVIDER_ADMIN") ? "PROVIDER_ADMIN" : "SERVICE_USER";
  return updateClient(providerId, params.orgId ?? "", body, role, { actor, meta });
});

export const DELETE = providerRoute({ permission: "provider.clients.remove" }, async ({ providerId, params, actor, meta }) =>
  removeClient(providerId, params.orgId ?? "", { actor, meta }),
);
