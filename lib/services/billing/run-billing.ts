// The monthly billing run: issues every invoice of a closed period, once. Running it again creates
// nothing new (each invoice has a unique billing key; batches take a per-period advisory lock).
//
//   • Provider billed PER_CLIENT  → one invoice per client, to the payment method registered for it.
//   • Provider billed CONSOLIDATED → one provider invoice with a line per client and plan, plus a line
//     for seats of a plan minimum that no client uses.
//   • Organization not managed by a provider (for the days it was not) → its own invoice, no discount.
// Usage is prorated by day from the seat ledger (lib/billing/proration.ts); the reseller discount
// is the tier the provider's seats under management earn at the end of the period; prices are those
// in effect on the period's first day. Amounts follow the rounding rules in lib/billing/money.ts.
import { SYSTEM_META, type Actor, type RequestMeta } from "@/lib/actor";
import { ensureBillingDefaults } from "@/lib/billing/defaults";
import { priceLine, sumLines, type PricedAmounts } from "@/lib/billing/lines";
import { isClosed, parsePeriod, type Period } from "@/lib/billing/period";
import { isSeatPlan, PLAN_LABELS, type SeatPlan } from "@/lib/billing/plans";
import { dailyStates, usageFromDays, type LedgerState } from "@/lib/billing/proration";
import { tierFor, type Tier } from "@/lib/billing/tiers";
import { db, type Tx } from "@/lib/db/client";
import type { BillingMode, InvoiceLineKind, OrganizationPlan, PaymentMethodKind } from "@/lib/db/generated/client.ts";
import { transaction } from "@/lib/db/transaction";
import { unprocessable } from "@/lib/errors";
import type { EventInput } from "@/lib/events/recorder";
import { recordEvents } from "@/lib/events/recorder";
import { formatCents } from "@/lib/billing/money";
import { pricesAt } from "./prices";
import { modeForPeriod } from "./provider-billing";
import { listTiers } from "./tiers";

const INVOICES_PER_TRANSACTION = 200;

interface DraftLine extends PricedAmounts {
  kind: InvoiceLineKind;
  organizationId: string | null;
  organizationName: string;
  plan: OrganizationPlan;
  assignedSeats: number;
  usedSeats: number;
  remainingSeats: number;
  seatDays: number;
  unitPriceCents: number;
  discountBasisPoints: number;
}

interface DraftInvoice {
  billingKey: string;
  providerId: string | null;
  organizationId: string | null;
  mode: BillingMode;
  seatsUnderManagement: number | null;
  discountBasisPoints: number;
  payment: { kind: PaymentMethodKind | null; label: string | null; last4: string | null };
  lines: DraftLine[];
  /** For the INVOICE_ISSUED event's target. */
  billedName: string;
}

export interface BillingRunResult {
  period: string;
  issued: number;
  alreadyIssued: number;
  totalCents: number;
}

/** Who started the run: the scheduled job and the command line are the system; staff run it from the console. */
export interface BillingRunContext {
  actor: Actor | null;
  meta: RequestMeta;
}

const SYSTEM_RUN: BillingRunContext = { actor: null, meta: SYSTEM_META };

export async function runBilling(periodKey: string, now = new Date(), ctx: BillingRunContext = SYSTEM_RUN): Promise<BillingRunResult> {
  const period = parsePeriod(periodKey);
  if (!isClosed(period.key, now)) {
    throw unprocessable(
      `The period ${period.key} is not over yet (it ends ${period.end.toISOString().slice(0, 10)} UTC). Invoices are issued for completed months.`,
      "period_open",
    );
  }
  await ensureBillingDefaults();
  const drafts = await draftInvoices(period, await pricesAt(period.start), await listTiers());
  let issued = 0;
  let alreadyIssued = 0;
  let totalCents = 0;
  for (let i = 0; i < drafts.length; i += INVOICES_PER_TRANSACTION) {
    const batch = drafts.slice(i, i + INVOICES_PER_TRANSACTION);
    const result = await transaction((tx) => issueBatch(tx, period, batch, ctx), { timeout: 120_000 });
    issued += result.issued;
    alreadyIssued += batch.length - result.issued;
    totalCents += result.totalCents;
  }
  return { period: period.key, issued, alreadyIssued, totalCents };
}

