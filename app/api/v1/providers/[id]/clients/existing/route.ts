// POST /api/v1/providers/{id}/clients/existing {organizationId} (admin) → 201 {id};
// 422 naming the reason when the caller is not its confirmed Owner, its plan is not Teams/Enterprise,
// or a provider already manages it. Needs the signed-in Owner: API keys are refused.
import { providerRoute } from "@/lib/api/handler";
import { created } from "@/lib/api/responses";
import { addExistingOrganization } from "@/lib/services/clients/add-existing-organization";
import { addExistingSchema } from "@/lib/services/clients/schemas";

export const POST = providerRoute({ permission: "provider.clients.create", body: addExistingSchema, apiKeys: false }, async ({ providerId, body, actor, meta }) =>
  created(await addExistingOrganization(providerId, body.organizationId, { actor, meta })),
);
