import { organizationRoute } from "@/lib/api/handler";
import { download } from "@/lib/api/responses";
import { eventQuerySchema, filterOf } from "@/lib/services/events/event-filter";
import { csvFilename, eventsCsvStream } from "@/lib/services/events/export-events-csv";
import { listEvents } from "@/lib/services/events/list-events";

export const GET = organizationRoute({ permission: "org.events.read", query: eventQuerySchema }, async ({ organizationId, access, query }) => {
  const scope = { kind: "organization", organizationId } as const;
  if (query.format === "csv") return download(eventsCsvStream(scope, filterOf(query)), csvFilename(access.organization.name));
  return listEvents(scope, filterOf(query), query);
});
