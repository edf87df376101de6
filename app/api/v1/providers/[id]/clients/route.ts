// GET /api/v1/providers/{id}/clients?q=&sort=name|seats|created&order=asc|desc&limit=&cursor= (any member)
//   → {data: [{id, name, plan, seats, occupiedSeats, enabled, isProviderInternal, createdAt}], nextCursor, totals}
// POST /api/v1/providers/{id}/clients {name, billingEmail, plan, seats, ownerEmail, paymentMethod?} (admin) → 201 {id}
import { providerRoute } from "@/lib/api/handler";
import { created } from "@/lib/api/responses";
import { clientScopeOf } from "@/lib/authz/context";
import { createClient } from "@/lib/services/clients/create-client";
import { listClients } from "@/lib/services/clients/list-clients";
import { createClientSchema, listClientsQuerySchema } from "@/lib/services/clients/schemas";

export const GET = providerRoute({ permission: "provider.clients.read", query: listClientsQuerySchema }, async ({ providerId, query, access }) => {
  // A client-scoped Service User sees only their assigned clients, and totals over those.
  const { data, nextCursor, totals } = await listClients(providerId, query, clientScopeOf(access));
  return { data, nextCursor, totals };
});

export const POST = providerRoute({ permission: "provider.clients.create", body: createClientSchema }, async ({ providerId, body, actor, meta }) =>
  created(await createClient(providerId, body, { actor, meta })),
);
