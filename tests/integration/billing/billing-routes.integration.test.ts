// Who may see and change billing: every billing route × every kind of caller.
import { beforeEach, describe, expect, it } from "vitest";
import { POST as statusRoute } from "@/app/api/v1/admin/invoices/[invId]/status/route";
import { POST as runsRoute } from "@/app/api/v1/admin/billing/runs/route";
import { GET as pricesGet, POST as pricesPost } from "@/app/api/v1/admin/pricing/prices/route";
import { GET as tiersGet, PUT as tiersPut } from "@/app/api/v1/admin/pricing/tiers/route";
import { GET as adminBillingGet, PUT as adminBillingPut } from "@/app/api/v1/admin/providers/[id]/billing/route";
import { GET as orgBilling } from "@/app/api/v1/organizations/[orgId]/billing/route";
import { GET as providerBilling } from "@/app/api/v1/providers/[id]/billing/route";
import { GET as invoiceGet } from "@/app/api/v1/providers/[id]/invoices/[invId]/route";
import { GET as invoicesGet } from "@/app/api/v1/providers/[id]/invoices/route";
import { db } from "@/lib/db/client";
import { runBilling } from "@/lib/services/billing/run-billing";
import { addMember, addProviderUser, createOrganization, createProvider, createUser, type TestUser } from "../support/factories";
import { eventsOf } from "../support/events";
import { call } from "../support/http";
import { ledger } from "./support";

type Who = "signedOut" | "staff" | "admin" | "serviceUser" | "pendingMember" | "otherAdmin" | "clientOwner" | "clientAdmin" | "independentOwner" | "outsider";

let people: Record<Exclude<Who, "signedOut">, TestUser>;
let providerId: string;
let managedOrgId: string;
let independentOrgId: string;
let invoiceId: string;
let otherInvoiceId: string;

beforeEach(async () => {
  const staff = await createUser({ isStaff: true });
  const admin = await createUser();
  const { provider } = await createProvider({ admin });
  providerId = provider.id;
  const serviceUser = await createUser();
  await addProviderUser(provider.id, serviceUser, "SERVICE_USER", "CONFIRMED");
  const pendingMember = await createUser();
  await addProviderUser(provider.id, pendingMember, "SERVICE_USER", "ACCEPTED");
  const otherAdmin = await createUser();
  const other = await createProvider({ admin: otherAdmin });
  const clientOwner = await createUser();
  const managed = await createOrganization({ providerId, owner: clientOwner });
  managedOrgId = managed.organization.id;
  const clientAdmin = await createUser();
  await addMember(managedOrgId, clientAdmin, "ADMIN", "CONFIRMED");
  const independentOwner = await createUser();
  independentOrgId = (await createOrganization({ owner: independentOwner })).organization.id;
  const otherOrg = await createOrganization({ providerId: other.provider.id, owner: null });
  await ledger(managedOrgId, providerId, "TEAMS_MONTHLY", 10, "2026-09-01T00:00:00Z");
  await ledger(otherOrg.organization.id, other.provider.id, "TEAMS_MONTHLY", 10, "2026-09-01T00:00:00Z");
  await runBilling("2026-10", new Date("2026-11-05T00:00:00Z"));
  invoiceId = (await db.invoice.findFirstOrThrow({ where: { providerId } })).id;
  otherInvoiceId = (await db.invoice.findFirstOrThrow({ where: { providerId: other.provider.id } })).id;
  const outsider = await createUser();
  people = { staff, admin, serviceUser, pendingMember, otherAdmin, clientOwner, clientAdmin, independentOwner, outsider };
});

const as = (who: Who) => (who === "signedOut" ? null : people[who]);

