// The staff console's provider list, and disabling / enabling a provider (PRODUCT.md rule 8).
import { beforeEach, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/admin/providers/route";
import { POST as disableRoute } from "@/app/api/v1/admin/providers/[id]/disable/route";
import { POST as enableRoute } from "@/app/api/v1/admin/providers/[id]/enable/route";
import { GET as getProviderRoute } from "@/app/api/v1/providers/[id]/route";
import { GET as listUsersRoute } from "@/app/api/v1/providers/[id]/users/route";
import { organizationAccess, providerAccess } from "@/lib/authz/context";
import { db } from "@/lib/db/client";
import { createOrganization, createProvider, createUser, type TestUser } from "../support/factories";
import { eventsOf } from "../support/events";
import { call } from "../support/http";
import { providerWithCast } from "./helpers";

let staff: TestUser;
beforeEach(async () => {
  staff = await createUser({ name: "Sam Staff", isStaff: true });
});

function list(query: Record<string, string> = {}) {
  return call(listRoute, "GET", "/api/v1/admin/providers", { as: staff, query });
}

describe("GET /api/v1/admin/providers", () => {
  it("lists providers with status, enabled flag, client count and seats under management from provider_stats", async () => {
    const { provider } = await createProvider({ name: "Alpha IT" });
    await createOrganization({ providerId: provider.id, plan: "TEAMS_MONTHLY", seats: 10, owner: null });
    await createOrganization({ providerId: provider.id, plan: "ENTERPRISE_ANNUAL", seats: 25, owner: null });
    await createOrganization({ providerId: provider.id, plan: "FAMILIES", seats: 6, owner: null });
    await createProvider({ name: "Beta Managed", status: "PENDING", admin: null, enabled: false });
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: [
        expect.objectContaining({ id: provider.id, name: "Alpha IT", type: "MSP", status: "ACTIVE", enabled: true, clientCount: 3, seatsUnderManagement: 35 }),
        expect.objectContaining({ name: "Beta Managed", status: "PENDING", enabled: false, clientCount: 0, seatsUnderManagement: 0 }),
      ],
      nextCursor: null,
    });
  });

  it("searches by name or business name, filters by status and enabled, and pages with a keyset cursor", async () => {
    for (const name of ["Contoso East", "Contoso West", "Northwind", "Contoso North"]) await createProvider({ name, admin: null });
    await db.provider.updateMany({ where: { name: "Northwind" }, data: { businessName: "Contoso Holdings" } });
    await db.provider.updateMany({ where: { name: "Contoso West" }, data: { status: "PENDING", enabled: false } });

    const names = (res: { body: { data: { name: string }[] } }) => res.body.data.map((p) => p.name);
    expect(names(await list({ q: "contoso" }))).toEqual(["Contoso East", "Contoso North", "Contoso West", "Northwind"]);
    expect(names(await list({ q: "WEST" }))).toEqual(["Contoso West"]);
    expect(names(await list({ status: "PENDING" }))).toEqual(["Contoso West"]);
    expect(names(await list({ enabled: "true", q: "contoso" }))).toEqual(["Contoso East", "Contoso North", "Northwind"]);

    const first = await list({ limit: "2" });
    expect(names(first)).toEqual(["Contoso East", "Contoso North"]);
    const second = await list({ limit: "2", cursor: first.body.nextCursor });
    expect(names(second)).toEqual(["Contoso West", "Northwind"]);
    expect(second.body.nextCursor).toBeNull();
  });

  it("answers 400 for a bad filter or a tampered cursor", async () => {
    expect((await list({ status: "GONE" })).status).toBe(400);
    expect((await list({ limit: "0" })).status).toBe(400);
    const tampered = await list({ cursor: "bm9wZQ" });
    expect(tampered.status).toBe(400);
    expect(tampered.body.error.code).toBe("invalid_cursor");
  });
});

