// Client-scoped Service Users: a Provider Admin limits a Service User to assigned clients, and
// everything the member reaches through the provider is then limited to them — the client list and
// its totals, a client's detail and seat changes, the client's admin console, and API keys they
// created. Other clients answer 404 (as for someone with no relation to them).
import { describe, expect, it } from "vitest";
import { GET as orgMembersRoute } from "@/app/api/v1/organizations/[orgId]/members/route";
import { GET as orgRoute } from "@/app/api/v1/organizations/[orgId]/route";
import { GET as clientRoute, PATCH as clientPatchRoute } from "@/app/api/v1/providers/[id]/clients/[orgId]/route";
import { GET as clientsRoute } from "@/app/api/v1/providers/[id]/clients/route";
import { PATCH as changeRoleRoute } from "@/app/api/v1/providers/[id]/users/[puId]/route";
import { GET as getScopeRoute, PUT as putScopeRoute } from "@/app/api/v1/providers/[id]/users/[puId]/scope/route";
import { GET as usersRoute } from "@/app/api/v1/providers/[id]/users/route";
import { organizationAccess, providerAccess } from "@/lib/authz/context";
import { db, sql } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { clientPageQuery } from "@/lib/services/clients/list-clients";
import { seedClients } from "@/scripts/lib/bulk-clients";
import { createKey, keyWorld, withKey, type KeyWorld } from "../api-keys/support";
import { eventsOf } from "../support/events";
import { addProviderUser, createOrganization, createProvider, createUser, type TestUser } from "../support/factories";
import { call } from "../support/http";

const scopePath = (w: KeyWorld, puId: string) => `/api/v1/providers/${w.provider.id}/users/${puId}/scope`;

function putScope(w: KeyWorld, puId: string, body: unknown, as: TestUser = w.alice) {
  return call(putScopeRoute, "PUT", scopePath(w, puId), { as, params: { id: w.provider.id, puId }, body });
}

/** Sam (a Service User) limited to Contoso Dental; two more clients he is not assigned to. */
async function scopedWorld() {
  const w = await keyWorld();
  const { organization: fabrikam } = await createOrganization({ name: "Fabrikam Legal", providerId: w.provider.id, seats: 30 });
  const { organization: tailspin } = await createOrganization({ name: "Tailspin Toys", providerId: w.provider.id, seats: 5 });
  const res = await putScope(w, w.samMembership.id, { clientScoped: true, organizationIds: [w.client.id] });
  expect(res.status, res.text).toBe(200);
  return { ...w, fabrikam, tailspin };
}

