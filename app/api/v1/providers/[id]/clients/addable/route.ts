// GET /api/v1/providers/{id}/clients/addable (admin) → {data: [{id, name, plan, seats, occupiedSeats, addable, reason, message}], truncated}:
// every organization the caller owns, each saying whether it can be added and, if not, why. A
// person's own organizations are not an API key's business, so keys are refused.
import { providerRoute } from "@/lib/api/handler";
import { listAddableOrganizations } from "@/lib/services/clients/add-existing-organization";

export const GET = providerRoute({ permission: "provider.clients.create", apiKeys: false }, async ({ providerId, user }) => listAddableOrganizations(providerId, user.id));
