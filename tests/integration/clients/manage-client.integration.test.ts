// Managing clients: seats and plan changes (and who may make them), removal, and adding an
// organization the admin already owns — every refusal with its reason, and nothing half-written.
import { describe, expect, it } from "vitest";
import { DELETE as removeRoute, PATCH as patchRoute } from "@/app/api/v1/providers/[id]/clients/[orgId]/route";
import { GET as addableRoute } from "@/app/api/v1/providers/[id]/clients/addable/route";
import { POST as existingRoute } from "@/app/api/v1/providers/[id]/clients/existing/route";
import { organizationAccess } from "@/lib/authz/context";
import { db } from "@/lib/db/client";
import { addMember, addProviderUser, createOrganization, createProvider, createUser } from "../support/factories";
import { eventsOf } from "../support/events";
import { call } from "../support/http";
import { clientWorld, type ClientWorld } from "./world";

const patch = (w: ClientWorld, as: { id: string }, body: unknown, orgId = w.client.id) =>
  call(patchRoute, "PATCH", `/api/v1/providers/${w.provider.id}/clients/${orgId}`, { as, params: { id: w.provider.id, orgId }, body });
const remove = (w: ClientWorld, as: { id: string }, orgId = w.client.id) =>
  call(removeRoute, "DELETE", `/api/v1/providers/${w.provider.id}/clients/${orgId}`, { as, params: { id: w.provider.id, orgId } });
const addExisting = (w: ClientWorld, as: { id: string }, organizationId: string) =>
  call(existingRoute, "POST", `/api/v1/providers/${w.provider.id}/clients/existing`, { as, params: { id: w.provider.id }, body: { organizationId } });

/** The client of the world with `occupied` seats taken (its owner plus members in various states). */
async function occupy(w: ClientWorld, occupied: number) {
  const statuses = ["CONFIRMED", "ACCEPTED", "INVITED"] as const;
  for (let i = 1; i < occupied; i++) await addMember(w.client.id, `member${i}@contoso.test`, "USER", statuses[i % 3]!);
  await addMember(w.client.id, "revoked@contoso.test", "USER", "REVOKED");
  expect((await db.organization.findUniqueOrThrow({ where: { id: w.client.id } })).occupiedSeats).toBe(occupied);
}