describe("provider billing routes", () => {
  it.each<[Who, number, number, number]>([
    // who, GET billing, GET invoices, GET invoice
    ["admin", 200, 200, 200],
    ["serviceUser", 200, 403, 403],
    ["staff", 200, 200, 200],
    ["pendingMember", 403, 403, 403],
    ["otherAdmin", 404, 404, 404],
    ["clientOwner", 404, 404, 404],
    ["outsider", 404, 404, 404],
    ["signedOut", 401, 401, 401],
  ])("%s: billing %i, invoices %i, invoice %i", async (who, billing, invoices, invoice) => {
    const params = { id: providerId };
    expect((await call(providerBilling, "GET", `/api/v1/providers/${providerId}/billing`, { as: as(who), params })).status).toBe(billing);
    expect((await call(invoicesGet, "GET", `/api/v1/providers/${providerId}/invoices`, { as: as(who), params })).status).toBe(invoices);
    expect((await call(invoiceGet, "GET", `/api/v1/providers/${providerId}/invoices/${invoiceId}`, { as: as(who), params: { ...params, invId: invoiceId } })).status).toBe(invoice);
  });

  it("answers 404 for another provider's invoice, even to an admin", async () => {
    const res = await call(invoiceGet, "GET", "/x", { as: people.admin, params: { id: providerId, invId: otherInvoiceId } });
    expect(res.status).toBe(404);
    expect((await call(invoiceGet, "GET", "/x", { as: people.admin, params: { id: providerId, invId: "not-a-uuid" } })).status).toBe(404);
  });

  it("describes the tier, the next tier and the plans", async () => {
    const res = await call(providerBilling, "GET", "/x", { as: people.admin, params: { id: providerId } });
    expect(res.body).toMatchObject({
      mode: "PER_CLIENT",
      seatsUnderManagement: 10,
      tier: { discountPercent: 0, minSeats: 0 },
      nextTier: { minSeats: 100, discountPercent: 10, seatsNeeded: 90 },
      plans: expect.arrayContaining([{ plan: "TEAMS_MONTHLY", unitPriceCents: 400, seatMinimum: 0, assignedSeats: 10 }]),
    });
  });

  it("serves the invoice CSV with a file name", async () => {
    const res = await call(invoiceGet, "GET", "/x", { as: people.admin, params: { id: providerId, invId: invoiceId }, query: { format: "csv" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="INV-202610-\d{6}\.csv"/);
    expect(res.text.split("\n")[0]).toBe("client,id,assigned,used,remaining,plan,total");
  });
});

describe("organization billing (PRODUCT.md rule 9)", () => {
  it.each<[Who, "managed" | "independent", number]>([
    ["admin", "managed", 200],
    ["serviceUser", "managed", 200],
    ["clientOwner", "managed", 403],
    ["clientAdmin", "managed", 403],
    ["otherAdmin", "managed", 404],
    ["outsider", "managed", 404],
    ["signedOut", "managed", 401],
    ["independentOwner", "independent", 200],
    ["admin", "independent", 404],
  ])("%s on a %s organization → %i", async (who, which, status) => {
    const orgId = which === "managed" ? managedOrgId : independentOrgId;
    const res = await call(orgBilling, "GET", `/api/v1/organizations/${orgId}/billing`, { as: as(who), params: { orgId } });
    expect(res.status).toBe(status);
    if (status === 403) expect(res.body.error.message).toBe("Billing of this organization is managed by its provider.");
  });

  it("shows provider members the client's plan, price, payment method and invoices", async () => {
    const res = await call(orgBilling, "GET", "/x", { as: people.serviceUser, params: { orgId: managedOrgId } });
    expect(res.body).toMatchObject({ plan: "TEAMS_MONTHLY", seats: 10, unitPriceCents: 400, managedBy: { providerId, mode: "PER_CLIENT" } });
    expect(res.body.invoices).toHaveLength(1);
  });
});

describe("staff billing routes", () => {
  const routes = (who: Who) => {
    const options = { as: as(who) };
    return [
      () => call(pricesGet, "GET", "/x", options),
      () => call(pricesPost, "POST", "/x", { ...options, body: { plan: "TEAMS_MONTHLY", unitPriceCents: 450, effectiveFrom: "2099-01-01" } }),
      () => call(tiersGet, "GET", "/x", options),
      () => call(tiersPut, "PUT", "/x", { ...options, body: { tiers: [{ minSeats: 0, discountPercent: 0 }] } }),
      () => call(adminBillingGet, "GET", "/x", { ...options, params: { id: providerId } }),
      () => call(adminBillingPut, "PUT", "/x", { ...options, params: { id: providerId }, body: { mode: "CONSOLIDATED" } }),
      () => call(statusRoute, "POST", "/x", { ...options, params: { invId: invoiceId }, body: { status: "PAID" } }),
      () => call(runsRoute, "POST", "/x", { ...options, body: { period: "2026-09" } }),
    ];
  };

  it.each<[Who, number]>([
    ["signedOut", 401],
    ["admin", 403],
    ["serviceUser", 403],
    ["clientOwner", 403],
    ["outsider", 403],
  ])("refuse %s with %i on every staff route", async (who, status) => {
    for (const route of routes(who)) expect((await route()).status).toBe(status);
    expect(await db.invoice.count({ where: { status: "PAID" } })).toBe(0);
  });

  it("let staff set prices, tiers, a provider's mode and minimums, mark invoices paid and run billing", async () => {
    const staff = people.staff;
    const price = await call(pricesPost, "POST", "/x", { as: staff, body: { plan: "TEAMS_MONTHLY", unitPriceCents: 450, effectiveFrom: "2099-01-01" } });
    expect(price.status).toBe(201);
    const tiers = await call(tiersPut, "PUT", "/x", { as: staff, body: { tiers: [{ minSeats: 0, discountPercent: 0 }, { minSeats: 50, discountPercent: 12.5 }] } });
    expect(tiers.body.tiers).toEqual([{ minSeats: 0, discountPercent: 0 }, { minSeats: 50, discountPercent: 12.5 }]);
    const billing = await call(adminBillingPut, "PUT", "/x", { as: staff, params: { id: providerId }, body: { mode: "CONSOLIDATED", seatMinimums: [{ plan: "TEAMS_MONTHLY", seatMinimum: 25 }] } });
    expect(billing.status).toBe(200);
    expect(billing.body).toMatchObject({ mode: "PER_CLIENT", pendingMode: { mode: "CONSOLIDATED" }, plans: expect.arrayContaining([expect.objectContaining({ plan: "TEAMS_MONTHLY", seatMinimum: 25 })]) });
    const paid = await call(statusRoute, "POST", "/x", { as: staff, params: { invId: invoiceId }, body: { status: "PAID" } });
    expect(paid.body).toEqual({ id: invoiceId, status: "PAID" });
    const again = await call(statusRoute, "POST", "/x", { as: staff, params: { invId: invoiceId }, body: { status: "VOID" } });
    expect(again.status).toBe(409);
    const run = await call(runsRoute, "POST", "/x", { as: staff, body: { period: "2026-10" } });
    expect(run.body).toMatchObject({ issued: 0, alreadyIssued: 2 });
    expect((await eventsOf()).map((e) => e.type)).toEqual(expect.arrayContaining(["PLAN_PRICE_SET", "DISCOUNT_TIERS_UPDATED", "PROVIDER_BILLING_UPDATED", "INVOICE_PAID"]));
  });

  it("answer bad input with 400 and business refusals with 422", async () => {
    const staff = people.staff;
    const bad = await call(pricesPost, "POST", "/x", { as: staff, body: { plan: "GOLD", unitPriceCents: -1, effectiveFrom: "soon" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["effectiveFrom", "plan", "unitPriceCents"]);
    const midMonth = await call(pricesPost, "POST", "/x", { as: staff, body: { plan: "TEAMS_MONTHLY", unitPriceCents: 450, effectiveFrom: "2099-01-15" } });
    expect(midMonth.status).toBe(422);
    const past = await call(pricesPost, "POST", "/x", { as: staff, body: { plan: "TEAMS_MONTHLY", unitPriceCents: 450, effectiveFrom: "2020-02-01" } });
    expect(past.body.error.code).toBe("price_in_past");
    const noBase = await call(tiersPut, "PUT", "/x", { as: staff, body: { tiers: [{ minSeats: 10, discountPercent: 5 }] } });
    expect(noBase.body.error.code).toBe("missing_base_tier");
    const decreasing = await call(tiersPut, "PUT", "/x", { as: staff, body: { tiers: [{ minSeats: 0, discountPercent: 5 }, { minSeats: 10, discountPercent: 1 }] } });
    expect(decreasing.body.error.code).toBe("decreasing_discount");
    const open = await call(runsRoute, "POST", "/x", { as: staff, body: { period: "2099-01" } });
    expect(open.status).toBe(422);
    const badPeriod = await call(runsRoute, "POST", "/x", { as: staff, body: { period: "2026-13" } });
    expect(badPeriod.status).toBe(400);
    const unknown = await call(adminBillingGet, "GET", "/x", { as: staff, params: { id: "00000000-0000-4000-8000-000000000000" } });
    expect(unknown.status).toBe(404);
    expect(await db.discountTier.count()).toBe(4);
  });
});
