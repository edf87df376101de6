// Who may use each client route: every role against every route, through the real wrapper.
import { describe, expect, it } from "vitest";
import { DELETE as removeRoute, GET as getClientRoute, PATCH as patchRoute } from "@/app/api/v1/providers/[id]/clients/[orgId]/route";
import { GET as addableRoute } from "@/app/api/v1/providers/[id]/clients/addable/route";
import { POST as existingRoute } from "@/app/api/v1/providers/[id]/clients/existing/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/providers/[id]/clients/route";
import { organizationAccess } from "@/lib/authz/context";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { createOrganization } from "../support/factories";
import { call } from "../support/http";
import { clientWorld, newClientBody, type ClientWorld } from "./world";

type Who = "admin" | "serviceUser" | "pending" | "otherAdmin" | "clientOwner" | "outsider" | "staff" | "signedOut";
type Handler = Parameters<typeof call>[0];

interface RouteCase {
  route: string;
  handler: Handler;
  method: string;
  path: (w: ClientWorld) => string;
  params: (w: ClientWorld) => Record<string, string>;
  body?: (w: ClientWorld) => Promise<unknown> | unknown;
  expected: Record<Who, number>;
}

const clientPath = (w: ClientWorld) => `/api/v1/providers/${w.provider.id}/clients/${w.client.id}`;
const clientParams = (w: ClientWorld) => ({ id: w.provider.id, orgId: w.client.id });
const providerParams = (w: ClientWorld) => ({ id: w.provider.id });
/** Members of the provider get 403 for what their role lacks; everyone else never learns it exists. */
const adminOnly = { admin: 200, serviceUser: 403, pending: 403, otherAdmin: 404, clientOwner: 404, outsider: 404, staff: 403, signedOut: 401 };
const anyMember = { ...adminOnly, serviceUser: 200 };

const ROUTES: RouteCase[] = [
  { route: "GET clients", handler: listRoute, method: "GET", path: (w) => `/api/v1/providers/${w.provider.id}/clients`, params: providerParams, expected: anyMember },
  {
    route: "POST clients",
    handler: createRoute,
    method: "POST",
    path: (w) => `/api/v1/providers/${w.provider.id}/clients`,
    params: providerParams,
    body: () => newClientBody(),
    expected: { ...adminOnly, admin: 201 },
  },
  { route: "GET clients/addable", handler: addableRoute, method: "GET", path: (w) => `/api/v1/providers/${w.provider.id}/clients/addable`, params: providerParams, expected: adminOnly },
  {
    route: "POST clients/existing",
    handler: existingRoute,
    method: "POST",
    path: (w) => `/api/v1/providers/${w.provider.id}/clients/existing`,
    params: providerParams,
    body: async (w) => ({ organizationId: (await createOrganization({ name: "Admin's Own", owner: w.admin })).organization.id }),
    expected: { ...adminOnly, admin: 201 },
  },
  { route: "GET clients/{orgId}", handler: getClientRoute, method: "GET", path: clientPath, params: clientParams, expected: anyMember },
  { route: "PATCH clients/{orgId} seats", handler: patchRoute, method: "PATCH", path: clientPath, params: clientParams, body: () => ({ seats: 8 }), expected: anyMember },
  { route: "PATCH clients/{orgId} name", handler: patchRoute, method: "PATCH", path: clientPath, params: clientParams, body: () => ({ name: "Renamed" }), expected: adminOnly },
  { route: "DELETE clients/{orgId}", handler: removeRoute, method: "DELETE", path: clientPath, params: clientParams, expected: adminOnly },
];

const WHO: Who[] = ["admin", "serviceUser", "pending", "otherAdmin", "clientOwner", "outsider", "staff", "signedOut"];
const cases = ROUTES.flatMap((route) => WHO.map((who) => ({ ...route, who, status: route.expected[who] })));

describe("client routes: permission table", () => {
  it.each(cases)("$route as $who → $status", async ({ handler, method, path, params, body, who, status }) => {
    const w = await clientWorld();
    const as = who === "signedOut" ? null : w[who];
    const res = await call(handler, method, path(w), { as, params: params(w), body: body ? await body(w) : undefined });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status >= 400) expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });
});

describe("another tenant's ids", () => {
  const crossTenant = ROUTES.filter((r) => r.route.includes("{orgId}"));
  it.each(crossTenant)("$route with another provider's client → 404, and that client is untouched", async ({ handler, method, body }) => {
    const w = await clientWorld();
    const res = await call(handler, method, `/api/v1/providers/${w.provider.id}/clients/${w.otherClient.id}`, {
      as: w.admin,
      params: { id: w.provider.id, orgId: w.otherClient.id },
      body: body ? await body(w) : undefined,
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
    const after = await db.organization.findUniqueOrThrow({ where: { id: w.otherClient.id } });
    expect(after).toMatchObject({ providerId: w.otherProvider.id, seats: w.otherClient.seats, name: w.otherClient.name });
    expect(await db.event.count()).toBe(0);
  });

  it.each(["not-a-uuid", "00000000-0000-4000-8000-000000000000"])("an unknown client id %s → 404", async (orgId) => {
    const w = await clientWorld();
    for (const [handler, method, body] of [
      [getClientRoute, "GET", undefined],
      [patchRoute, "PATCH", { seats: 5 }],
      [removeRoute, "DELETE", undefined],
    ] as const) {
      const res = await call(handler, method, `/api/v1/providers/${w.provider.id}/clients/${orgId}`, { as: w.admin, params: { id: w.provider.id, orgId }, body });
      expect(res.status).toBe(404);
    }
  });

  it("adding an organization the admin has no relation to → 404 (it is not revealed)", async () => {
    const w = await clientWorld();
    const { organization } = await createOrganization({ name: "Stranger Co" });
    const res = await call(existingRoute, "POST", `/api/v1/providers/${w.provider.id}/clients/existing`, {
      as: w.admin,
      params: { id: w.provider.id },
      body: { organizationId: organization.id },
    });
    expect(res.status).toBe(404);
  });
});

describe("a client organization's own owner who is not a provider member", () => {
  it("sees the organization but not its billing, and none of the provider's routes or other clients", async () => {
    const w = await clientWorld();
    const access = await organizationAccess(w.clientOwner, w.client.id);
    expect(access.roles).toEqual(["ORG_OWNER"]);
    expect(can(access.roles, "org.read")).toBe(true);
    expect(can(access.roles, "org.billing.read")).toBe(false);
    await expect(organizationAccess(w.clientOwner, w.otherClient.id)).rejects.toMatchObject({ status: 404 });
    const list = await call(listRoute, "GET", `/api/v1/providers/${w.provider.id}/clients`, { as: w.clientOwner, params: { id: w.provider.id } });
    expect(list.status).toBe(404);
    const detail = await call(getClientRoute, "GET", clientPath(w), { as: w.clientOwner, params: clientParams(w) });
    expect(detail.status).toBe(404);
  });
});
