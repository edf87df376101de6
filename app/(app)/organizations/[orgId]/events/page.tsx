import type { Metadata } from "next";
import { EventLog } from "@/components/events/event-log";
import { PageHeader } from "@/components/ui/page-header";
import { organizationPage } from "@/lib/authz/page-guards";

export const metadata: Metadata = { title: "Event log" };

export default async function OrganizationEventsPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { orgId } = await params;
  const { access } = await organizationPage(orgId, "org.events.read");
  const managed = access.organization.providerId !== null;
  return (
    <>
      <PageHeader
        title="Event log"
        description={`Everything done in ${access.organization.name}${managed ? ", by its own administrators and by its provider's members" : ""}: who did what, when, and from where.`}
      />
      <EventLog
        scope={{ kind: "organization", organizationId: orgId }}
        searchParams={await searchParams}
        basePath={`/organizations/${orgId}/events`}
        apiPath={`/api/v1/organizations/${orgId}/events`}
        verifyHint={
          managed
            ? "Events recorded by this organization's own people are chained by SHA-256 hashes; verifying checks that none was changed or deleted. What the provider's members do here is chained in the provider's log."
            : "Each event is chained to the one before it by a SHA-256 hash, so a changed or deleted event shows up. Verify the whole log at any time."
        }
      />
    </>
  );
}
