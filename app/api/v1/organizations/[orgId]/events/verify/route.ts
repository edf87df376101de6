import { organizationRoute } from "@/lib/api/handler";
import { organizationChain, verifyChain, verifyQuerySchema } from "@/lib/services/events/verify-chain";

// The organization's own chain: events recorded without a provider. What the managing provider's
// members do here is in the provider's chain, verified from the provider's log.
export const GET = organizationRoute({ permission: "org.events.read", query: verifyQuerySchema }, ({ organizationId, query }) =>
  verifyChain(organizationChain(organizationId), { cursor: query.cursor, maxRows: query.limit }),
);
