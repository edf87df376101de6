import { providerRoute } from "@/lib/api/handler";
import { providerChain, verifyChain, verifyQuerySchema } from "@/lib/services/events/verify-chain";

export const GET = providerRoute({ permission: "provider.events.read", query: verifyQuerySchema }, ({ providerId, query }) =>
  verifyChain(providerChain(providerId), { cursor: query.cursor, maxRows: query.limit }),
);
