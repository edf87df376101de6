// Event-type rows for billing, all run by platform staff from the staff console: the monthly
// billing run, payments and voids, seat prices, discount tiers, a provider's billing set-up.
import { expect } from "vitest";
import { POST as billingRun } from "@/app/api/v1/admin/billing/runs/route";
import { POST as invoiceStatus } from "@/app/api/v1/admin/invoices/[invId]/status/route";
import { POST as pricesPost } from "@/app/api/v1/admin/pricing/prices/route";
import { PUT as tiersPut } from "@/app/api/v1/admin/pricing/tiers/route";
import { PUT as providerBillingPut } from "@/app/api/v1/admin/providers/[id]/billing/route";
import { DEFAULT_TIERS } from "@/lib/billing/defaults";
import { lastClosedPeriod, parsePeriod, periodOf, shiftPeriod } from "@/lib/billing/period";
import { db } from "@/lib/db/client";
import { runBilling } from "@/lib/services/billing/run-billing";
import { ledger } from "../../billing/support";
import { createOrganization, createProvider, createUser } from "../../support/factories";
import { call } from "../../support/http";
import { actorOf, expectStatus, HTTP_META, type EventTypeCase, type RefusalCase } from "../event-type-cases";

const staffUser = () => createUser({ name: "Sam Staff", email: "sam.staff@example.test", isStaff: true });

/**
 * Northwind (billed per client) and its client Contoso Dental with 10 Teams seats since before the
 * last completed month, so that month's run bills Contoso 10 × $4.00.
 */
async function billedClient() {
  const { provider } = await createProvider({ name: "Northwind IT Services" });
  const { organization: client } = await createOrganization({ name: "Contoso Dental", providerId: provider.id, seats: 10 });
  const period = lastClosedPeriod(new Date());
  await ledger(client.id, provider.id, "TEAMS_MONTHLY", 10, new Date(parsePeriod(period).start.getTime() - 10 * 86_400_000).toISOString());
  return { provider, client, period };
}

/** The same, with the month's invoice already issued by the scheduled run. */
async function issuedInvoice() {
  const world = await billedClient();
  await runBilling(world.period);
  const invoice = await db.invoice.findFirstOrThrow({ where: { organizationId: world.client.id } });
  return { ...world, invoice };
}

const invoiceTarget = (invoice: { id: string; number: string }) => ({ type: "INVOICE" as const, id: invoice.id, name: invoice.number });

