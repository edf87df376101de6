// One client as its provider sees it: plan, seats, members, policies, billing summary, and the
// provider's controls — rename, plan, seats, open its admin console, remove.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChevronLeft, ExternalLink, ShieldAlert } from "lucide-react";
import { ClientDetailsForm, ClientSeatsForm, RemoveClientButton } from "@/components/clients/client-forms";
import { seatsWithoutPurchase } from "@/lib/services/billing/seat-purchase";
import { OrganizationFacts, OrganizationStats } from "@/components/organizations/organization-summary";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { requireClientInScope, type ProviderAccess } from "@/lib/authz/context";
import { providerPage } from "@/lib/authz/page-guards";
import { can } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { getClient } from "@/lib/services/clients/get-client";
import { PAYMENT_METHOD_LABELS, PLAN_LABELS } from "@/lib/services/clients/schemas";

export const metadata: Metadata = { title: "Client" };

const STATUS_TONE = { INVITED: "warning", ACCEPTED: "info", CONFIRMED: "success", REVOKED: "danger" } as const;
const STATUS_LABEL = { INVITED: "Invited", ACCEPTED: "Accepted — to confirm", CONFIRMED: "Confirmed", REVOKED: "Revoked" } as const;

async function loadClient(access: ProviderAccess, providerId: string, orgId: string) {
  try {
    await requireClientInScope(access, orgId);
    return await getClient(providerId, orgId);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

export default async function ClientPage({ params }: { params: Promise<{ providerId: string; orgId: string }> }) {
  const { providerId, orgId } = await params;
  const { access, user } = await providerPage(providerId, "provider.clients.read");
  const needsTwoFactor = access.provider.require2fa && !user.totpEnabled;
  const client = await loadClient(access, providerId, orgId);
  const isAdmin = can(access.roles, "provider.clients.update");
  const canRemove = can(access.roles, "provider.clients.remove");
  const canSeats = can(access.roles, "provider.clients.seats");
  const base = `/providers/${providerId}`;

  return (
    <div>
      <PageHeader
        eyebrow={
          <Link href={base} className="inline-flex items-center gap-1 hover:text-slate-700">
            <ChevronLeft aria-hidden className="size-4" /> Clients
          </Link>
        }
        title={
          <span className="inline-flex flex-wrap items-center gap-2">
            {client.name}
            {client.isProviderInternal ? <Badge tone="brand">Internal</Badge> : null}
            {client.enabled ? null : <Badge tone="danger">Disabled</Badge>}
          </span>
        }
        description={
          <>
            {PLAN_LABELS[client.plan]} · client since <LocalTime iso={client.createdAt} dateOnly />
          </>
        }
        actions={
          needsTwoFactor ? (
            <ButtonLink href="/account" variant="primary">
              <ShieldAlert aria-hidden /> Turn on two-step login to open
            </ButtonLink>
          ) : (
            <ButtonLink href={`/organizations/${client.id}`} prefetch={false} variant="primary">
              <ExternalLink aria-hidden /> Open admin console
            </ButtonLink>
          )
        }
      />

      <OrganizationStats overview={client} />

      {client.confirmedOwners === 0 ? (
        <Alert tone="warning" className="mb-6" title="No confirmed owner yet">
          Once the owner accepts their invitation, confirm them in the client&apos;s members. Until it has a confirmed owner, the client cannot be
          removed from your provider.
        </Alert>
      ) : null}

      <div className="space-y-6">
        <OrganizationFacts overview={client} />

        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader title="Owners" description="Who runs the organization for the client." />
            <CardBody>
              {client.owners.length ? (
                <ul className="divide-y divide-slate-100 text-sm">
                  {client.owners.map((owner) => (
                    <li key={owner.id} className="flex items-center justify-between gap-3 py-2">
                      <span className="min-w-0">
                        <span className="block truncate font-medium text-slate-900">{owner.name ?? owner.email}</span>
                        {owner.name ? <span className="block truncate text-slate-500">{owner.email}</span> : null}
                      </span>
                      <Badge tone={STATUS_TONE[owner.status]}>{STATUS_LABEL[owner.status]}</Badge>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-slate-600">This organization has no owners. Invite one from its members.</p>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Billing" description="Billed by your provider." />
            <CardBody>
              <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
                <div>
                  <dt className="text-slate-500">Plan</dt>
                  <dd className="font-medium text-slate-900">{PLAN_LABELS[client.plan]}</dd>
                </div>
                <div>
                  <dt className="text-slate-500">Billing email</dt>
                  <dd className="font-medium break-words text-slate-900">{client.billingEmail}</dd>
                </div>
                <div className="sm:col-span-2">
                  <dt className="text-slate-500">Payment method</dt>
                  <dd className="font-medium text-slate-900">
                    {client.paymentMethod
                      ? `${PAYMENT_METHOD_LABELS[client.paymentMethod.kind]} — ${client.paymentMethod.label ?? ""}${client.paymentMethod.last4 ? ` ending ${client.paymentMethod.last4}` : ""}`
                      : "None recorded (billed on the provider invoice)"}
                  </dd>
                </div>
              </dl>
            </CardBody>
          </Card>
        </div>

        <div className="grid gap-6 lg:grid-cols-2">
          {isAdmin ? (
            <Card>
              <CardHeader title="Details" description="Rename the client or move it to another plan." />
              <CardBody>
                <ClientDetailsForm providerId={providerId} client={{ id: client.id, name: client.name, plan: client.plan }} />
              </CardBody>
            </Card>
          ) : null}
          {canSeats ? (
            <Card>
              <CardHeader title="Seats" description={`${client.occupiedSeats.toLocaleString("en-US")} of ${client.seats.toLocaleString("en-US")} seats are occupied.`} />
              <CardBody>
                <ClientSeatsForm
                  providerId={providerId}
                  client={{ id: client.id, seats: client.seats, occupiedSeats: client.occupiedSeats }}
                  canPurchase={isAdmin}
                  maxWithoutPurchase={isAdmin ? client.seats : await seatsWithoutPurchase({ providerId, plan: client.plan, currentSeats: client.seats })}
                />
              </CardBody>
            </Card>
          ) : null}
        </div>

        {canRemove ? (
          <Card className="ring-red-200">
            <CardHeader title="Remove client" description="Detach this organization from your provider. It keeps its members and data and pays its own bills." />
            <CardBody>
              <RemoveClientButton providerId={providerId} providerName={access.provider.name} client={{ id: client.id, name: client.name }} />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
