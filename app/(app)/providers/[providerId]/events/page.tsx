import type { Metadata } from "next";
import { EventLog } from "@/components/events/event-log";
import { PageHeader } from "@/components/ui/page-header";
import { providerPage } from "@/lib/authz/page-guards";

export const metadata: Metadata = { title: "Event log" };

export default async function ProviderEventsPage({
  params,
  searchParams,
}: {
  params: Promise<{ providerId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { providerId } = await params;
  const { access } = await providerPage(providerId, "provider.events.read");
  return (
    <>
      <PageHeader
        title="Event log"
        description={`Everything done in ${access.provider.name} and by its members in client organizations: who did what, when, and from where.`}
      />
      <EventLog
        scope={{ kind: "provider", providerId }}
        searchParams={await searchParams}
        basePath={`/providers/${providerId}/events`}
        apiPath={`/api/v1/providers/${providerId}/events`}
        verifyHint="Each event is chained to the one before it by a SHA-256 hash, so a changed or deleted event shows up. Verify the whole log at any time."
      />
    </>
  );
}
