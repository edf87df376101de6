// Staff view of one provider: its details, totals, setup link, members, and the switch to disable it.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, CreditCard, ScrollText } from "lucide-react";
import { PROVIDER_TYPE_LABEL, ProviderEnabledBadge, ProviderStatusBadge } from "@/components/admin/provider-badges";
import { ProviderEnabledToggle, ReissueSetupLinkButton } from "@/components/admin/provider-admin-actions";
import { MemberStatusBadge, PROVIDER_ROLE_LABEL } from "@/components/people/member-badges";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { isUuid } from "@/lib/authz/context";
import { staffPage } from "@/lib/authz/page-guards";
import { AppError } from "@/lib/errors";
import { stringParam, withParams, type SearchParams } from "@/lib/search-params";
import { countProviderUsersByStatus, listProviderUsers } from "@/lib/services/provider-users/list-provider-users";
import { getProvider, latestSetupInvitation } from "@/lib/services/providers/get-provider";

export const metadata: Metadata = { title: "Provider · Staff console" };

const LINK_STATE = {
  valid: { tone: "info", label: "Waiting to be used" },
  used: { tone: "success", label: "Used" },
  revoked: { tone: "neutral", label: "Replaced by a newer link" },
  expired: { tone: "danger", label: "Expired" },
  provider_disabled: { tone: "danger", label: "Blocked: provider disabled" },
} as const;

export default async function AdminProviderPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  await staffPage();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const provider = await getProvider(id).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const cursor = stringParam(await searchParams, "cursor");
  const [setup, counts, members] = await Promise.all([
    latestSetupInvitation(id),
    countProviderUsersByStatus(id),
    listProviderUsers(id, { limit: 50, cursor }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "invalid_cursor") return listProviderUsers(id, { limit: 50 });
      throw error;
    }),
  ]);
  const memberCount = counts.INVITED + counts.ACCEPTED + counts.CONFIRMED;

  return (
    <>
      <Link href="/admin" className="mb-3 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ArrowLeft aria-hidden className="size-4" /> All providers
      </Link>
      <PageHeader
        title={provider.name}
        description={provider.businessName ?? undefined}
        actions={
          <>
            <ButtonLink href={`/providers/${id}/events`} size="sm">
              <ScrollText aria-hidden /> Event log
            </ButtonLink>
            <ButtonLink href={`/admin/providers/${id}/billing`} size="sm">
              <CreditCard aria-hidden /> Billing
            </ButtonLink>
            <ProviderEnabledToggle providerId={id} providerName={provider.name} enabled={provider.enabled} memberCount={memberCount} clientCount={provider.clientCount} />
          </>
        }
      />
      {!provider.enabled ? (
        <Alert tone="danger" className="mb-6" title="This provider is disabled">
          Its members cannot open it, and its client organizations that were enabled when it was disabled are disabled too.
        </Alert>
      ) : null}
      <StatGrid>
        <Stat label="Clients" value={provider.clientCount.toLocaleString("en-US")} />
        <Stat label="Seats under management" value={provider.seatsUnderManagement.toLocaleString("en-US")} hint="Teams and Enterprise seats" />
        <Stat label="Members" value={memberCount} hint={`${counts.CONFIRMED} confirmed`} />
        <Stat label="Confirmed admins" value={provider.confirmedAdmins} />
      </StatGrid>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Details" />
          <CardBody>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm">
              <dt className="text-slate-500">Type</dt>
              <dd className="text-slate-900">{PROVIDER_TYPE_LABEL[provider.type]}</dd>
              <dt className="text-slate-500">Status</dt>
              <dd>
                <ProviderStatusBadge status={provider.status} />
              </dd>
              <dt className="text-slate-500">Access</dt>
              <dd>
                <ProviderEnabledBadge enabled={provider.enabled} />
              </dd>
              <dt className="text-slate-500">Billing email</dt>
              <dd className="break-all text-slate-900">{provider.billingEmail ?? "Not set yet"}</dd>
              <dt className="text-slate-500">Billing</dt>
              <dd className="text-slate-900">{provider.billingMode === "CONSOLIDATED" ? "One consolidated invoice" : "Per client"}</dd>
              <dt className="text-slate-500">Created</dt>
              <dd className="text-slate-900">
                <LocalTime iso={provider.createdAt} />
              </dd>
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Setup link"
            description={provider.status === "PENDING" ? "The provider becomes active when its first admin completes the setup." : "The setup is complete."}
            actions={provider.status === "PENDING" && setup ? <ReissueSetupLinkButton providerId={id} email={setup.email} /> : undefined}
          />
          <CardBody>
            {setup ? (
              <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm">
                <dt className="text-slate-500">Sent to</dt>
                <dd className="break-all text-slate-900">{setup.email}</dd>
                <dt className="text-slate-500">State</dt>
                <dd>
                  <Badge tone={LINK_STATE[setup.state].tone}>{LINK_STATE[setup.state].label}</Badge>
                </dd>
                <dt className="text-slate-500">Sent</dt>
                <dd className="text-slate-900">
                  <LocalTime iso={setup.createdAt} />
                </dd>
                <dt className="text-slate-500">{setup.usedAt ? "Used on" : "Expires"}</dt>
                <dd className="text-slate-900">
                  <LocalTime iso={setup.usedAt ?? setup.expiresAt} />
                </dd>
              </dl>
            ) : (
              <p className="text-sm text-slate-600">This provider was created without a setup link.</p>
            )}
          </CardBody>
        </Card>
      </div>

      <Card className="mt-6">
        <CardHeader title="Members" description="Managed by the provider's own admins." />
        {members.data.length === 0 ? (
          <EmptyState title="No members yet">The first member is the admin who completes the setup.</EmptyState>
        ) : (
          <>
            <Table caption="Provider members">
              <THead>
                <tr>
                  <TH>Name</TH>
                  <TH>Email</TH>
                  <TH>Role</TH>
                  <TH>Status</TH>
                </tr>
              </THead>
              <TBody>
                {members.data.map((m) => (
                  <TR key={m.id}>
                    <TD className="font-medium text-slate-900">{m.name ?? <span className="text-slate-400">Not signed up yet</span>}</TD>
                    <TD className="break-all">{m.email}</TD>
                    <TD>{PROVIDER_ROLE_LABEL[m.role]}</TD>
                    <TD>
                      <MemberStatusBadge status={m.status} />
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
            {members.nextCursor || cursor ? (
              <KeysetPager nextCursor={members.nextCursor} isFirstPage={!cursor} hrefFor={(next) => withParams(`/admin/providers/${id}`, { cursor: next ?? undefined })} />
            ) : null}
          </>
        )}
      </Card>
    </>
  );
}