describe("disabling and enabling a provider", () => {
  it("takes provider access away from members at once, on the API and in the resolver pages use, and gives it back", async () => {
    const cast = await providerWithCast();
    const id = cast.provider.id;
    const params = { id };
    expect((await call(getProviderRoute, "GET", `/api/v1/providers/${id}`, { as: cast.serviceUser, params })).status).toBe(200);
    expect((await call(listUsersRoute, "GET", `/api/v1/providers/${id}/users`, { as: cast.admin, params })).status).toBe(200);

    const res = await call(disableRoute, "POST", `/api/v1/admin/providers/${id}/disable`, { as: staff, params });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, enabled: false });

    for (const member of [cast.admin, cast.serviceUser]) {
      const refused = await call(getProviderRoute, "GET", `/api/v1/providers/${id}`, { as: member, params });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("provider_disabled");
      await expect(providerAccess(member, id)).rejects.toMatchObject({ status: 403, code: "provider_disabled" });
    }
    expect((await call(listUsersRoute, "GET", `/api/v1/providers/${id}/users`, { as: cast.admin, params })).status).toBe(403);
    // Staff still see it (read-only support).
    expect((await call(getProviderRoute, "GET", `/api/v1/providers/${id}`, { as: staff, params })).body).toMatchObject({ enabled: false });

    expect((await call(enableRoute, "POST", `/api/v1/admin/providers/${id}/enable`, { as: staff, params })).status).toBe(200);
    expect((await call(getProviderRoute, "GET", `/api/v1/providers/${id}`, { as: cast.serviceUser, params })).status).toBe(200);
    expect((await providerAccess(cast.admin, id)).roles).toEqual(["PROVIDER_ADMIN"]);
  });

  it("disables the provider's enabled clients with it and restores exactly those on enable", async () => {
    const { provider } = await createProvider();
    const other = await createProvider();
    const active = await createOrganization({ providerId: provider.id, name: "Active client" });
    const alreadyOff = await createOrganization({ providerId: provider.id, name: "Off for its own reasons", enabled: false });
    const elsewhere = await createOrganization({ providerId: other.provider.id, name: "Other provider's client" });
    const params = { id: provider.id };

    await call(disableRoute, "POST", `/api/v1/admin/providers/${provider.id}/disable`, { as: staff, params });
    const state = async () =>
      Object.fromEntries(
        (await db.organization.findMany({ select: { name: true, enabled: true, disabledByProvider: true } })).map((o) => [o.name, [o.enabled, o.disabledByProvider]]),
      );
    expect(await state()).toEqual({
      "Active client": [false, true],
      "Off for its own reasons": [false, false],
      "Other provider's client": [true, false],
    });
    // The client's own owner loses the organization while its provider is disabled.
    await expect(organizationAccess(active.owner!, active.organization.id)).rejects.toMatchObject({ status: 403, code: "organization_disabled" });

    await call(enableRoute, "POST", `/api/v1/admin/providers/${provider.id}/enable`, { as: staff, params });
    expect(await state()).toEqual({
      "Active client": [true, false],
      "Off for its own reasons": [false, false],
      "Other provider's client": [true, false],
    });
    expect((await organizationAccess(active.owner!, active.organization.id)).roles).toContain("ORG_OWNER");
    await expect(organizationAccess(alreadyOff.owner!, alreadyOff.organization.id)).rejects.toMatchObject({ code: "organization_disabled" });
    expect((await organizationAccess(elsewhere.owner!, elsewhere.organization.id)).roles).toContain("ORG_OWNER");
  });

  it("logs PROVIDER_DISABLED / PROVIDER_ENABLED with the number of clients, and one event per client in the client's log", async () => {
    const { provider } = await createProvider({ name: "Logged MSP" });
    const client = await createOrganization({ providerId: provider.id, owner: null });
    const params = { id: provider.id };
    await call(disableRoute, "POST", `/api/v1/admin/providers/${provider.id}/disable`, { as: staff, params });
    await call(enableRoute, "POST", `/api/v1/admin/providers/${provider.id}/enable`, { as: staff, params });
    const [disabled] = await eventsOf("PROVIDER_DISABLED");
    const [enabled] = await eventsOf("PROVIDER_ENABLED");
    expect(disabled).toMatchObject({ actorUserId: staff.id, providerId: provider.id, targetId: provider.id, targetName: "Logged MSP", details: { clients: 1 } });
    expect(enabled).toMatchObject({ actorUserId: staff.id, providerId: provider.id, details: { clients: 1 } });
    expect(await eventsOf("ORGANIZATION_DISABLED")).toEqual([
      expect.objectContaining({ organizationId: client.organization.id, providerId: provider.id, details: { reason: "provider_disabled" } }),
    ]);
    expect(await eventsOf("ORGANIZATION_ENABLED")).toHaveLength(1);
  });

  it("is idempotent: disabling a disabled provider answers 200 and writes nothing", async () => {
    const { provider } = await createProvider({ enabled: false });
    const res = await call(disableRoute, "POST", `/api/v1/admin/providers/${provider.id}/disable`, { as: staff, params: { id: provider.id } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: provider.id, enabled: false, organizationsChanged: 0 });
    expect(await db.event.count()).toBe(0);
  });

  it("answers 404 for an unknown or malformed provider id", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "nope"]) {
      expect((await call(disableRoute, "POST", `/api/v1/admin/providers/${id}/disable`, { as: staff, params: { id } })).status).toBe(404);
    }
  });
});