async function ledgerStates(period: Period): Promise<Map<string, LedgerState[]>> {
  // Each organization's last entry before the period plus its entries during it, in write order.
  const rows = await db.$queryRaw<{ organization_id: string; provider_id: string | null; plan: string; seats: number; effective_at: Date }[]>`
    SELECT organization_id, provider_id, plan::text AS plan, seats, effective_at FROM (
      SELECT DISTINCT ON (organization_id) organization_id, provider_id, plan, seats, effective_at, seq
        FROM seat_ledger WHERE effective_at < ${period.start}
       ORDER BY organization_id, effective_at DESC, seq DESC
    ) AS before_period
    UNION ALL
    SELECT organization_id, provider_id, plan::text, seats, effective_at FROM (
      SELECT organization_id, provider_id, plan, seats, effective_at, seq
        FROM seat_ledger WHERE effective_at >= ${period.start} AND effective_at < ${period.end}
       ORDER BY organization_id, effective_at, seq
    ) AS during_period`;
  const byOrganization = new Map<string, LedgerState[]>();
  for (const row of rows) {
    const list = byOrganization.get(row.organization_id) ?? [];
    list.push({ effectiveAt: row.effective_at, providerId: row.provider_id, plan: row.plan, seats: row.seats });
    byOrganization.set(row.organization_id, list);
  }
  for (const list of byOrganization.values()) list.sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime());
  return byOrganization;
}

async function draftInvoices(period: Period, prices: Map<SeatPlan, { unitPriceCents: number }>, tiers: Tier[]): Promise<DraftInvoice[]> {
  const ledger = await ledgerStates(period);
  const organizationIds = [...ledger.keys()];
  const organizations = new Map(
    (
      await db.organization.findMany({
        where: { id: { in: organizationIds } },
        select: { id: true, name: true, occupiedSeats: true, paymentMethodKind: true, paymentMethodLabel: true, paymentMethodLast4: true },
      })
    ).map((o) => [o.id, o]),
  );
  const providerIds = new Set<string>();
  const days = new Map<string, (LedgerState | undefined)[]>();
  for (const [organizationId, entries] of ledger) {
    if (!organizations.has(organizationId)) continue; // deleted since
    const perDay = dailyStates(entries, period);
    days.set(organizationId, perDay);
    for (const state of perDay) if (state?.providerId) providerIds.add(state.providerId);
  }
  const providers = new Map(
    (
      await db.provider.findMany({
        where: { id: { in: [...providerIds] } },
        select: { id: true, name: true, billingMode: true, pendingBillingMode: true, pendingBillingFrom: true, seatMinimums: true },
      })
    ).map((p) => [p.id, p]),
  );

  const lineFor = (input: Omit<DraftLine, keyof PricedAmounts | "unitPriceCents">, plan: SeatPlan): DraftLine => {
    const unitPriceCents = prices.get(plan)?.unitPriceCents ?? 0;
    return { ...input, unitPriceCents, ...priceLine({ seatDays: input.seatDays, daysInPeriod: period.days, unitPriceCents, discountBasisPoints: input.discountBasisPoints }) };
  };

  // Seats under management at the end of the period, per provider: the tier basis.
  const lastDay = period.days - 1;
  const managedAtEnd = new Map<string, number>();
  for (const perDay of days.values()) {
    const state = perDay[lastDay];
    if (state?.providerId && isSeatPlan(state.plan)) managedAtEnd.set(state.providerId, (managedAtEnd.get(state.providerId) ?? 0) + state.seats);
  }

  const drafts: DraftInvoice[] = [];
  const perClient = new Map<string, DraftInvoice>();
  const consolidated = new Map<string, DraftInvoice>();
  // Per provider and plan, seats assigned on each day (for unassigned-minimum lines).
  const assignedPerDay = new Map<string, number[]>();

  for (const [organizationId, perDay] of days) {
    const organization = organizations.get(organizationId)!;
    for (const usage of usageFromDays(perDay)) {
      if (!isSeatPlan(usage.plan)) continue;
      const plan = usage.plan;
      const provider = usage.providerId ? providers.get(usage.providerId) : undefined;
      const discountBasisPoints = provider ? tierFor(managedAtEnd.get(provider.id) ?? 0, tiers).discountBasisPoints : 0;
      const line = lineFor(
        {
          kind: "CLIENT",
          organizationId,
          organizationName: organization.name,
          plan,
          assignedSeats: usage.seatsAtEnd,
          usedSeats: organization.occupiedSeats,
          remainingSeats: Math.max(0, usage.seatsAtEnd - organization.occupiedSeats),
          seatDays: usage.seatDays,
          discountBasisPoints,
        },
        plan,
      );
      const payment = { kind: organization.paymentMethodKind, label: organization.paymentMethodLabel, last4: organization.paymentMethodLast4 };
      if (!provider) {
        drafts.push({
          billingKey: `organization:${organizationId}:${period.key}`,
          providerId: null,
          organizationId,
          mode: "PER_CLIENT",
          seatsUnderManagement: null,
          discountBasisPoints: 0,
          payment,
          lines: [line],
          billedName: organization.name,
        });
        continue;
      }
      const seatsUnderManagement = managedAtEnd.get(provider.id) ?? 0;
      if (modeForPeriod(provider, period.key) === "PER_CLIENT") {
        const key = `provider:${provider.id}:organization:${organizationId}:${period.key}`;
        const existing = perClient.get(key);
        if (existing) existing.lines.push(line);
        else
          perClient.set(key, {
            billingKey: key,
            providerId: provider.id,
            organizationId,
            mode: "PER_CLIENT",
            seatsUnderManagement,
            discountBasisPoints,
            payment,
            lines: [line],
            billedName: organization.name,
          });
        continue;
      }
      let invoice = consolidated.get(provider.id);
      if (!invoice) {
        invoice = {
          billingKey: `provider:${provider.id}:${period.key}`,
          providerId: provider.id,
          organizationId: null,
          mode: "CONSOLIDATED",
          seatsUnderManagement,
          discountBasisPoints,
          payment: { kind: "INVOICE", label: "Consolidated provider invoice", last4: null },
          lines: [],
          billedName: provider.name,
        };
        consolidated.set(provider.id, invoice);
      }
      invoice.lines.push(line);
      perDay.forEach((state, day) => {
        if (state?.providerId !== provider.id || state.plan !== plan) return;
        const key = `${provider.id}|${plan}`;
        const list = assignedPerDay.get(key) ?? new Array<number>(period.days).fill(0);
        list[day]! += state.seats;
        assignedPerDay.set(key, list);
      });
    }
  }

  // Consolidated providers pay for their plan minimums even where no client uses the seats.
  for (const invoice of consolidated.values()) {
    const provider = providers.get(invoice.providerId!)!;
    for (const { plan, seatMinimum } of provider.seatMinimums) {
      if (!isSeatPlan(plan) || seatMinimum <= 0) continue;
      const assigned = assignedPerDay.get(`${provider.id}|${plan}`) ?? new Array<number>(period.days).fill(0);
      const shortfallSeatDays = assigned.reduce((sum, seats) => sum + Math.max(0, seatMinimum - seats), 0);
      if (shortfallSeatDays === 0) continue;
      const unassignedAtEnd = Math.max(0, seatMinimum - assigned[lastDay]!);
      invoice.lines.push(
        lineFor(
          {
            kind: "UNASSIGNED_MINIMUM",
            organizationId: null,
            organizationName: `Unassigned seats (${PLAN_LABELS[plan]} minimum of ${seatMinimum})`,
            plan,
            assignedSeats: unassignedAtEnd,
            usedSeats: 0,
            remainingSeats: unassignedAtEnd,
            seatDays: shortfallSeatDays,
            discountBasisPoints: invoice.discountBasisPoints,
          },
          plan,
        ),
      );
    }
    invoice.lines.sort((a, b) => (a.kind === b.kind ? a.organizationName.localeCompare(b.organizationName) : a.kind === "CLIENT" ? -1 : 1));
    drafts.push(invoice);
  }
  return [...drafts, ...perClient.values()];
}

