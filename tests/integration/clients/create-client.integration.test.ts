// Creating a client: everything it writes, what it refuses, and that a failure at any step leaves
// nothing behind.
import { describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/v1/providers/[id]/clients/route";
import { unwrapDataKey } from "@/lib/crypto/envelope";
import { hashToken } from "@/lib/crypto/tokens";
import { db, sql } from "@/lib/db/client";
import { eventsOf } from "../support/events";
import { call } from "../support/http";
import { outbox, tokenFromMail } from "./outbox";
import { clientWorld, newClientBody, type ClientWorld } from "./world";

const create = (w: ClientWorld, body: unknown) =>
  call(createRoute, "POST", `/api/v1/providers/${w.provider.id}/clients`, { as: w.admin, params: { id: w.provider.id }, body });

describe("POST /api/v1/providers/{id}/clients", () => {
  it("creates the organization, its default collection, the owner's invitation, a seat-ledger row and the events", async () => {
    const w = await clientWorld();
    const statsBefore = await db.providerStats.findUniqueOrThrow({ where: { providerId: w.provider.id } });
    const res = await create(w, newClientBody({ ownerEmail: "  New.Owner@Fabrikam.TEST " }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.any(String), invitationSent: true });
    const id: string = res.body.id;

    const org = await db.organization.findUniqueOrThrow({ where: { id } });
    expect(org).toMatchObject({
      name: "Fabrikam Legal",
      billingEmail: "billing@fabrikam.test",
      plan: "TEAMS_MONTHLY",
      seats: 25,
      occupiedSeats: 1,
      providerId: w.provider.id,
      enabled: true,
      isProviderInternal: false,
      paymentMethodKind: "CARD",
      paymentMethodLabel: "Visa",
      paymentMethodLast4: "4242",
    });
    // Its own data key, bound to its id.
    expect(unwrapDataKey(org.dataKeyWrapped!, id)).toHaveLength(32);
    expect(() => unwrapDataKey(org.dataKeyWrapped!, w.client.id)).toThrow();

    const collections = await db.collection.findMany({ where: { organizationId: id } });
    expect(collections).toEqual([expect.objectContaining({ name: "Default collection", isDefault: true })]);

    const [owner, ...others] = await db.organizationMember.findMany({ where: { organizationId: id } });
    expect(others).toEqual([]);
    expect(owner).toMatchObject({ email: "new.owner@fabrikam.test", role: "OWNER", status: "INVITED", userId: null });
    const expiresInHours = (owner!.inviteExpiresAt!.getTime() - Date.now()) / 3_600_000;
    expect(expiresInHours).toBeGreaterThan(119);
    expect(expiresInHours).toBeLessThanOrEqual(120);

    // The mail carries the token; only its hash is stored.
    const { url, token } = tokenFromMail("new.owner@fabrikam.test");
    expect(url.pathname).toBe(`/invitations/organization/${id}/${owner!.id}`);
    expect(owner!.inviteTokenHash).toBe(hashToken(token));
    expect(outbox("new.owner@fabrikam.test")[0]!.subject).toBe("Join Fabrikam Legal");

    expect(await db.seatLedgerEntry.findMany({ where: { organizationId: id } })).toEqual([
      expect.objectContaining({ providerId: w.provider.id, plan: "TEAMS_MONTHLY", seats: 25 }),
    ]);

    const [created] = await eventsOf("PROVIDER_ORGANIZATION_CREATED");
    expect(created).toMatchObject({
      providerId: w.provider.id,
      organizationId: id,
      actorUserId: w.admin.id,
      targetType: "ORGANIZATION",
      targetId: id,
      targetName: "Fabrikam Legal",
      details: { plan: "TEAMS_MONTHLY", seats: 25, ownerEmail: "new.owner@fabrikam.test", paymentMethodKind: "CARD" },
    });
    const [invited] = await eventsOf("MEMBER_INVITED");
    expect(invited).toMatchObject({ organizationId: id, actingProviderId: w.provider.id, targetId: owner!.id, details: { role: "OWNER" } });
    const [collection] = await eventsOf("COLLECTION_CREATED");
    expect(collection).toMatchObject({ organizationId: id, actingProviderId: w.provider.id });
    const everything = JSON.stringify(await db.event.findMany(), (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(owner!.inviteTokenHash!);

    const statsAfter = await db.providerStats.findUniqueOrThrow({ where: { providerId: w.provider.id } });
    expect(statsAfter).toMatchObject({
      clientCount: statsBefore.clientCount + 1,
      seats: statsBefore.seats + 25,
      occupiedSeats: statsBefore.occupiedSeats + 1,
      managedSeats: statsBefore.managedSeats + 25,
    });
  });

  it("works without a payment method (consolidated billing) and on the Enterprise plan", async () => {
    const w = await clientWorld();
    const res = await create(w, newClientBody({ plan: "ENTERPRISE_MONTHLY", paymentMethod: undefined }));
    expect(res.status).toBe(201);
    const org = await db.organization.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(org).toMatchObject({ plan: "ENTERPRISE_MONTHLY", paymentMethodKind: null, paymentMethodLabel: null, paymentMethodLast4: null });
  });

  it.each([
    ["no fields at all", {}, ["name", "billingEmail", "plan", "seats", "ownerEmail"]],
    ["a plan providers cannot sell", { plan: "FREE" }, ["plan"]],
    ["an annual plan", { plan: "TEAMS_ANNUAL" }, ["plan"]],
    ["zero seats", { seats: 0 }, ["seats"]],
    ["fractional seats", { seats: 2.5 }, ["seats"]],
    ["seats as text", { seats: "ten" }, ["seats"]],
    ["a malformed owner email", { ownerEmail: "owner@" }, ["ownerEmail"]],
    ["a malformed billing email", { billingEmail: "billing" }, ["billingEmail"]],
    ["a blank name", { name: "   " }, ["name"]],
    ["a card number as the label", { paymentMethod: { kind: "CARD", label: "4242 4242 4242 4242", last4: "4242" } }, ["paymentMethod.label"]],
    ["an account number with dashes in the label", { paymentMethod: { kind: "BANK_ACCOUNT", label: "Checking 0001-2345-6789", last4: "6789" } }, ["paymentMethod.label"]],
    ["a full card number as last4", { paymentMethod: { kind: "CARD", label: "Visa", last4: "4242424242424242" } }, ["paymentMethod.last4"]],
    ["a card without last4", { paymentMethod: { kind: "CARD", label: "Visa" } }, ["paymentMethod.last4"]],
    ["digits on an invoice", { paymentMethod: { kind: "INVOICE", label: "Net 30", last4: "1234" } }, ["paymentMethod.last4"]],
    ["an unknown payment kind", { paymentMethod: { kind: "CRYPTO", label: "Wallet" } }, ["paymentMethod.kind"]],
  ])("refuses %s with 400 and field messages, writing nothing", async (_label, overrides, fields) => {
    const w = await clientWorld();
    const body = Object.keys(overrides).length ? newClientBody(overrides) : {};
    const res = await create(w, body);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual([...fields].sort());
    expect(await db.organization.count({ where: { providerId: w.provider.id } })).toBe(1);
    expect(await db.event.count()).toBe(0);
    expect(JSON.stringify(res.body)).not.toMatch(/4242 4242 4242 4242|4242424242424242/);
  });

  it("allows equal names (two clients can share one) but keeps them apart", async () => {
    const w = await clientWorld();
    const a = await create(w, newClientBody({ name: "Contoso Dental", ownerEmail: "a@contoso.test" }));
    const b = await create(w, newClientBody({ name: "Contoso Dental", ownerEmail: "b@contoso.test" }));
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
    expect(await db.organization.count({ where: { providerId: w.provider.id, name: "Contoso Dental" } })).toBe(3);
  });
});

describe("creating a client is all or nothing", () => {
  // A trigger that fails on one table makes that step of the creation fail inside the database,
  // after the organization row was written — exactly what a crash or a constraint would do.
  it.each(["collections", "organization_members", "seat_ledger", "events"])("a failure writing %s leaves nothing behind and mails no one", async (table) => {
    const w = await clientWorld();
    const statsBefore = await db.providerStats.findUniqueOrThrow({ where: { providerId: w.provider.id } });
    const counts = async () => ({
      organizations: await db.organization.count(),
      collections: await db.collection.count(),
      members: await db.organizationMember.count(),
      ledger: await db.seatLedgerEntry.count(),
      events: await db.event.count(),
      chainHeads: await db.eventChainHead.count(),
    });
    const before = await counts();
    const mailsBefore = outbox().length;
    await sql().exec(`
      CREATE FUNCTION pp_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$;
      CREATE TRIGGER pp_test_fail BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION pp_test_fail();`);
    try {
      const res = await create(w, newClientBody({ ownerEmail: `owner-${table}@fabrikam.test` }));
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe("internal_error");
    } finally {
      await sql().exec(`DROP TRIGGER pp_test_fail ON ${table}; DROP FUNCTION pp_test_fail();`);
    }
    expect(await counts()).toEqual(before);
    expect(await db.organization.count({ where: { name: "Fabrikam Legal" } })).toBe(0);
    expect(await db.providerStats.findUniqueOrThrow({ where: { providerId: w.provider.id } })).toEqual(statsBefore);
    expect(outbox().length).toBe(mailsBefore);
  });
});
