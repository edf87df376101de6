// GET /api/v1/providers/{id}/clients/addable (admin) → {data: [{id, name, plan, seats, occupiedSeats, addable, reason, message}], truncated}:
// every organization the caller owns, each saying whether it can be added and, if not, why.
import { providerRoute } from "@/lib/api/handler";
import { listAddableOrganizations } from "@/lib/services/clients/add-existing-organization";

export const GET = providerRoute({ permission: "provider.clients.create" }, async ({ providerId, user }) => listAddableOrganizations(providerId, user.id));
