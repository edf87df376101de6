import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InvoiceStatusActions } from "@/components/billing/invoice-status-actions";
import { MODE_LABELS, STATUS_TONES } from "@/components/billing/labels";
import { ProviderBillingForm } from "@/components/billing/provider-billing-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { isUuid } from "@/lib/authz/context";
import { staffPage } from "@/lib/authz/page-guards";
import { formatCents } from "@/lib/billing/money";
import { SEAT_PLANS } from "@/lib/billing/plans";
import { db } from "@/lib/db/client";
import { listProviderInvoices } from "@/lib/services/billing/invoices";
import { providerBillingSummary } from "@/lib/services/billing/provider-billing";

export const metadata: Metadata = { title: "Provider billing" };

export default async function StaffProviderBillingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  await staffPage("platform.pricing.manage");
  const { id: providerId } = await params;
  const { cursor } = await searchParams;
  const provider = isUuid(providerId) ? await db.provider.findUnique({ where: { id: providerId }, select: { id: true, name: true } }) : null;
  if (!provider) notFound();
  const [summary, invoices] = await Promise.all([providerBillingSummary(providerId), listProviderInvoices(providerId, { limit: 25, cursor })]);
  const minimums = new Map(summary.plans.map((p) => [p.plan, p.seatMinimum]));
  const base = `/admin/providers/${providerId}/billing`;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/admin/providers/${providerId}`} className="hover:underline">
            {provider.name}
          </Link>
        }
        title="Billing"
        description={summary.pendingMode ? `${MODE_LABELS[summary.mode]} now; ${MODE_LABELS[summary.pendingMode.mode].toLowerCase()} from ${summary.pendingMode.from}.` : MODE_LABELS[summary.mode]}
      />
      <StatGrid>
        <Stat label="Seats under management" value={summary.seatsUnderManagement.toLocaleString("en-US")} />
        <Stat label="Discount tier" value={`${summary.tier.discountPercent} %`} />
        <Stat label="Invoices (this page)" value={invoices.data.length} />
        <Stat label="Open amount (this page)" value={formatCents(invoices.data.filter((i) => i.status === "OPEN").reduce((s, i) => s + i.totalCents, 0))} />
      </StatGrid>
      <Card className="mb-6">
        <CardHeader title="Billing settings" />
        <CardBody>
          <ProviderBillingForm providerId={providerId} mode={summary.pendingMode?.mode ?? summary.mode} plans={SEAT_PLANS.map((plan) => ({ plan, seatMinimum: minimums.get(plan) ?? 0 }))} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Invoices" description="Record payments received, or void an invoice issued in error." />
        {invoices.data.length === 0 ? (
          <EmptyState title="No invoices yet" />
        ) : (
          <Table caption="Invoices">
            <THead>
              <tr>
                <TH>Invoice</TH>
                <TH>Period</TH>
                <TH>Billed to</TH>
                <TH>Status</TH>
                <TH className="text-right">Total</TH>
                <TH>
                  <span className="sr-only">Actions</span>
                </TH>
              </tr>
            </THead>
            <TBody>
              {invoices.data.map((invoice) => (
                <TR key={invoice.id}>
                  <TD className="font-medium text-slate-900">{invoice.number}</TD>
                  <TD className="tabular">{invoice.period}</TD>
                  <TD>{invoice.organizationName ?? provider.name}</TD>
                  <TD>
                    <Badge tone={STATUS_TONES[invoice.status]}>{invoice.status.toLowerCase()}</Badge>
                  </TD>
                  <TD className="tabular text-right">{formatCents(invoice.totalCents)}</TD>
                  <TD>{invoice.status === "OPEN" ? <InvoiceStatusActions invoiceId={invoice.id} number={invoice.number} /> : null}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
        {invoices.nextCursor || cursor ? (
          <KeysetPager isFirstPage={!cursor} nextCursor={invoices.nextCursor} hrefFor={(c) => (c ? `${base}?cursor=${encodeURIComponent(c)}` : base)} />
        ) : null}
      </Card>
    </>
  );
}
