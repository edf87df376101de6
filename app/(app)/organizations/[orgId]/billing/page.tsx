import type { Metadata } from "next";
import Link from "next/link";
import { MODE_LABELS, paymentMethodText, STATUS_TONES } from "@/components/billing/labels";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { organizationPage } from "@/lib/authz/page-guards";
import { can } from "@/lib/authz/permissions";
import { formatCents } from "@/lib/billing/money";
import { PLAN_LABELS } from "@/lib/billing/plans";
import { organizationBilling } from "@/lib/services/billing/organization-billing";

export const metadata: Metadata = { title: "Billing" };

export default async function OrganizationBillingPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { access } = await organizationPage(orgId, "org.billing.read");
  const billing = await organizationBilling(orgId);
  const providerCanOpenInvoices = access.provider && can(access.roles, "org.billing.read") && access.provider.role === "PROVIDER_ADMIN";
  const invoiceHref = (invoiceId: string, providerId: string | null) =>
    providerCanOpenInvoices && providerId === access.provider?.id ? `/providers/${providerId}/billing/invoices/${invoiceId}` : undefined;
  return (
    <>
      <PageHeader
        title="Billing"
        description={billing.managedBy ? `Managed by ${billing.managedBy.name}: ${MODE_LABELS[billing.managedBy.mode].toLowerCase()}.` : "This organization pays for itself."}
      />
      <StatGrid>
        <Stat label="Plan" value={<span className="text-base">{PLAN_LABELS[billing.plan]}</span>} />
        <Stat label="Seats" value={billing.seats} hint={`${billing.occupiedSeats} occupied`} />
        <Stat label="Price per seat / month" value={billing.unitPriceCents === null ? "—" : formatCents(billing.unitPriceCents)} />
        <Stat label="Payment method" value={<span className="text-base">{paymentMethodText(billing.paymentMethod)}</span>} />
      </StatGrid>
      <Card className="mb-6">
        <CardHeader title="Invoices" description={billing.managedBy?.mode === "CONSOLIDATED" ? "This client is on the provider's consolidated invoice; its lines are listed below." : undefined} />
        {billing.invoices.length === 0 ? (
          <EmptyState title="No invoices for this organization">Invoices are issued at the start of each month for the month before.</EmptyState>
        ) : (
          <Table caption="Invoices">
            <THead>
              <tr>
                <TH>Invoice</TH>
                <TH>Period</TH>
                <TH>Issued</TH>
                <TH>Status</TH>
                <TH className="text-right">Total</TH>
              </tr>
            </THead>
            <TBody>
              {billing.invoices.map((invoice) => {
                const href = invoiceHref(invoice.id, invoice.providerId);
                return (
                  <TR key={invoice.id}>
                    <TD className="font-medium text-slate-900">
                      {href ? (
                        <Link href={href} className="text-brand-700 hover:underline">
                          {invoice.number}
                        </Link>
                      ) : (
                        invoice.number
                      )}
                    </TD>
                    <TD className="tabular">{invoice.period}</TD>
                    <TD>
                      <LocalTime iso={invoice.issuedAt} dateOnly />
                    </TD>
                    <TD>
                      <Badge tone={STATUS_TONES[invoice.status]}>{invoice.status.toLowerCase()}</Badge>
                    </TD>
                    <TD className="tabular text-right">{formatCents(invoice.totalCents)}</TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        )}
      </Card>
      {billing.consolidatedLines.length ? (
        <Card>
          <CardHeader title="On consolidated provider invoices" />
          <Table caption="Lines on consolidated invoices">
            <THead>
              <tr>
                <TH>Invoice</TH>
                <TH>Period</TH>
                <TH>Plan</TH>
                <TH className="text-right">Assigned</TH>
                <TH className="text-right">Used</TH>
                <TH className="text-right">Total</TH>
              </tr>
            </THead>
            <TBody>
              {billing.consolidatedLines.map((line) => (
                <TR key={line.id}>
                  <TD className="font-medium text-slate-900">{line.invoiceNumber}</TD>
                  <TD className="tabular">{line.period}</TD>
                  <TD>{PLAN_LABELS[line.plan]}</TD>
                  <TD className="tabular text-right">{line.assignedSeats}</TD>
                  <TD className="tabular text-right">{line.usedSeats}</TD>
                  <TD className="tabular text-right">{formatCents(line.totalCents)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </Card>
      ) : null}
      <CardBody className="px-0 text-xs text-slate-500">Billing contact: {billing.billingEmail}</CardBody>
    </>
  );
}