export const BILLING_CASES: EventTypeCase[] = [
  {
    // Run from the staff console, the invoices name the staff member (the scheduled job: the system).
    type: "INVOICE_ISSUED",
    async act() {
      const staff = await staffUser();
      const { provider, client, period } = await billedClient();
      const res = await call(billingRun, "POST", "/api/v1/admin/billing/runs", { as: staff, body: { period } });
      expectStatus(res, 200);
      const invoice = await db.invoice.findFirstOrThrow({ where: { organizationId: client.id } });
      expect(invoice.number).toBe(`INV-${period.replace("-", "")}-000001`);
      return {
        actor: actorOf(staff),
        providerId: provider.id,
        actingProviderId: null,
        organizationId: client.id,
        target: invoiceTarget(invoice),
        details: { period, mode: "PER_CLIENT", billedTo: "Contoso Dental", lines: 1, total: "$40.00", totalCents: 4000 },
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: `Sam Staff issued invoice ${invoice.number} for ${period} ($40.00)`,
      };
    },
  },
  {
    type: "INVOICE_PAID",
    async act() {
      const staff = await staffUser();
      const { provider, client, invoice } = await issuedInvoice();
      const res = await call(invoiceStatus, "POST", `/api/v1/admin/invoices/${invoice.id}/status`, { as: staff, params: { invId: invoice.id }, body: { status: "PAID" } });
      expectStatus(res, 200);
      return {
        actor: actorOf(staff),
        providerId: provider.id,
        actingProviderId: null,
        organizationId: client.id,
        target: invoiceTarget(invoice),
        details: {},
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: `Sam Staff recorded the payment of invoice ${invoice.number}`,
      };
    },
  },
  {
    type: "INVOICE_VOIDED",
    async act() {
      const staff = await staffUser();
      const { provider, client, invoice } = await issuedInvoice();
      const res = await call(invoiceStatus, "POST", `/api/v1/admin/invoices/${invoice.id}/status`, { as: staff, params: { invId: invoice.id }, body: { status: "VOID" } });
      expectStatus(res, 200);
      return {
        actor: actorOf(staff),
        providerId: provider.id,
        actingProviderId: null,
        organizationId: client.id,
        target: invoiceTarget(invoice),
        details: {},
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: `Sam Staff voided invoice ${invoice.number}`,
      };
    },
  },
  {
    // Platform-wide settings belong to no provider or organization: the staff member's own chain.
    type: "PLAN_PRICE_SET",
    async act() {
      const staff = await staffUser();
      const effectiveFrom = `${shiftPeriod(periodOf(new Date()), 1)}-01`;
      const res = await call(pricesPost, "POST", "/api/v1/admin/pricing/prices", { as: staff, body: { plan: "TEAMS_MONTHLY", unitPriceCents: 450, effectiveFrom } });
      expectStatus(res, 201);
      return {
        actor: actorOf(staff),
        providerId: null,
        actingProviderId: null,
        organizationId: null,
        target: null,
        details: { plan: "TEAMS_MONTHLY", unitPriceCents: 450, effectiveFrom, previousUnitPriceCents: 400 },
        meta: HTTP_META,
        chainScope: `user:${staff.id}`,
        sentence: `Sam Staff set the Teams (monthly) seat price to $4.50 from ${effectiveFrom}`,
      };
    },
  },
  {
    type: "DISCOUNT_TIERS_UPDATED",
    async act() {
      const staff = await staffUser();
      const res = await call(tiersPut, "PUT", "/api/v1/admin/pricing/tiers", {
        as: staff,
        body: { tiers: [{ minSeats: 0, discountPercent: 0 }, { minSeats: 50, discountPercent: 12.5 }] },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(staff),
        providerId: null,
        actingProviderId: null,
        organizationId: null,
        target: null,
        details: {
          before: DEFAULT_TIERS,
          after: [
            { minSeats: 0, discountBasisPoints: 0 },
            { minSeats: 50, discountBasisPoints: 1250 },
          ],
        },
        meta: HTTP_META,
        chainScope: `user:${staff.id}`,
        sentence: "Sam Staff changed the reseller discount tiers",
      };
    },
  },
  {
    type: "PROVIDER_BILLING_UPDATED",
    async act() {
      const staff = await staffUser();
      const { provider } = await billedClient();
      const res = await call(providerBillingPut, "PUT", `/api/v1/admin/providers/${provider.id}/billing`, {
        as: staff,
        params: { id: provider.id },
        body: { mode: "CONSOLIDATED", seatMinimums: [{ plan: "TEAMS_MONTHLY", seatMinimum: 25 }] },
      });
      expectStatus(res, 200);
      const nextPeriod = shiftPeriod(periodOf(new Date()), 1);
      return {
        actor: actorOf(staff),
        providerId: provider.id,
        actingProviderId: null,
        organizationId: null,
        target: { type: "PROVIDER", id: provider.id, name: "Northwind IT Services" },
        details: { mode: { from: "PER_CLIENT", to: "CONSOLIDATED", effectiveFrom: nextPeriod }, seatMinimums: { before: {}, after: { TEAMS_MONTHLY: 25 } } },
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: `Sam Staff changed the billing of Northwind IT Services to a consolidated invoice from ${nextPeriod}, and its seat minimums`,
      };
    },
  },
];

export const BILLING_REFUSALS: RefusalCase[] = [
  {
    name: "voiding an invoice that was already paid (409)",
    status: 409,
    code: "invoice_not_open",
    async arrange() {
      const staff = await staffUser();
      const { invoice } = await issuedInvoice();
      await db.invoice.update({ where: { id: invoice.id }, data: { status: "PAID", paidAt: new Date() } });
      return () => call(invoiceStatus, "POST", `/api/v1/admin/invoices/${invoice.id}/status`, { as: staff, params: { invId: invoice.id }, body: { status: "VOID" } });
    },
  },
  {
    name: "a seat price for a month that has already been billed (422)",
    status: 422,
    code: "price_in_past",
    async arrange() {
      const staff = await staffUser();
      const effectiveFrom = `${lastClosedPeriod(new Date())}-01`;
      return () => call(pricesPost, "POST", "/api/v1/admin/pricing/prices", { as: staff, body: { plan: "TEAMS_MONTHLY", unitPriceCents: 450, effectiveFrom } });
    },
  },
  {
    name: "running the billing of a month that has not ended (422)",
    status: 422,
    code: "period_open",
    async arrange() {
      const staff = await staffUser();
      await billedClient();
      return () => call(billingRun, "POST", "/api/v1/admin/billing/runs", { as: staff, body: { period: periodOf(new Date()) } });
    },
  },
];
