// Reading issued invoices (provider members with the permission, staff), their CSV, and the
// payment ledger: staff record payment or void an invoice. No payment processor is wired in; one can
// later move invoices to PAID through the same function.
import { stringify } from "csv-stringify/sync";
import type { ActionContext } from "@/lib/actor";
import { decodeCursor, pageOf } from "@/lib/api/pagination";
import { db } from "@/lib/db/client";
import type { InvoiceStatus } from "@/lib/db/generated/client.ts";
import { transaction } from "@/lib/db/transaction";
import { conflict, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";
import { z } from "zod";

const cursorShape = z.tuple([z.string(), z.uuid()]);

export function invoiceSummary(invoice: {
  id: string;
  number: string;
  period: string;
  mode: string;
  status: InvoiceStatus;
  totalCents: number;
  subtotalCents: number;
  discountCents: number;
  issuedAt: Date;
  organizationId: string | null;
  organization?: { name: string } | null;
}) {
  return {
    id: invoice.id,
    number: invoice.number,
    period: invoice.period,
    mode: invoice.mode,
    status: invoice.status,
    subtotalCents: invoice.subtotalCents,
    discountCents: invoice.discountCents,
    totalCents: invoice.totalCents,
    issuedAt: invoice.issuedAt.toISOString(),
    organizationId: invoice.organizationId,
    organizationName: invoice.organization?.name ?? null,
  };
}

const summarySelect = {
  id: true,
  number: true,
  period: true,
  mode: true,
  status: true,
  totalCents: true,
  subtotalCents: true,
  discountCents: true,
  issuedAt: true,
  organizationId: true,
  organization: { select: { name: true } },
} as const;

/** A provider's invoices, newest first, keyset-paged on (issued_at, id). */
export async function listProviderInvoices(providerId: string, { limit, cursor }: { limit: number; cursor?: string }) {
  const after = decodeCursor(cursor, cursorShape);
  const rows = await db.invoice.findMany({
    where: {
      providerId,
      ...(after
        ? { OR: [{ issuedAt: { lt: new Date(after[0]) } }, { issuedAt: new Date(after[0]), id: { lt: after[1] } }] }
        : {}),
    },
    orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: summarySelect,
  });
  return pageOf(rows, limit, invoiceSummary, (r) => [r.issuedAt.toISOString(), r.id]);
}

export async function getProviderInvoice(providerId: string, invoiceId: string) {
  const invoice = await db.invoice.findFirst({
    where: { id: invoiceId, providerId },
    include: { lines: { orderBy: [{ kind: "asc" }, { organizationName: "asc" }] }, organization: { select: { name: true } }, provider: { select: { name: true, billingEmail: true } } },
  });
  if (!invoice) throw notFound("invoice");
  return invoiceDetail(invoice);
}

type InvoiceWithLines = NonNullable<Awaited<ReturnType<typeof loadInvoice>>>;

function loadInvoice(invoiceId: string) {
  return db.invoice.findUnique({
    where: { id: invoiceId },
    include: { lines: { orderBy: [{ kind: "asc" }, { organizationName: "asc" }] }, organization: { select: { name: true } }, provider: { select: { name: true, billingEmail: true } } },
  });
}

export function invoiceDetail(invoice: InvoiceWithLines) {
  return {
    ...invoiceSummary(invoice),
    providerId: invoice.providerId,
    billedTo: invoice.organization?.name ?? invoice.provider?.name ?? null,
    seatsUnderManagement: invoice.seatsUnderManagement,
    discountBasisPoints: invoice.discountBasisPoints,
    currency: invoice.currency,
    paidAt: invoice.paidAt?.toISOString() ?? null,
    paymentMethod: invoice.paymentMethodKind
      ? { kind: invoice.paymentMethodKind, label: invoice.paymentMethodLabel, last4: invoice.paymentMethodLast4 }
      : null,
    lines: invoice.lines.map((l) => ({
      id: l.id,
      kind: l.kind,
      organizationId: l.organizationId,
      client: l.organizationName,
      plan: l.plan,
      assignedSeats: l.assignedSeats,
      usedSeats: l.usedSeats,
      remainingSeats: l.remainingSeats,
      seatDays: l.seatDays,
      unitPriceCents: l.unitPriceCents,
      discountBasisPoints: l.discountBasisPoints,
      subtotalCents: l.subtotalCents,
      discountCents: l.discountCents,
      totalCents: l.totalCents,
    })),
  };
}

export type InvoiceDetail = ReturnType<typeof invoiceDetail>;

/** API.md's invoice CSV: client, id, assigned, used, remaining, plan, total (dollars with cents). */
export function invoiceCsv(invoice: InvoiceDetail): string {
  return stringify(
    invoice.lines.map((l) => [l.client, l.organizationId ?? "", l.assignedSeats, l.usedSeats, l.remainingSeats, l.plan, (l.totalCents / 100).toFixed(2)]),
    { header: true, columns: ["client", "id", "assigned", "used", "remaining", "plan", "total"] },
  );
}

export async function getInvoiceForStaff(invoiceId: string) {
  const invoice = await loadInvoice(invoiceId);
  if (!invoice) throw notFound("invoice");
  return invoiceDetail(invoice);
}

/** Staff record that an open invoice was paid, or void it. */
export async function setInvoiceStatus(invoiceId: string, status: "PAID" | "VOID", { actor, meta }: ActionContext) {
  return transaction(async (tx) => {
    const invoice = await tx.invoice.findUnique({ where: { id: invoiceId }, select: { id: true, number: true, status: true, providerId: true, organizationId: true } });
    if (!invoice) throw notFound("invoice");
    if (invoice.status !== "OPEN") throw conflict(`Invoice ${invoice.number} is already ${invoice.status.toLowerCase()}; only open invoices can change.`, "invoice_not_open");
    await tx.invoice.update({ where: { id: invoiceId }, data: { status, paidAt: status === "PAID" ? new Date() : null } });
    await recordEvent(tx, {
      type: status === "PAID" ? "INVOICE_PAID" : "INVOICE_VOIDED",
      actor,
      meta,
      providerId: invoice.providerId,
      organizationId: invoice.organizationId,
      target: { type: "INVOICE", id: invoice.id, name: invoice.number },
    });
    return { id: invoice.id, status };
  });
}