describe("PUT …/users/{puId}/scope", () => {
  it("limits a Service User to the chosen clients and records one event in the same transaction", async () => {
    const w = await keyWorld();
    const { organization: fabrikam } = await createOrganization({ name: "Fabrikam Legal", providerId: w.provider.id });
    const res = await putScope(w, w.samMembership.id, { clientScoped: true, organizationIds: [w.client.id, fabrikam.id, w.client.id] });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ providerUserId: w.samMembership.id, role: "SERVICE_USER", clientScoped: true, clientCount: 2 });
    expect(await db.providerUser.findUniqueOrThrow({ where: { id: w.samMembership.id } })).toMatchObject({ clientScoped: true });
    expect((await db.providerUserClient.findMany({ where: { providerUserId: w.samMembership.id } })).map((r) => r.organizationId).sort()).toEqual(
      [w.client.id, fabrikam.id].sort(),
    );
    const [event] = await eventsOf("PROVIDER_USER_SCOPE_UPDATED");
    expect(event).toMatchObject({
      providerId: w.provider.id,
      actorUserId: w.alice.id,
      targetType: "PROVIDER_USER",
      targetId: w.samMembership.id,
      details: { clientScoped: true, added: 2, removed: 0, clients: 2 },
    });

    // Replacing the set: one added, one removed; then back to all clients.
    const { organization: tailspin } = await createOrganization({ name: "Tailspin Toys", providerId: w.provider.id });
    expect((await putScope(w, w.samMembership.id, { clientScoped: true, organizationIds: [w.client.id, tailspin.id] })).body.clientCount).toBe(2);
    const all = await putScope(w, w.samMembership.id, { clientScoped: false, organizationIds: [] });
    expect(all.body).toMatchObject({ clientScoped: false, clientCount: 0 });
    expect(await db.providerUserClient.count()).toBe(0);
    expect((await eventsOf("PROVIDER_USER_SCOPE_UPDATED")).map((e) => e.details)).toEqual([
      { clientScoped: true, added: 2, removed: 0, clients: 2 },
      { clientScoped: true, added: 1, removed: 1, clients: 2 },
      { clientScoped: false, added: 0, removed: 2, clients: 0 },
    ]);

    // The same scope again changes nothing and writes no event.
    expect((await putScope(w, w.samMembership.id, { clientScoped: false })).status).toBe(200);
    expect(await eventsOf("PROVIDER_USER_SCOPE_UPDATED")).toHaveLength(3);
  });

  it("refuses organizations that are not the provider's clients, naming them, and writes nothing", async () => {
    const w = await keyWorld();
    const { organization: stranger } = await createOrganization({ name: "Stranger Co" });
    const res = await putScope(w, w.samMembership.id, { clientScoped: true, organizationIds: [w.client.id, w.otherClient.id, stranger.id] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("not_provider_clients");
    expect(res.body.error.message).toContain(w.otherClient.id);
    expect(res.body.error.message).toContain(stranger.id);
    expect(res.body.error.message).not.toContain(w.client.id);
    expect(await db.providerUserClient.count()).toBe(0);
    expect(await db.providerUser.findUniqueOrThrow({ where: { id: w.samMembership.id } })).toMatchObject({ clientScoped: false });
    expect(await db.event.count()).toBe(0);
  });

  it("refuses to scope a Provider Admin (422) and rejects malformed bodies (400)", async () => {
    const w = await keyWorld();
    const admin = await putScope(w, w.bobMembership.id, { clientScoped: true, organizationIds: [w.client.id] });
    expect(admin.status).toBe(422);
    expect(admin.body.error.code).toBe("admin_not_scoped");
    expect(await db.providerUserClient.count()).toBe(0);
    for (const body of [{}, { clientScoped: "yes" }, { clientScoped: true, organizationIds: ["nope"] }, { clientScoped: false, organizationIds: [w.client.id] }]) {
      expect((await putScope(w, w.samMembership.id, body)).status).toBe(400);
    }
    expect(await db.event.count()).toBe(0);
  });

  it("another provider's member, or an unknown id, is a 404", async () => {
    const w = await keyWorld();
    const foreign = await db.providerUser.findFirstOrThrow({ where: { providerId: w.otherProvider.id } });
    expect((await putScope(w, foreign.id, { clientScoped: false })).status).toBe(404);
    expect((await putScope(w, "00000000-0000-4000-8000-000000000000", { clientScoped: false })).status).toBe(404);
  });

  it("GET returns the scope and a searchable, keyset-paged list of the assigned clients", async () => {
    const w = await scopedWorld();
    await putScope(w, w.samMembership.id, { clientScoped: true, organizationIds: [w.client.id, w.fabrikam.id, w.tailspin.id] });
    const get = (query: Record<string, string>) => call(getScopeRoute, "GET", scopePath(w, w.samMembership.id), { as: w.alice, params: { id: w.provider.id, puId: w.samMembership.id }, query });
    const first = await get({ limit: "2" });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ clientScoped: true, clientCount: 3, data: [{ name: "Contoso Dental" }, { name: "Fabrikam Legal" }] });
    const second = await get({ limit: "2", cursor: first.body.nextCursor });
    expect(second.body.data).toEqual([{ id: w.tailspin.id, name: "Tailspin Toys" }]);
    expect(second.body.nextCursor).toBeNull();
    expect((await get({ q: "fab" })).body.data.map((c: { name: string }) => c.name)).toEqual(["Fabrikam Legal"]);
    const admin = await call(getScopeRoute, "GET", scopePath(w, w.bobMembership.id), { as: w.alice, params: { id: w.provider.id, puId: w.bobMembership.id } });
    expect(admin.body).toMatchObject({ role: "PROVIDER_ADMIN", clientScoped: false, clientCount: 0, data: [] });
  });

  it("the people list shows each member's client access", async () => {
    const w = await scopedWorld();
    const res = await call(usersRoute, "GET", `/api/v1/providers/${w.provider.id}/users`, { as: w.alice, params: { id: w.provider.id } });
    const byId = Object.fromEntries(res.body.data.map((m: { id: string; clientAccess: unknown }) => [m.id, m.clientAccess]));
    expect(byId[w.samMembership.id]).toEqual({ scoped: true, clients: 1 });
    expect(byId[w.aliceMembership.id]).toEqual({ scoped: false, clients: 0 });
  });
});

