// An organization's billing tab. For a provider-managed organization only provider members get here
// (the registry keeps its own owners out, PRODUCT.md rule 9); an independent organization's owner
// sees its own.
import { periodOf } from "@/lib/billing/period";
import { isSeatPlan } from "@/lib/billing/plans";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { invoiceSummary } from "./invoices";
import { pricesAt } from "./prices";
import { modeForPeriod } from "./provider-billing";

export async function organizationBilling(organizationId: string, now = new Date()) {
  const organization = await db.organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true,
      name: true,
      plan: true,
      seats: true,
      occupiedSeats: true,
      billingEmail: true,
      paymentMethodKind: true,
      paymentMethodLabel: true,
      paymentMethodLast4: true,
      provider: { select: { id: true, name: true, billingMode: true, pendingBillingMode: true, pendingBillingFrom: true } },
    },
  });
  if (!organization) throw notFound("organization");
  const prices = await pricesAt(now);
  const [invoices, consolidatedLines] = await Promise.all([
    db.invoice.findMany({
      where: { organizationId },
      orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
      take: 24,
      select: { id: true, number: true, period: true, mode: true, status: true, totalCents: true, subtotalCents: true, discountCents: true, issuedAt: true, organizationId: true, providerId: true },
    }),
    db.invoiceLine.findMany({
      where: { organizationId, invoice: { mode: "CONSOLIDATED" } },
      orderBy: { invoice: { issuedAt: "desc" } },
      take: 24,
      select: { id: true, plan: true, assignedSeats: true, usedSeats: true, seatDays: true, totalCents: true, invoice: { select: { id: true, number: true, period: true, status: true } } },
    }),
  ]);
  return {
    organizationId: organization.id,
    name: organization.name,
    plan: organization.plan,
    seats: organization.seats,
    occupiedSeats: organization.occupiedSeats,
    billingEmail: organization.billingEmail,
    unitPriceCents: isSeatPlan(organization.plan) ? (prices.get(organization.plan)?.unitPriceCents ?? null) : null,
    paymentMethod: organization.paymentMethodKind
      ? { kind: organization.paymentMethodKind, label: organization.paymentMethodLabel, last4: organization.paymentMethodLast4 }
      : null,
    managedBy: organization.provider
      ? { providerId: organization.provider.id, name: organization.provider.name, mode: modeForPeriod(organization.provider, periodOf(now)) }
      : null,
    invoices: invoices.map((i) => ({ ...invoiceSummary(i), providerId: i.providerId })),
    consolidatedLines: consolidatedLines.map((l) => ({
      id: l.id,
      plan: l.plan,
      assignedSeats: l.assignedSeats,
      usedSeats: l.usedSeats,
      seatDays: l.seatDays,
      totalCents: l.totalCents,
      invoiceId: l.invoice.id,
      invoiceNumber: l.invoice.number,
      period: l.invoice.period,
      status: l.invoice.status,
    })),
  };
}
