import { providerRoute } from "@/lib/api/handler";
import { download } from "@/lib/api/responses";
import { eventQuerySchema, filterOf } from "@/lib/services/events/event-filter";
import { csvFilename, eventsCsvStream } from "@/lib/services/events/export-events-csv";
import { listEvents } from "@/lib/services/events/list-events";

export const GET = providerRoute({ permission: "provider.events.read", query: eventQuerySchema }, async ({ providerId, access, query }) => {
  const scope = { kind: "provider", providerId } as const;
  if (query.format === "csv") return download(eventsCsvStream(scope, filterOf(query)), csvFilename(access.provider.name));
  return listEvents(scope, filterOf(query), query);
});