async function issueBatch(tx: Tx, period: Period, batch: DraftInvoice[], ctx: BillingRunContext): Promise<{ issued: number; totalCents: number }> {
  // One billing run per period at a time, so invoice numbers stay sequential and keys unique.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`billing:${period.key}`}))`;
  const existing = new Set(
    (await tx.invoice.findMany({ where: { billingKey: { in: batch.map((d) => d.billingKey) } }, select: { billingKey: true } })).map((i) => i.billingKey),
  );
  const fresh = batch.filter((d) => !existing.has(d.billingKey));
  if (fresh.length === 0) return { issued: 0, totalCents: 0 };
  let sequence = await tx.invoice.count({ where: { period: period.key } });
  const events: EventInput[] = [];
  let totalCents = 0;
  for (const draft of fresh) {
    sequence += 1;
    const totals = sumLines(draft.lines);
    totalCents += totals.totalCents;
    const number = `INV-${period.key.replace("-", "")}-${String(sequence).padStart(6, "0")}`;
    const invoice = await tx.invoice.create({
      data: {
        number,
        billingKey: draft.billingKey,
        providerId: draft.providerId,
        organizationId: draft.organizationId,
        mode: draft.mode,
        period: period.key,
        seatsUnderManagement: draft.seatsUnderManagement,
        discountBasisPoints: draft.discountBasisPoints,
        ...totals,
        paymentMethodKind: draft.payment.kind,
        paymentMethodLabel: draft.payment.label,
        paymentMethodLast4: draft.payment.last4,
        lines: { createMany: { data: draft.lines } },
      },
      select: { id: true },
    });
    events.push({
      type: "INVOICE_ISSUED",
      actor: ctx.actor,
      meta: ctx.meta,
      providerId: draft.providerId,
      organizationId: draft.organizationId,
      target: { type: "INVOICE", id: invoice.id, name: number },
      details: { period: period.key, mode: draft.mode, billedTo: draft.billedName, lines: draft.lines.length, total: formatCents(totals.totalCents), totalCents: totals.totalCents },
    });
  }
  await recordEvents(tx, events);
  return { issued: fresh.length, totalCents };
}
