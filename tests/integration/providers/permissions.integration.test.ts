// Who may call each route added for provider onboarding and people: every role against every route,
// plus another tenant's ids (404) and no session (401). Each case starts from a fresh database.
import { describe, expect, it } from "vitest";
import * as adminProviders from "@/app/api/v1/admin/providers/route";
import * as reissue from "@/app/api/v1/admin/providers/[id]/setup-invitation/route";
import * as disable from "@/app/api/v1/admin/providers/[id]/disable/route";
import * as enable from "@/app/api/v1/admin/providers/[id]/enable/route";
import * as provider from "@/app/api/v1/providers/[id]/route";
import * as setup from "@/app/api/v1/providers/[id]/setup/route";
import * as users from "@/app/api/v1/providers/[id]/users/route";
import * as invite from "@/app/api/v1/providers/[id]/users/invite/route";
import * as bulkConfirm from "@/app/api/v1/providers/[id]/users/confirm/route";
import * as bulkReinvite from "@/app/api/v1/providers/[id]/users/reinvite/route";
import * as member from "@/app/api/v1/providers/[id]/users/[puId]/route";
import * as memberReinvite from "@/app/api/v1/providers/[id]/users/[puId]/reinvite/route";
import * as memberConfirm from "@/app/api/v1/providers/[id]/users/[puId]/confirm/route";
import * as memberAccept from "@/app/api/v1/providers/[id]/users/[puId]/accept/route";
import * as memberScope from "@/app/api/v1/providers/[id]/users/[puId]/scope/route";
import { hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import { createProvider, createUser, type TestUser } from "../support/factories";
import { call } from "../support/http";
import { providerWithCast } from "./helpers";

type Handler = Parameters<typeof call>[0];

async function world() {
  const a = await providerWithCast("Provider A");
  const b = await providerWithCast("Provider B");
  const staff = await createUser({ isStaff: true, name: "Sam Staff" });
  const outsider = await createUser({ name: "Olly Outsider" });
  const pending = await createProvider({ name: "Pending P", status: "PENDING", admin: null });
  const setupToken = "setup-token-for-permission-tests";
  await db.providerSetupInvitation.create({
    data: { providerId: pending.provider.id, email: "owner@pending.test", tokenHash: hashToken(setupToken), expiresAt: new Date(Date.now() + 3_600_000) },
  });
  const setupOwner = await createUser({ email: "owner@pending.test", name: "Pia Pending" });
  const inviteToken = "invite-token-for-permission-tests";
  await db.providerUser.update({ where: { id: a.invitedMembership.id }, data: { inviteTokenHash: hashToken(inviteToken), inviteExpiresAt: new Date(Date.now() + 3_600_000) } });
  const invitee = await createUser({ email: a.invitedMembership.email, name: "Ivy Invitee" });
  return { a, b, staff, outsider, pending: pending.provider, setupToken, setupOwner, inviteToken, invitee };
}
type World = Awaited<ReturnType<typeof world>>;

const ROLES = {
  staff: (w: World) => w.staff,
  "provider admin": (w: World) => w.a.admin,
  "service user": (w: World) => w.a.serviceUser,
  "unconfirmed member": (w: World) => w.a.accepted,
  outsider: (w: World) => w.outsider,
  "admin of another provider": (w: World) => w.b.admin,
  "signed out": () => null,
} as const satisfies Record<string, (w: World) => TestUser | null>;
type RoleName = keyof typeof ROLES;

interface RouteSpec {
  name: string;
  handler: Handler;
  method: string;
  params: (w: World) => Record<string, string>;
  body?: (w: World) => unknown;
  /** The same call by provider A's admin on provider A's path, naming provider B's sub-resource. */
  crossTenant?: { params: (w: World) => Record<string, string>; body?: (w: World) => unknown };
  expected: Record<RoleName, number>;
}

const STAFF_ONLY = (ok: number): Record<RoleName, number> => ({
  staff: ok,
  "provider admin": 403,
  "service user": 403,
  "unconfirmed member": 403,
  outsider: 403,
  "admin of another provider": 403,
  "signed out": 401,
});
const PROVIDER = (admin: number, serviceUser: number, staff: number): Record<RoleName, number> => ({
  staff,
  "provider admin": admin,
  "service user": serviceUser,
  "unconfirmed member": 403,
  outsider: 404,
  "admin of another provider": 404,
  "signed out": 401,
});

const A = (w: World) => ({ id: w.a.provider.id });
const ROUTES: RouteSpec[] = [
  { name: "GET /admin/providers", handler: adminProviders.GET, method: "GET", params: () => ({}), expected: STAFF_ONLY(200) },
  {
    name: "POST /admin/providers",
    handler: adminProviders.POST,
    method: "POST",
    params: () => ({}),
    body: () => ({ name: "New MSP", ownerEmail: "owner@new.test" }),
    expected: STAFF_ONLY(201),
  },
  {
    name: "POST /admin/providers/{id}/setup-invitation",
    handler: reissue.POST,
    method: "POST",
    params: (w) => ({ id: w.pending.id }),
    expected: STAFF_ONLY(200),
  },
  { name: "POST /admin/providers/{id}/disable", handler: disable.POST, method: "POST", params: A, expected: STAFF_ONLY(200) },
  { name: "POST /admin/providers/{id}/enable", handler: enable.POST, method: "POST", params: A, expected: STAFF_ONLY(200) },
  { name: "GET /providers/{id}", handler: provider.GET, method: "GET", params: A, expected: PROVIDER(200, 200, 200) },
  { name: "PATCH /providers/{id}", handler: provider.PATCH, method: "PATCH", params: A, body: () => ({ name: "Renamed" }), expected: PROVIDER(200, 403, 403) },
  { name: "GET /providers/{id}/users", handler: users.GET, method: "GET", params: A, expected: PROVIDER(200, 403, 403) },
  {
    name: "DELETE /providers/{id}/users",
    handler: users.DELETE,
    method: "DELETE",
    params: A,
    body: (w) => ({ ids: [w.a.invitedMembership.id] }),
    crossTenant: { params: A, body: (w) => ({ ids: [w.b.invitedMembership.id] }) },
    expected: PROVIDER(200, 403, 403),
  },
  {
    name: "POST /providers/{id}/users/invite",
    handler: invite.POST,
    method: "POST",
    params: A,
    body: () => ({ emails: ["new@example.test"], role: "SERVICE_USER" }),
    expected: PROVIDER(201, 403, 403),
  },
  {
    name: "POST /providers/{id}/users/confirm",
    handler: bulkConfirm.POST,
    method: "POST",
    params: A,
    body: (w) => ({ ids: [w.a.acceptedMembership.id] }),
    crossTenant: { params: A, body: (w) => ({ ids: [w.b.acceptedMembership.id] }) },
    expected: PROVIDER(200, 403, 403),
  },
  {
    name: "POST /providers/{id}/users/reinvite",
    handler: bulkReinvite.POST,
    method: "POST",
    params: A,
    body: (w) => ({ ids: [w.a.invitedMembership.id] }),
    crossTenant: { params: A, body: (w) => ({ ids: [w.b.invitedMembership.id] }) },
    expected: PROVIDER(200, 403, 403),
  },
  {
    name: "PATCH /providers/{id}/users/{puId}",
    handler: member.PATCH,
    method: "PATCH",
    params: (w) => ({ id: w.a.provider.id, puId: w.a.serviceMembership.id }),
    body: () => ({ role: "PROVIDER_ADMIN" }),
    crossTenant: { params: (w) => ({ id: w.a.provider.id, puId: w.b.serviceMembership.id }), body: () => ({ role: "PROVIDER_ADMIN" }) },
    expected: PROVIDER(200, 403, 403),
  },
  {
    name: "DELETE /providers/{id}/users/{puId}",
    handler: member.DELETE,
    method: "DELETE",
    params: (w) => ({ id: w.a.provider.id, puId: w.a.invitedMembership.id }),
    crossTenant: { params: (w) => ({ id: w.a.provider.id, puId: w.b.invitedMembership.id }) },
    expected: PROVIDER(200, 403, 403),
  },
  {
    name: "POST /providers/{id}/users/{puId}/reinvite",
    handler: memberReinvite.POST,
    method: "POST",
    params: (w) => ({ id: w.a.provider.id, puId: w.a.invitedMembership.id }),
    crossTenant: { params: (w) => ({ id: w.a.provider.id, puId: w.b.invitedMembership.id }) },
    expected: PROVIDER(200, 403, 403),
  },
  {
    name: "POST /providers/{id}/users/{puId}/confirm",
    handler: memberConfirm.POST,
    method: "POST",
    params: (w) => ({ id: w.a.provider.id, puId: w.a.acceptedMembership.id }),
    crossTenant: { params: (w) => ({ id: w.a.provider.id, puId: w.b.acceptedMembership.id }) },
    expected: PROVIDER(200, 403, 403),
  },
  {
    name: "GET /providers/{id}/users/{puId}/scope",
    handler: memberScope.GET,
    method: "GET",
    params: (w) => ({ id: w.a.provider.id, puId: w.a.serviceMembership.id }),
    crossTenant: { params: (w) => ({ id: w.a.provider.id, puId: w.b.serviceMembership.id }) },
    expected: PROVIDER(200, 403, 403),
  },
  {
    name: "PUT /providers/{id}/users/{puId}/scope",
    handler: memberScope.PUT,
    method: "PUT",
    params: (w) => ({ id: w.a.provider.id, puId: w.a.serviceMembership.id }),
    body: () => ({ clientScoped: true, organizationIds: [] }),
    crossTenant: { params: (w) => ({ id: w.a.provider.id, puId: w.b.serviceMembership.id }), body: () => ({ clientScoped: true, organizationIds: [] }) },
    expected: PROVIDER(200, 403, 403),
  },
];

const CASES = ROUTES.flatMap((route) => (Object.keys(ROLES) as RoleName[]).map((role) => [route.name, role, route.expected[role], route] as const));

describe("provider onboarding and people routes, by role", () => {
  it.each(CASES)("%s as %s → %i", async (_name, role, expected, route) => {
    const w = await world();
    const res = await call(route.handler, route.method, "/api/v1/test", { as: ROLES[role](w), params: route.params(w), body: route.body?.(w) });
    expect(res.status, JSON.stringify(res.body)).toBe(expected);
    if (expected >= 400) expect(res.body.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
  });

  it.each(ROUTES.filter((r) => r.crossTenant).map((r) => [r.name, r] as const))("%s naming another provider's member → 404, nothing changes", async (_name, route) => {
    const w = await world();
    const before = await db.providerUser.findMany({ orderBy: { id: "asc" } });
    const res = await call(route.handler, route.method, "/api/v1/test", { as: w.a.admin, params: route.crossTenant!.params(w), body: route.crossTenant!.body?.(w) });
    expect(res.status).toBe(404);
    expect(await db.providerUser.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it.each(ROUTES.filter((r) => r.name.includes("{id}")).map((r) => [r.name, r] as const))(
    "%s with an unknown provider id → 404 for whoever would be allowed",
    async (_name, route) => {
      const w = await world();
      const allowed = route.expected.staff < 400 ? w.staff : w.a.admin;
      const params = { ...route.params(w), id: "00000000-0000-4000-8000-000000000000" };
      const res = await call(route.handler, route.method, "/api/v1/test", { as: allowed, params, body: route.body?.(w) });
      expect(res.status).toBe(404);
    },
  );
});

describe("routes for the invited person", () => {
  const SETUP_ACTORS = {
    "the invited email": (w: World) => [w.setupOwner, 200],
    staff: (w: World) => [w.staff, 403],
    "a provider admin": (w: World) => [w.a.admin, 403],
    outsider: (w: World) => [w.outsider, 403],
    "signed out": () => [null, 401],
  } as const satisfies Record<string, (w: World) => readonly [TestUser | null, number]>;

  it.each(Object.keys(SETUP_ACTORS) as (keyof typeof SETUP_ACTORS)[])("POST /providers/{id}/setup as %s", async (who) => {
    const w = await world();
    const [as, expected] = SETUP_ACTORS[who](w);
    const res = await call(setup.POST, "POST", "/api/v1/test", {
      as,
      params: { id: w.pending.id },
      body: { token: w.setupToken, name: "Pending P", billingEmail: "billing@pending.test" },
    });
    expect(res.status).toBe(expected);
    expect((await db.provider.findUniqueOrThrow({ where: { id: w.pending.id } })).status).toBe(expected === 200 ? "ACTIVE" : "PENDING");
  });

  it("POST /providers/{id}/setup with another provider's id → 404 (unknown) or 410 (no such link there)", async () => {
    const w = await world();
    const body = { token: w.setupToken, name: "X", billingEmail: "billing@pending.test" };
    expect((await call(setup.POST, "POST", "/api/v1/test", { as: w.setupOwner, params: { id: "00000000-0000-4000-8000-000000000000" }, body })).status).toBe(404);
    expect((await call(setup.POST, "POST", "/api/v1/test", { as: w.setupOwner, params: { id: w.a.provider.id }, body })).status).toBe(410);
  });

  const ACCEPT_ACTORS = {
    "the invited email": (w: World) => [w.invitee, 200],
    staff: (w: World) => [w.staff, 403],
    "a provider admin": (w: World) => [w.a.admin, 403],
    "an admin of another provider": (w: World) => [w.b.admin, 403],
    outsider: (w: World) => [w.outsider, 403],
    "signed out": () => [null, 401],
  } as const satisfies Record<string, (w: World) => readonly [TestUser | null, number]>;

  it.each(Object.keys(ACCEPT_ACTORS) as (keyof typeof ACCEPT_ACTORS)[])("POST /providers/{id}/users/{puId}/accept as %s", async (who) => {
    const w = await world();
    const [as, expected] = ACCEPT_ACTORS[who](w);
    const res = await call(memberAccept.POST, "POST", "/api/v1/test", {
      as,
      params: { id: w.a.provider.id, puId: w.a.invitedMembership.id },
      body: { token: w.inviteToken },
    });
    expect(res.status).toBe(expected);
    expect((await db.providerUser.findUniqueOrThrow({ where: { id: w.a.invitedMembership.id } })).status).toBe(expected === 200 ? "ACCEPTED" : "INVITED");
  });

  it("POST /providers/{id}/users/{puId}/accept naming a member of another provider → 404", async () => {
    const w = await world();
    const res = await call(memberAccept.POST, "POST", "/api/v1/test", {
      as: w.invitee,
      params: { id: w.b.provider.id, puId: w.a.invitedMembership.id },
      body: { token: w.inviteToken },
    });
    expect(res.status).toBe(404);
  });
});
