import type { Metadata } from "next";
import { Info } from "lucide-react";
import { InvoiceList } from "@/components/billing/invoice-list";
import { MODE_LABELS } from "@/components/billing/labels";
import { TierProgress } from "@/components/billing/tier-progress";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { providerPage } from "@/lib/authz/page-guards";
import { can } from "@/lib/authz/permissions";
import { formatCents } from "@/lib/billing/money";
import { PLAN_LABELS } from "@/lib/billing/plans";
import { listProviderInvoices } from "@/lib/services/billing/invoices";
import { providerBillingSummary } from "@/lib/services/billing/provider-billing";

export const metadata: Metadata = { title: "Billing" };

export default async function ProviderBillingPage({
  params,
  searchParams,
}: {
  params: Promise<{ providerId: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  const { providerId } = await params;
  const { cursor } = await searchParams;
  const { access } = await providerPage(providerId, "provider.billing.read");
  const summary = await providerBillingSummary(providerId);
  const canSeeInvoices = can(access.roles, "provider.invoices.read");
  const invoices = canSeeInvoices ? await listProviderInvoices(providerId, { limit: 25, cursor }) : null;
  const base = `/providers/${providerId}/billing`;
  return (
    <>
      <PageHeader
        title="Billing"
        description="Seats under management, your reseller discount and invoices. Seats of every Teams and Enterprise client count — your internal organization included."
      />
      {summary.pendingMode ? (
        <Alert tone="info" className="mb-6" title="Billing mode change scheduled">
          From {summary.pendingMode.from}, this provider is billed as: {MODE_LABELS[summary.pendingMode.mode]}.
        </Alert>
      ) : null}
      <StatGrid>
        <Stat label="Seats under management" value={summary.seatsUnderManagement.toLocaleString("en-US")} />
        <Stat label="Billing" value={<span className="text-base">{MODE_LABELS[summary.mode]}</span>} />
        <Stat label="Discount" value={`${summary.tier.discountPercent} %`} hint={summary.nextTier ? `${summary.nextTier.discountPercent} % at ${summary.nextTier.minSeats.toLocaleString("en-US")} seats` : "Top tier"} />
        <Stat label="Plans in use" value={summary.plans.filter((p) => p.assignedSeats > 0).length} />
      </StatGrid>
      <Card className="mb-6">
        <CardBody>
          <TierProgress seats={summary.seatsUnderManagement} tier={summary.tier} nextTier={summary.nextTier} />
        </CardBody>
      </Card>
      <Card className="mb-6">
        <CardHeader
          title="Plans and seats"
          description={
            summary.mode === "CONSOLIDATED"
              ? "Assigning seats to clients draws from your seat minimum; seats above it are a purchase only Provider Admins can make."
              : "Each client is billed for its own seats; adding seats is a purchase only Provider Admins can make."
          }
        />
        <Table caption="Plans and seats">
          <THead>
            <tr>
              <TH>Plan</TH>
              <TH className="text-right">Price per seat / month</TH>
              <TH className="text-right">Seat minimum</TH>
              <TH className="text-right">Assigned to clients</TH>
              <TH className="text-right">Available in minimum</TH>
            </tr>
          </THead>
          <TBody>
            {summary.plans.map((plan) => (
              <TR key={plan.plan}>
                <TD className="font-medium text-slate-900">{PLAN_LABELS[plan.plan]}</TD>
                <TD className="tabular text-right">{plan.unitPriceCents === null ? "—" : formatCents(plan.unitPriceCents)}</TD>
                <TD className="tabular text-right">{plan.seatMinimum ? plan.seatMinimum.toLocaleString("en-US") : "—"}</TD>
                <TD className="tabular text-right">{plan.assignedSeats.toLocaleString("en-US")}</TD>
                <TD className="tabular text-right">{plan.seatMinimum ? Math.max(0, plan.seatMinimum - plan.assignedSeats).toLocaleString("en-US") : "—"}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </Card>
      <Card>
        <CardHeader title="Invoices" description="Issued at the start of each month for the month before, prorated by day." />
        {invoices ? (
          <>
            <InvoiceList invoices={invoices.data} hrefFor={(id) => `${base}/invoices/${id}`} emptyHint="The first invoices appear after your first full month." />
            {invoices.nextCursor || cursor ? (
              <KeysetPager isFirstPage={!cursor} nextCursor={invoices.nextCursor} hrefFor={(c) => (c ? `${base}?cursor=${encodeURIComponent(c)}` : base)} />
            ) : null}
          </>
        ) : (
          <CardBody>
            <p className="flex items-center gap-2 text-sm text-slate-600">
              <Info aria-hidden className="size-4" /> Invoices are visible to Provider Admins.
            </p>
          </CardBody>
        )}
      </Card>
    </>
  );
}