describe("what a client-scoped Service User reaches", () => {
  it("the client list shows only their clients, with totals over those", async () => {
    const w = await scopedWorld();
    const res = await call(clientsRoute, "GET", `/api/v1/providers/${w.provider.id}/clients`, { as: w.sam, params: { id: w.provider.id } });
    expect(res.status).toBe(200);
    expect(res.body.data.map((c: { id: string }) => c.id)).toEqual([w.client.id]);
    expect(res.body.totals).toEqual({ clients: 1, seats: 10, occupiedSeats: 1 });
    // Sorting, searching and paging keep to the scope.
    await putScope(w, w.samMembership.id, { clientScoped: true, organizationIds: [w.client.id, w.tailspin.id] });
    const bySeats = await call(clientsRoute, "GET", `/api/v1/providers/${w.provider.id}/clients`, { as: w.sam, params: { id: w.provider.id }, query: { sort: "seats", limit: "1" } });
    expect(bySeats.body.data.map((c: { name: string }) => c.name)).toEqual(["Contoso Dental"]);
    const next = await call(clientsRoute, "GET", `/api/v1/providers/${w.provider.id}/clients`, {
      as: w.sam,
      params: { id: w.provider.id },
      query: { sort: "seats", limit: "1", cursor: bySeats.body.nextCursor },
    });
    expect(next.body.data.map((c: { name: string }) => c.name)).toEqual(["Tailspin Toys"]);
    expect(next.body.nextCursor).toBeNull();
    const search = await call(clientsRoute, "GET", `/api/v1/providers/${w.provider.id}/clients`, { as: w.sam, params: { id: w.provider.id }, query: { q: "fabrikam" } });
    expect(search.body.data).toEqual([]);
    // The admin still sees everything.
    const admin = await call(clientsRoute, "GET", `/api/v1/providers/${w.provider.id}/clients`, { as: w.alice, params: { id: w.provider.id } });
    expect(admin.body.totals.clients).toBe(3);
  });

  it("a client's detail and seat changes answer 404 outside the scope", async () => {
    const w = await scopedWorld();
    const detail = (orgId: string) => call(clientRoute, "GET", `/api/v1/providers/${w.provider.id}/clients/${orgId}`, { as: w.sam, params: { id: w.provider.id, orgId } });
    expect((await detail(w.client.id)).status).toBe(200);
    expect((await detail(w.fabrikam.id)).status).toBe(404);
    const patch = await call(clientPatchRoute, "PATCH", `/api/v1/providers/${w.provider.id}/clients/${w.fabrikam.id}`, {
      as: w.sam,
      params: { id: w.provider.id, orgId: w.fabrikam.id },
      body: { seats: 29 },
    });
    expect(patch.status).toBe(404);
    expect((await db.organization.findUniqueOrThrow({ where: { id: w.fabrikam.id } })).seats).toBe(30);
  });

  it("the admin console of an unassigned client answers 404, the assigned one works", async () => {
    const w = await scopedWorld();
    const console = (orgId: string) => call(orgRoute, "GET", `/api/v1/organizations/${orgId}`, { as: w.sam, params: { orgId } });
    expect((await console(w.client.id)).status).toBe(200);
    expect((await console(w.fabrikam.id)).status).toBe(404);
    const members = await call(orgMembersRoute, "GET", `/api/v1/organizations/${w.tailspin.id}/members`, { as: w.sam, params: { orgId: w.tailspin.id } });
    expect(members.status).toBe(404);
    await expect(organizationAccess(w.sam, w.fabrikam.id)).rejects.toMatchObject({ status: 404 });
  });

  it("API keys the scoped member created stay within the scope", async () => {
    const w = await keyWorld();
    // Alice creates a Service User key, is demoted to Service User, then limited to Contoso Dental.
    const key = await createKey(w.provider.id, w.alice, "SERVICE_USER");
    await call(changeRoleRoute, "PATCH", `/api/v1/providers/${w.provider.id}/users/${w.aliceMembership.id}`, {
      as: w.bob,
      params: { id: w.provider.id, puId: w.aliceMembership.id },
      body: { role: "SERVICE_USER" },
    });
    const { organization: fabrikam } = await createOrganization({ name: "Fabrikam Legal", providerId: w.provider.id });
    expect((await putScope(w, w.aliceMembership.id, { clientScoped: true, organizationIds: [w.client.id] }, w.bob)).status).toBe(200);
    const list = await withKey(clientsRoute, "GET", `/api/v1/providers/${w.provider.id}/clients`, key.secret, { params: { id: w.provider.id } });
    expect(list.status).toBe(200);
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([w.client.id]);
    expect(list.body.totals.clients).toBe(1);
    expect((await withKey(clientRoute, "GET", `/api/v1/providers/${w.provider.id}/clients/${fabrikam.id}`, key.secret, { params: { id: w.provider.id, orgId: fabrikam.id } })).status).toBe(404);
    expect((await withKey(orgRoute, "GET", `/api/v1/organizations/${fabrikam.id}`, key.secret, { params: { orgId: fabrikam.id } })).status).toBe(404);
    expect((await withKey(orgRoute, "GET", `/api/v1/organizations/${w.client.id}`, key.secret, { params: { orgId: w.client.id } })).status).toBe(200);
  });

  it("promoting a scoped Service User to Provider Admin clears the scope, in the same transaction as its event", async () => {
    const w = await scopedWorld();
    const res = await call(changeRoleRoute, "PATCH", `/api/v1/providers/${w.provider.id}/users/${w.samMembership.id}`, {
      as: w.alice,
      params: { id: w.provider.id, puId: w.samMembership.id },
      body: { role: "PROVIDER_ADMIN" },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.clientAccess).toEqual({ scoped: false, clients: 0 });
    expect(await db.providerUser.findUniqueOrThrow({ where: { id: w.samMembership.id } })).toMatchObject({ role: "PROVIDER_ADMIN", clientScoped: false });
    expect(await db.providerUserClient.count()).toBe(0);
    const [event] = await eventsOf("PROVIDER_USER_UPDATED");
    expect(event!.details).toEqual({ oldRole: "SERVICE_USER", newRole: "PROVIDER_ADMIN", status: "CONFIRMED", clientScopeCleared: true });
    const list = await call(clientsRoute, "GET", `/api/v1/providers/${w.provider.id}/clients`, { as: w.sam, params: { id: w.provider.id } });
    expect(list.body.totals.clients).toBe(3);
  });

  it("a stale scope flag on a Provider Admin never limits them", async () => {
    const w = await keyWorld();
    await db.providerUser.update({ where: { id: w.bobMembership.id }, data: { clientScoped: true } });
    expect((await organizationAccess(w.bob, w.client.id)).roles).toContain("PROVIDER_ADMIN");
    const access = await providerAccess(w.bob, w.provider.id);
    expect(access.membership).toMatchObject({ clientScoped: true, role: "PROVIDER_ADMIN" });
    const list = await call(clientsRoute, "GET", `/api/v1/providers/${w.provider.id}/clients`, { as: w.bob, params: { id: w.provider.id } });
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([w.client.id]);
    const key = await createKey(w.provider.id, w.bob, "PROVIDER_ADMIN");
    expect((await withKey(orgRoute, "GET", `/api/v1/organizations/${w.client.id}`, key.secret, { params: { orgId: w.client.id } })).status).toBe(200);
  });
});

describe("query plan of a scoped client list", () => {
  interface PlanNode {
    "Node Type": string;
    "Relation Name"?: string;
    "Index Name"?: string;
    Plans?: PlanNode[];
  }
  const flatten = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(flatten)];

  it("starts from the member's assignments, never reading the provider's other clients", async () => {
    const { provider } = await createProvider({ name: "Big MSP" });
    await seedClients(sql(), { providerId: provider.id, count: 20_000, batchSize: 5000, seed: 7, membersEvery: 5000 });
    const sam = await createUser({ name: "Sam Scoped" });
    const membership = await addProviderUser(provider.id, sam, "SERVICE_USER", "CONFIRMED");
    const some = await db.organization.findMany({ where: { providerId: provider.id }, select: { id: true }, take: 3, orderBy: { createdAt: "desc" } });
    await db.providerUser.update({ where: { id: membership.id }, data: { clientScoped: true, clients: { createMany: { data: some.map((o) => ({ organizationId: o.id })) } } } });
    // Another Service User with 10,000 assignments, so the assignments table is not trivially small.
    const busy = await addProviderUser(provider.id, await createUser({ name: "Busy Bee" }), "SERVICE_USER", "CONFIRMED");
    await db.$executeRaw`INSERT INTO provider_user_clients (provider_user_id, organization_id)
      SELECT ${busy.id}::uuid, id FROM organizations WHERE provider_id = ${provider.id}::uuid ORDER BY id LIMIT 10000`;
    await sql().exec("ANALYZE organizations; ANALYZE provider_user_clients");
    for (const sort of ["name", "seats", "created"] as const) {
      const query = clientPageQuery({ providerId: provider.id, scope: membership.id, sort, order: "asc", limit: 50 });
      const rows = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] | string }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${query}`);
      const raw = rows[0]!["QUERY PLAN"];
      const nodes = flatten(((typeof raw === "string" ? JSON.parse(raw) : raw) as [{ Plan: PlanNode }])[0].Plan);
      expect(nodes.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "organizations"), JSON.stringify(nodes)).toEqual([]);
      expect(nodes.filter((n) => n["Node Type"] === "Seq Scan"), JSON.stringify(nodes)).toEqual([]);
      expect(nodes.some((n) => n["Relation Name"] === "provider_user_clients"), JSON.stringify(nodes)).toBe(true);
      expect(nodes.some((n) => n["Index Name"] === "organizations_pkey"), JSON.stringify(nodes)).toBe(true);
      expect((await db.$queryRaw<unknown[]>(query)).length).toBe(3);
    }
  });
});
