import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { invoiceCsv, getProviderInvoice } from "@/lib/services/billing/invoices";
import { setPlanPrice } from "@/lib/services/billing/prices";
import { updateProviderBilling } from "@/lib/services/billing/provider-billing";
import { runBilling } from "@/lib/services/billing/run-billing";
import { addMember, createOrganization, createProvider, createUser } from "../support/factories";
import { eventsOf } from "../support/events";
import { ledger, staffContext } from "./support";

const NOV_5 = new Date("2026-11-05T12:00:00Z");

async function providerWithClients(mode: "PER_CLIENT" | "CONSOLIDATED") {
  const { provider } = await createProvider({ name: "Acme MSP" });
  await db.provider.update({ where: { id: provider.id }, data: { billingMode: mode } });
  const alpha = (await createOrganization({ name: "Alpha Dental", providerId: provider.id, seats: 10, owner: null })).organization;
  const beta = (await createOrganization({ name: "Beta Legal", providerId: provider.id, plan: "ENTERPRISE_MONTHLY", seats: 20, owner: null })).organization;
  await db.organization.update({ where: { id: alpha.id }, data: { paymentMethodKind: "CARD", paymentMethodLabel: "Visa", paymentMethodLast4: "4242" } });
  for (let i = 0; i < 3; i++) await addMember(alpha.id, `a${i}@alpha.test`, "USER", "INVITED");
  // Alpha: 10 Teams seats all October. Beta: Enterprise, added Oct 16 with 20 seats, 30 from Oct 21.
  await ledger(alpha.id, provider.id, "TEAMS_MONTHLY", 10, "2026-09-10T09:00:00Z");
  await ledger(beta.id, provider.id, "ENTERPRISE_MONTHLY", 20, "2026-10-16T15:00:00Z");
  await ledger(beta.id, provider.id, "ENTERPRISE_MONTHLY", 30, "2026-10-21T08:00:00Z");
  return { provider, alpha, beta };
}

