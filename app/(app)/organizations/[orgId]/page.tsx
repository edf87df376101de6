// An organization's overview, the first page of its admin console: plan, seats, members by status,
// policies turned on, groups and collections. Provider members land here when they open a client;
// the layout shows whom they act for and logs the entry. Billing details only for those who may see
// them (a provider-managed organization's own owners may not: PRODUCT.md rule 9).
import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft } from "lucide-react";
import { OrganizationFacts, OrganizationStats } from "@/components/organizations/organization-summary";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { organizationPage } from "@/lib/authz/page-guards";
import { can } from "@/lib/authz/permissions";
import { PAYMENT_METHOD_LABELS, PLAN_LABELS } from "@/lib/services/clients/schemas";
import { getOrganizationOverview } from "@/lib/services/organizations/organization-overview";

export const metadata: Metadata = { title: "Organization overview" };

export default async function OrganizationOverviewPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { access } = await organizationPage(orgId, "org.read");
  const overview = await getOrganizationOverview(orgId);
  const seesBilling = can(access.roles, "org.billing.read");
  const viaProvider = access.provider;

  return (
    <div>
      <PageHeader
        eyebrow={
          viaProvider ? (
            <Link href={`/providers/${viaProvider.id}/clients/${orgId}`} className="inline-flex items-center gap-1 hover:text-slate-700">
              <ChevronLeft aria-hidden className="size-4" /> {viaProvider.name} · client settings
            </Link>
          ) : undefined
        }
        title={
          <span className="inline-flex flex-wrap items-center gap-2">
            {overview.name}
            {overview.enabled ? null : <Badge tone="danger">Disabled</Badge>}
          </span>
        }
        description={
          <>
            {PLAN_LABELS[overview.plan]}
            {overview.provider ? ` · managed by ${overview.provider.name}` : " · self-billed"} · created <LocalTime iso={overview.createdAt} dateOnly />
          </>
        }
      />

      <OrganizationStats overview={overview} />

      <div className="space-y-6">
        <OrganizationFacts overview={overview} />
        <Card>
          <CardHeader title="Billing" />
          <CardBody className="text-sm">
            {seesBilling ? (
              <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
                <div>
                  <dt className="text-slate-500">Plan</dt>
                  <dd className="font-medium text-slate-900">{PLAN_LABELS[overview.plan]}</dd>
                </div>
                <div>
                  <dt className="text-slate-500">Billing email</dt>
                  <dd className="font-medium break-words text-slate-900">{overview.billingEmail}</dd>
                </div>
                <div>
                  <dt className="text-slate-500">Payment method</dt>
                  <dd className="font-medium text-slate-900">
                    {overview.paymentMethod
                      ? `${PAYMENT_METHOD_LABELS[overview.paymentMethod.kind]} — ${overview.paymentMethod.label ?? ""}${overview.paymentMethod.last4 ? ` ending ${overview.paymentMethod.last4}` : ""}`
                      : "None recorded"}
                  </dd>
                </div>
              </dl>
            ) : (
              <p className="text-slate-600">
                {overview.provider
                  ? `${overview.provider.name} manages and bills this organization. Ask them about its invoices.`
                  : "Only the organization's owners see its billing."}
              </p>
            )}
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