describe("PATCH /api/v1/providers/{id}/clients/{orgId}", () => {
  it("lets a Provider Admin rename, change plan and seats at once, logging each change via the provider with a seat-ledger row", async () => {
    const w = await clientWorld();
    const res = await patch(w, w.admin, { name: "Contoso Dental Group", plan: "ENTERPRISE_MONTHLY", seats: 40 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "Contoso Dental Group", plan: "ENTERPRISE_MONTHLY", seats: 40 });
    expect(await db.organization.findUniqueOrThrow({ where: { id: w.client.id } })).toMatchObject({ name: "Contoso Dental Group", plan: "ENTERPRISE_MONTHLY", seats: 40 });

    const [seats] = await eventsOf("ORGANIZATION_SEATS_CHANGED");
    expect(seats).toMatchObject({ organizationId: w.client.id, providerId: w.provider.id, actingProviderId: w.provider.id, actorUserId: w.admin.id, details: { before: { seats: 10 }, after: { seats: 40 } } });
    const [updated] = await eventsOf("ORGANIZATION_UPDATED");
    expect(updated!.details).toEqual({ before: { name: "Contoso Dental", plan: "TEAMS_MONTHLY" }, after: { name: "Contoso Dental Group", plan: "ENTERPRISE_MONTHLY" } });
    expect(updated).toMatchObject({ actingProviderId: w.provider.id, targetName: "Contoso Dental Group" });
    expect(await db.seatLedgerEntry.findMany({ where: { organizationId: w.client.id } })).toEqual([
      expect.objectContaining({ providerId: w.provider.id, plan: "ENTERPRISE_MONTHLY", seats: 40 }),
    ]);
    const stats = await db.providerStats.findUniqueOrThrow({ where: { providerId: w.provider.id } });
    expect(stats.seats).toBe(40);
  });

  it("logs only what changed: a rename is ORGANIZATION_UPDATED without a ledger row; an unchanged value logs nothing", async () => {
    const w = await clientWorld();
    expect((await patch(w, w.admin, { name: "Renamed Dental" })).status).toBe(200);
    expect(await eventsOf("ORGANIZATION_SEATS_CHANGED")).toEqual([]);
    expect((await eventsOf("ORGANIZATION_UPDATED"))[0]!.details).toEqual({ before: { name: "Contoso Dental" }, after: { name: "Renamed Dental" } });
    expect(await db.seatLedgerEntry.count()).toBe(0);
    expect((await patch(w, w.admin, { seats: 10, name: "Renamed Dental" })).status).toBe(200);
    expect(await db.event.count()).toBe(1);
  });

  it("refuses seats below the occupied seats with 422, for admins too", async () => {
    const w = await clientWorld();
    await occupy(w, 4);
    const res = await patch(w, w.admin, { seats: 3 });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: "seats_below_occupied", fields: { seats: expect.stringContaining("4") } });
    expect(res.body.error.message).toMatch(/4 occupied seats/);
    expect((await patch(w, w.admin, { seats: 4 })).status).toBe(200);
    expect((await db.organization.findUniqueOrThrow({ where: { id: w.client.id } })).seats).toBe(4);
  });

  it("lets a Service User lower seats (no purchase), down to the occupied seats", async () => {
    const w = await clientWorld();
    await occupy(w, 3);
    const res = await patch(w, w.serviceUser, { seats: 3 });
    expect(res.status).toBe(200);
    const [event] = await eventsOf("ORGANIZATION_SEATS_CHANGED");
    expect(event).toMatchObject({ actorUserId: w.serviceUser.id, actingProviderId: w.provider.id, details: { before: { seats: 10 }, after: { seats: 3 } } });
  });

  it("refuses a Service User adding seats (a purchase) with 422 naming the reason, and writes nothing", async () => {
    const w = await clientWorld();
    const res = await patch(w, w.serviceUser, { seats: 11 });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("purchase_required");
    expect(res.body.error.message).toMatch(/a purchase for this provider; only a Provider Admin can add seats/);
    expect((await db.organization.findUniqueOrThrow({ where: { id: w.client.id } })).seats).toBe(10);
    expect(await db.event.count()).toBe(0);
    expect(await db.seatLedgerEntry.count()).toBe(0);
  });

  it("lets a Service User of a consolidated provider add seats within the plan's seat minimum, and names the minimum beyond it", async () => {
    const w = await clientWorld();
    await db.provider.update({ where: { id: w.provider.id }, data: { billingMode: "CONSOLIDATED" } });
    await db.providerSeatMinimum.create({ data: { providerId: w.provider.id, plan: "TEAMS_MONTHLY", seatMinimum: 15 } });
    // The world's client holds 10 Teams seats: 15 fits the minimum, 16 would be a purchase.
    expect((await patch(w, w.serviceUser, { seats: 15 })).status).toBe(200);
    const beyond = await patch(w, w.serviceUser, { seats: 16 });
    expect(beyond.status).toBe(422);
    expect(beyond.body.error).toMatchObject({ code: "purchase_required", fields: { seats: expect.stringContaining("seat minimum of 15") } });
    expect((await db.organization.findUniqueOrThrow({ where: { id: w.client.id } })).seats).toBe(15);
    expect((await patch(w, w.admin, { seats: 16 })).status).toBe(200);
  });

  it.each([
    [{ name: "New name" }],
    [{ plan: "ENTERPRISE_MONTHLY" }],
    [{ seats: 5, name: "Sneaky rename" }],
  ])("refuses a Service User anything but seats (%j) with 403, changing nothing", async (body) => {
    const w = await clientWorld();
    const res = await patch(w, w.serviceUser, body);
    expect(res.status).toBe(403);
    expect(await db.organization.findUniqueOrThrow({ where: { id: w.client.id } })).toMatchObject({ name: "Contoso Dental", seats: 10, plan: "TEAMS_MONTHLY" });
  });

  it.each([
    [{}, "_"],
    [{ seats: 0 }, "seats"],
    [{ seats: -3 }, "seats"],
    [{ seats: 1.5 }, "seats"],
    [{ plan: "FREE" }, "plan"],
    [{ name: "" }, "name"],
    [{ providerId: "00000000-0000-4000-8000-000000000000" }, "_"],
  ])("refuses %j with 400 naming %s", async (body, field) => {
    const w = await clientWorld();
    const res = await patch(w, w.admin, body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty(field);
  });

  it("serializes concurrent seat changes against the occupied count (no lost update)", async () => {
    const w = await clientWorld();
    const results = await Promise.all([12, 14, 16, 18].map((seats) => patch(w, w.admin, { seats })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const events = await eventsOf("ORGANIZATION_SEATS_CHANGED");
    expect(events).toHaveLength(4);
    // Each change starts where the previous one ended.
    const chain = events.map((e) => e.details as { before: { seats: number }; after: { seats: number } });
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.before.seats).toBe(chain[i - 1]!.after.seats);
    const final = (await db.organization.findUniqueOrThrow({ where: { id: w.client.id } })).seats;
    expect(final).toBe(chain.at(-1)!.after.seats);
    expect((await db.providerStats.findUniqueOrThrow({ where: { providerId: w.provider.id } })).seats).toBe(final);
  });
});

