// GET /api/v1/providers/{id}/clients/export?ids=…&ids=… | ?q= (admins) → text/csv, streamed:
// name, plan, seats, occupied, status, created. Without ids, every client matching q (all without it).
import { providerRoute } from "@/lib/api/handler";
import { download } from "@/lib/api/responses";
import { exportClientsCsv, exportClientsQuerySchema } from "@/lib/services/clients/export-clients-csv";

export const GET = providerRoute({ permission: "provider.clients.bulk", query: exportClientsQuerySchema }, async ({ providerId, query }) =>
  download(await exportClientsCsv(providerId, query), `clients-${new Date().toISOString().slice(0, 10)}.csv`),
);
