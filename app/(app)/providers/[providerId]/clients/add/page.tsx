// Add an existing organization: every organization the admin is an Owner of, and for each either an
// "Add as client" button or the reason it cannot be added (PRODUCT.md rule 4).
import type { Metadata } from "next";
import Link from "next/link";
import { Building2, ChevronLeft } from "lucide-react";
import { AddExistingButton } from "@/components/clients/add-existing-button";
import { SeatUsage } from "@/components/clients/seat-usage";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { providerPage } from "@/lib/authz/page-guards";
import { ADDABLE_LIST_LIMIT, listAddableOrganizations } from "@/lib/services/clients/add-existing-organization";
import { PLAN_LABELS } from "@/lib/services/clients/schemas";

export const metadata: Metadata = { title: "Add existing organization" };

export default async function AddExistingPage({ params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  const { user, access } = await providerPage(providerId, "provider.clients.create");
  const { data, truncated } = await listAddableOrganizations(providerId, user.id);
  const addable = data.filter((o) => o.addable).length;
  return (
    <div className="max-w-5xl">
      <PageHeader
        eyebrow={
          <Link href={`/providers/${providerId}`} className="inline-flex items-center gap-1 hover:text-slate-700">
            <ChevronLeft aria-hidden className="size-4" /> Clients
          </Link>
        }
        title="Add existing organization"
        description={`Bring an organization you own under ${access.provider.name}'s management. It must be on a Teams or Enterprise plan, you must be its confirmed Owner, and no provider may manage it yet.`}
      />
      {truncated ? (
        <Alert tone="info" className="mb-4">
          You own more than {ADDABLE_LIST_LIMIT} organizations; the first {ADDABLE_LIST_LIMIT} by name are listed.
        </Alert>
      ) : null}
      <Card>
        <CardHeader
          title="Organizations you own"
          description={data.length ? `${addable} of ${data.length} can be added.` : undefined}
        />
        {data.length === 0 ? (
          <EmptyState
            icon={<Building2 />}
            title="You do not own any organizations"
            action={
              <ButtonLink href={`/providers/${providerId}/clients/new`} variant="primary">
                Create a new client instead
              </ButtonLink>
            }
          >
            Only organizations where your account ({user.email}) is an Owner can be added. Ask the organization&apos;s owners to invite you as an Owner
            first, or create a new client.
          </EmptyState>
        ) : (
          <Table caption="Organizations you own">
            <THead>
              <tr>
                <TH>Organization</TH>
                <TH>Plan</TH>
                <TH>Seats</TH>
                <TH>Can it be added?</TH>
                <TH>
                  <span className="sr-only">Actions</span>
                </TH>
              </tr>
            </THead>
            <TBody>
              {data.map((org) => (
                <TR key={org.id}>
                  <TD className="font-medium text-slate-900">{org.name}</TD>
                  <TD>{PLAN_LABELS[org.plan]}</TD>
                  <TD>
                    <SeatUsage occupied={org.occupiedSeats} seats={org.seats} />
                  </TD>
                  <TD className="max-w-md">
                    {org.addable ? <Badge tone="success">Can be added</Badge> : <p className="text-sm text-slate-600">{org.message}</p>}
                  </TD>
                  <TD className="text-right">
                    {org.addable ? (
                      <AddExistingButton providerId={providerId} providerName={access.provider.name} organization={{ id: org.id, name: org.name }} />
                    ) : null}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