describe("DELETE /api/v1/providers/{id}/clients/{orgId}", () => {
  it("detaches the client: it keeps members and data, becomes self-billed, and the provider's totals drop", async () => {
    const w = await clientWorld();
    await addMember(w.client.id, "colleague@contoso.test", "USER", "CONFIRMED");
    await db.collection.create({ data: { organizationId: w.client.id, name: "Default collection", isDefault: true } });
    const res = await remove(w, w.admin);
    expect(res.status).toBe(200);
    const org = await db.organization.findUniqueOrThrow({ where: { id: w.client.id } });
    expect(org).toMatchObject({ providerId: null, seats: 10, occupiedSeats: 2, enabled: true });
    expect(await db.organizationMember.count({ where: { organizationId: w.client.id } })).toBe(2);
    expect(await db.collection.count({ where: { organizationId: w.client.id } })).toBe(1);
    expect(await db.providerStats.findUniqueOrThrow({ where: { providerId: w.provider.id } })).toMatchObject({ clientCount: 0, seats: 0, occupiedSeats: 0 });
    expect(await db.seatLedgerEntry.findMany({ where: { organizationId: w.client.id } })).toEqual([expect.objectContaining({ providerId: null, seats: 10 })]);
    const [event] = await eventsOf("PROVIDER_ORGANIZATION_REMOVED");
    expect(event).toMatchObject({ providerId: w.provider.id, organizationId: w.client.id, actorUserId: w.admin.id, targetName: "Contoso Dental" });

    // Its owner now runs (and pays for) it; the provider's members can no longer open it.
    const ownerAccess = await organizationAccess(w.clientOwner, w.client.id);
    expect(ownerAccess.roles).toEqual(["ORG_OWNER", "SELF_BILLED_OWNER"]);
    await expect(organizationAccess(w.admin, w.client.id)).rejects.toMatchObject({ status: 404 });
  });

  it("drops client-scoped service users' assignment to the removed client", async () => {
    const w = await clientWorld();
    const scoped = await createUser();
    const pu = await addProviderUser(w.provider.id, scoped, "SERVICE_USER", "CONFIRMED");
    await db.providerUser.update({ where: { id: pu.id }, data: { clientScoped: true, clients: { create: { organizationId: w.client.id } } } });
    expect((await remove(w, w.admin)).status).toBe(200);
    expect(await db.providerUserClient.count()).toBe(0);
  });

  it.each([
    ["no owner at all", async (w: ClientWorld) => db.organizationMember.deleteMany({ where: { organizationId: w.client.id } })],
    ["an owner who only accepted", async (w: ClientWorld) => db.organizationMember.updateMany({ where: { organizationId: w.client.id }, data: { status: "ACCEPTED" } })],
    [
      "an invited owner and a confirmed admin",
      async (w: ClientWorld) => {
        await db.organizationMember.updateMany({ where: { organizationId: w.client.id }, data: { status: "INVITED", userId: null } });
        await addMember(w.client.id, await createUser(), "ADMIN", "CONFIRMED");
      },
    ],
    ["a revoked owner", async (w: ClientWorld) => db.organizationMember.updateMany({ where: { organizationId: w.client.id }, data: { status: "REVOKED" } })],
  ])("refuses with 422 when the client has %s, and changes nothing", async (_label, setup) => {
    const w = await clientWorld();
    await setup(w);
    const res = await remove(w, w.admin);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("no_confirmed_owner");
    expect(res.body.error.message).toMatch(/no confirmed Owner/);
    expect((await db.organization.findUniqueOrThrow({ where: { id: w.client.id } })).providerId).toBe(w.provider.id);
    expect(await db.event.count()).toBe(0);
    expect(await db.seatLedgerEntry.count()).toBe(0);
  });
});