describe("the billing run", () => {
  it("refuses a period that has not ended", async () => {
    await expect(runBilling("2026-11", NOV_5)).rejects.toMatchObject({ status: 422, code: "period_open" });
    expect(await db.invoice.count()).toBe(0);
  });

  it("bills a PER_CLIENT provider's clients separately, prorated by day, to each client's payment method", async () => {
    const { provider, alpha, beta } = await providerWithClients("PER_CLIENT");
    const result = await runBilling("2026-10", NOV_5);
    expect(result).toMatchObject({ period: "2026-10", issued: 2, alreadyIssued: 0 });
    const invoices = await db.invoice.findMany({ where: { providerId: provider.id }, include: { lines: true }, orderBy: { number: "asc" } });
    expect(invoices).toHaveLength(2);
    const alphaInvoice = invoices.find((i) => i.organizationId === alpha.id)!;
    expect(alphaInvoice).toMatchObject({ mode: "PER_CLIENT", paymentMethodLabel: "Visa", paymentMethodLast4: "4242", status: "OPEN" });
    // 10 seats × 31 days at $4 → $40.00; 40 seats under management at the end of October → no discount.
    expect(alphaInvoice.lines).toEqual([expect.objectContaining({ seatDays: 310, unitPriceCents: 400, subtotalCents: 4000, discountCents: 0, totalCents: 4000, assignedSeats: 10, usedSeats: 3, remainingSeats: 7 })]);
    const betaInvoice = invoices.find((i) => i.organizationId === beta.id)!;
    // Oct 16–20: 20 seats (5 days), Oct 21–31: 30 seats (11 days) → 430 seat-days at $6 ÷ 31 = $83.23 (8322.58 → 8323 cents).
    expect(betaInvoice.lines[0]).toMatchObject({ seatDays: 430, unitPriceCents: 600, subtotalCents: 8323, totalCents: 8323, assignedSeats: 30 });
    expect(betaInvoice.totalCents).toBe(8323);
    expect(invoices.map((i) => i.number)).toEqual(["INV-202610-000001", "INV-202610-000002"]);
  });

  it("puts a CONSOLIDATED provider's clients on one invoice, a line each, with the tier discount and the unused seat minimum", async () => {
    const { provider, alpha } = await providerWithClients("CONSOLIDATED");
    const admin = await createUser({ isStaff: true });
    await updateProviderBilling(provider.id, { seatMinimums: [{ plan: "TEAMS_MONTHLY", seatMinimum: 100 }] }, staffContext(admin.id), NOV_5);
    // A big internal organization lifts seats under management into the 10 % tier (≥ 100).
    const internal = (await createOrganization({ name: "Acme internal", providerId: provider.id, plan: "ENTERPRISE_MONTHLY", seats: 80, owner: null })).organization;
    await ledger(internal.id, provider.id, "ENTERPRISE_MONTHLY", 80, "2026-01-01T00:00:00Z");
    await runBilling("2026-10", NOV_5);
    const [invoice] = await db.invoice.findMany({ where: { providerId: provider.id }, include: { lines: { orderBy: { organizationName: "asc" } } } });
    expect(invoice).toMatchObject({ mode: "CONSOLIDATED", organizationId: null, seatsUnderManagement: 120, discountBasisPoints: 1000 });
    const clientLines = invoice!.lines.filter((l) => l.kind === "CLIENT");
    expect(clientLines.map((l) => [l.organizationName, l.plan, l.assignedSeats, l.usedSeats, l.remainingSeats, l.totalCents])).toEqual([
      ["Acme internal", "ENTERPRISE_MONTHLY", 80, 0, 80, 43200], // 80 × $6 = $480, −10 % = $432
      ["Alpha Dental", "TEAMS_MONTHLY", 10, 3, 7, 3600], // $40 − $4
      ["Beta Legal", "ENTERPRISE_MONTHLY", 30, 0, 30, 7491], // $83.23 − $8.32 (832.3 → 832)
    ]);
    const minimum = invoice!.lines.find((l) => l.kind === "UNASSIGNED_MINIMUM")!;
    // 100 Teams seats minimum, 10 assigned all month → 90 × 31 seat-days at $4 = $360, −10 % = $324.
    expect(minimum).toMatchObject({ plan: "TEAMS_MONTHLY", seatDays: 2790, subtotalCents: 36000, discountCents: 3600, totalCents: 32400, assignedSeats: 90, organizationId: null });
    expect(invoice!.totalCents).toBe(invoice!.lines.reduce((s, l) => s + l.totalCents, 0));
    expect(invoice!.subtotalCents - invoice!.discountCents).toBe(invoice!.totalCents);
    expect(alpha.id).toBe(clientLines[1]!.organizationId);
  });

  it("bills an organization for the days it was self-billed after leaving its provider, without the discount", async () => {
    const { provider } = await createProvider();
    const { organization } = await createOrganization({ providerId: null, seats: 5, owner: null });
    await ledger(organization.id, provider.id, "TEAMS_MONTHLY", 5, "2026-09-01T00:00:00Z");
    await ledger(organization.id, null, "TEAMS_MONTHLY", 5, "2026-10-11T10:00:00Z");
    await runBilling("2026-10", NOV_5);
    const invoices = await db.invoice.findMany({ include: { lines: true }, orderBy: { billingKey: "asc" } });
    expect(invoices.map((i) => [i.billingKey.split(":")[0], i.lines[0]!.seatDays])).toEqual([
      ["organization", 105], // Oct 11–31: 21 days × 5
      ["provider", 50], // Oct 1–10 with the provider
    ]);
  });

  it("is idempotent, also when two runs race", async () => {
    await providerWithClients("PER_CLIENT");
    const [a, b] = await Promise.all([runBilling("2026-10", NOV_5), runBilling("2026-10", NOV_5)]);
    expect(a.issued + b.issued).toBe(2);
    const again = await runBilling("2026-10", NOV_5);
    expect(again).toMatchObject({ issued: 0, alreadyIssued: 2, totalCents: 0 });
    expect(await db.invoice.count()).toBe(2);
    expect((await eventsOf("INVOICE_ISSUED")).length).toBe(2);
  });

  it("records INVOICE_ISSUED in the provider's log with the invoice as target", async () => {
    const { provider } = await providerWithClients("CONSOLIDATED");
    await runBilling("2026-10", NOV_5);
    const [event] = await eventsOf("INVOICE_ISSUED");
    const invoice = await db.invoice.findFirstOrThrow();
    expect(event).toMatchObject({ providerId: provider.id, actorUserId: null, targetType: "INVOICE", targetId: invoice.id, targetName: invoice.number, chainScope: `provider:${provider.id}` });
    expect(event!.details).toMatchObject({ period: "2026-10", mode: "CONSOLIDATED", totalCents: invoice.totalCents });
  });

  it("switches billing mode only at the next period", async () => {
    const { provider } = await providerWithClients("PER_CLIENT");
    const staff = await createUser({ isStaff: true });
    await updateProviderBilling(provider.id, { mode: "CONSOLIDATED" }, staffContext(staff.id), new Date("2026-10-20T00:00:00Z"));
    expect(await db.provider.findUniqueOrThrow({ where: { id: provider.id } })).toMatchObject({ billingMode: "PER_CLIENT", pendingBillingMode: "CONSOLIDATED", pendingBillingFrom: "2026-11" });
    await runBilling("2026-10", NOV_5);
    await runBilling("2026-11", new Date("2026-12-02T00:00:00Z"));
    const modes = await db.invoice.findMany({ where: { providerId: provider.id }, select: { period: true, mode: true }, orderBy: [{ period: "asc" }, { mode: "asc" }] });
    expect(modes).toEqual([
      { period: "2026-10", mode: "PER_CLIENT" },
      { period: "2026-10", mode: "PER_CLIENT" },
      { period: "2026-11", mode: "CONSOLIDATED" },
    ]);
  });

  it("never changes an issued invoice when prices change; new prices apply from their month", async () => {
    const { provider, alpha } = await providerWithClients("PER_CLIENT");
    await runBilling("2026-10", NOV_5);
    const before = await db.invoice.findFirstOrThrow({ where: { organizationId: alpha.id }, include: { lines: true } });
    const staff = await createUser({ isStaff: true });
    await setPlanPrice({ plan: "TEAMS_MONTHLY", unitPriceCents: 500, effectiveFrom: "2026-11-01" }, staffContext(staff.id), NOV_5);
    await runBilling("2026-10", NOV_5);
    const after = await db.invoice.findFirstOrThrow({ where: { organizationId: alpha.id, period: "2026-10" }, include: { lines: true } });
    expect(after).toEqual(before);
    await runBilling("2026-11", new Date("2026-12-01T00:00:01Z"));
    const november = await db.invoice.findFirstOrThrow({ where: { organizationId: alpha.id, period: "2026-11" }, include: { lines: true } });
    expect(november.lines[0]).toMatchObject({ unitPriceCents: 500, seatDays: 300, totalCents: 5000 });
    expect(provider.id).toBe(november.providerId);
  });

  it("exports an invoice as CSV with API.md's columns and the line values", async () => {
    const { provider } = await providerWithClients("CONSOLIDATED");
    await db.organization.updateMany({ where: { name: "Alpha Dental" }, data: { name: 'Alpha "Smile", Dental' } });
    await runBilling("2026-10", NOV_5);
    const invoice = await db.invoice.findFirstOrThrow({ where: { providerId: provider.id } });
    const detail = await getProviderInvoice(provider.id, invoice.id);
    const alphaId = detail.lines.find((l) => l.client.startsWith("Alpha"))!.organizationId;
    const betaId = detail.lines.find((l) => l.client === "Beta Legal")!.organizationId;
    expect(invoiceCsv(detail)).toBe(
      "client,id,assigned,used,remaining,plan,total\n" +
        `"Alpha ""Smile"", Dental",${alphaId},10,3,7,TEAMS_MONTHLY,40.00\n` +
        `Beta Legal,${betaId},30,0,30,ENTERPRISE_MONTHLY,83.23\n`,
    );
  });
});