describe("adding an existing organization", () => {
  async function owned(w: ClientWorld, overrides: Parameters<typeof createOrganization>[0] = {}) {
    return (await createOrganization({ name: "Admin's Firm", owner: w.admin, seats: 15, ...overrides })).organization;
  }

  it("puts it under the provider: managed, counted in the totals, logged, with a ledger row", async () => {
    const w = await clientWorld();
    const org = await owned(w, { plan: "ENTERPRISE_ANNUAL" });
    const res = await addExisting(w, w.admin, org.id);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: org.id });
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).providerId).toBe(w.provider.id);
    expect(await db.providerStats.findUniqueOrThrow({ where: { providerId: w.provider.id } })).toMatchObject({ clientCount: 2, seats: 25, occupiedSeats: 2 });
    const [event] = await eventsOf("PROVIDER_ORGANIZATION_ADDED");
    expect(event).toMatchObject({ providerId: w.provider.id, organizationId: org.id, actorUserId: w.admin.id, details: { plan: "ENTERPRISE_ANNUAL", seats: 15 } });
    expect(await db.seatLedgerEntry.findMany({ where: { organizationId: org.id } })).toEqual([expect.objectContaining({ providerId: w.provider.id, seats: 15 })]);
  });

  it.each([
    ["the admin is only an Admin of it", "not_confirmed_owner", async (w: ClientWorld) => {
      const { organization } = await createOrganization({ name: "Not Mine" });
      await addMember(organization.id, w.admin, "ADMIN", "CONFIRMED");
      return organization.id;
    }],
    ["the admin is an Owner who only accepted", "not_confirmed_owner", async (w: ClientWorld) => {
      const { organization } = await createOrganization({ name: "Pending Ownership" });
      await addMember(organization.id, w.admin, "OWNER", "ACCEPTED");
      return organization.id;
    }],
    ["it is on the Free plan", "plan_not_eligible", async (w: ClientWorld) => (await owned(w, { plan: "FREE" })).id],
    ["it is on the Families plan", "plan_not_eligible", async (w: ClientWorld) => (await owned(w, { plan: "FAMILIES" })).id],
    ["another provider manages it", "managed_by_other_provider", async (w: ClientWorld) => (await owned(w, { providerId: w.otherProvider.id })).id],
    ["this provider already manages it", "already_client", async (w: ClientWorld) => (await owned(w, { providerId: w.provider.id })).id],
  ])("refuses with 422 when %s (%s), changing nothing", async (_label, code, setup) => {
    const w = await clientWorld();
    const organizationId = await setup(w);
    const before = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
    const res = await addExisting(w, w.admin, organizationId);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message.length).toBeGreaterThan(20);
    expect(await db.organization.findUniqueOrThrow({ where: { id: organizationId } })).toEqual(before);
    expect(await eventsOf("PROVIDER_ORGANIZATION_ADDED")).toEqual([]);
  });

  it("lets only one of two providers win a race to add the same organization", async () => {
    const w = await clientWorld();
    const org = await owned(w);
    const { provider: second } = await createProvider({ admin: null });
    await addProviderUser(second.id, w.admin, "PROVIDER_ADMIN", "CONFIRMED");
    const [a, b] = await Promise.all([
      addExisting(w, w.admin, org.id),
      call(existingRoute, "POST", `/api/v1/providers/${second.id}/clients/existing`, { as: w.admin, params: { id: second.id }, body: { organizationId: org.id } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 422]);
    expect(await eventsOf("PROVIDER_ORGANIZATION_ADDED")).toHaveLength(1);
  });

  it("GET addable lists every organization the admin owns, each with whether and why not", async () => {
    const w = await clientWorld();
    const good = await owned(w, { name: "B Good Firm" });
    const free = await owned(w, { name: "C Free Firm", plan: "FREE" });
    const managed = await owned(w, { name: "D Managed Firm", providerId: w.otherProvider.id });
    const ours = await owned(w, { name: "A Our Client", providerId: w.provider.id });
    const { organization: adminOnly } = await createOrganization({ name: "E Admin Only" });
    await addMember(adminOnly.id, w.admin, "ADMIN", "CONFIRMED");
    const res = await call(addableRoute, "GET", `/api/v1/providers/${w.provider.id}/clients/addable`, { as: w.admin, params: { id: w.provider.id } });
    expect(res.status).toBe(200);
    expect(res.body.truncated).toBe(false);
    expect(res.body.data.map((o: { id: string; addable: boolean; reason: string | null }) => [o.id, o.addable, o.reason])).toEqual([
      [ours.id, false, "already_client"],
      [good.id, true, null],
      [free.id, false, "plan_not_eligible"],
      [managed.id, false, "managed_by_other_provider"],
    ]);
    expect(res.body.data[2].message).toMatch(/Free plan.*Teams and Enterprise/);
  });
});
