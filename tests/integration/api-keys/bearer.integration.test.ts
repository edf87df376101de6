// `Authorization: Bearer pp_…` through the real route wrapper: a key reaches its own provider's routes
// and the organizations that provider manages, nothing else; it never gains the rights of a session
// cookie sent with it; it needs no CSRF check; events it causes name the key.
import { describe, expect, it } from "vitest";
import { GET as adminProvidersRoute } from "@/app/api/v1/admin/providers/route";
import { GET as openapiRoute } from "@/app/api/v1/openapi.json/route";
import { GET as itemsRoute } from "@/app/api/v1/organizations/[orgId]/items/route";
import { GET as membersRoute, POST as inviteMembersRoute } from "@/app/api/v1/organizations/[orgId]/members/route";
import { GET as orgRoute, PATCH as patchOrgRoute } from "@/app/api/v1/organizations/[orgId]/route";
import { POST as passwordRoute } from "@/app/api/v1/me/password/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { DELETE as revokeKeyRoute } from "@/app/api/v1/providers/[id]/api-keys/[keyId]/route";
import { GET as listKeysRoute, POST as createKeyRoute } from "@/app/api/v1/providers/[id]/api-keys/route";
import { GET as addableRoute } from "@/app/api/v1/providers/[id]/clients/addable/route";
import { POST as existingRoute } from "@/app/api/v1/providers/[id]/clients/existing/route";
import { GET as clientsRoute, POST as createClientRoute } from "@/app/api/v1/providers/[id]/clients/route";
import { GET as providerRoute, PATCH as patchProviderRoute } from "@/app/api/v1/providers/[id]/route";
import { POST as acceptRoute } from "@/app/api/v1/providers/[id]/users/[puId]/accept/route";
import { db } from "@/lib/db/client";
import { eventsOf } from "../support/events";
import { createOrganization } from "../support/factories";
import { call } from "../support/http";
import { newClientBody } from "../clients/world";
import { createKey, keyWorld, withKey, type KeyWorld } from "./support";

type Handler = Parameters<typeof call>[0];

interface ScopeCase {
  name: string;
  handler: Handler;
  method: string;
  path: (w: KeyWorld) => string;
  params: (w: KeyWorld) => Record<string, string>;
  body?: (w: KeyWorld) => unknown;
  /** Status for a Provider Admin key and a Service User key (and the error code, when refused). */
  admin: number | [number, string];
  service: number | [number, string];
}

const P = (w: KeyWorld) => ({ id: w.provider.id });
const O = (w: KeyWorld, org: "client" | "otherClient" | "alicesOwn") => ({ orgId: w[org].id });
const NOT_FOR_KEYS: [number, string] = [403, "api_key_not_allowed"];

const CASES: ScopeCase[] = [
  { name: "GET its provider", handler: providerRoute, method: "GET", path: (w) => `/api/v1/providers/${w.provider.id}`, params: P, admin: 200, service: 200 },
  { name: "GET its provider's clients", handler: clientsRoute, method: "GET", path: (w) => `/api/v1/providers/${w.provider.id}/clients`, params: P, admin: 200, service: 200 },
  {
    name: "PATCH its provider (admin only)",
    handler: patchProviderRoute,
    method: "PATCH",
    path: (w) => `/api/v1/providers/${w.provider.id}`,
    params: P,
    body: () => ({ name: "Renamed by key" }),
    admin: 200,
    service: 403,
  },
  {
    name: "POST a client",
    handler: createClientRoute,
    method: "POST",
    path: (w) => `/api/v1/providers/${w.provider.id}/clients`,
    params: P,
    body: () => newClientBody(),
    admin: 201,
    service: 403,
  },
  {
    name: "GET another provider",
    handler: providerRoute,
    method: "GET",
    path: (w) => `/api/v1/providers/${w.otherProvider.id}`,
    params: (w) => ({ id: w.otherProvider.id }),
    admin: [404, "not_found"],
    service: [404, "not_found"],
  },
  {
    name: "GET another provider's clients",
    handler: clientsRoute,
    method: "GET",
    path: (w) => `/api/v1/providers/${w.otherProvider.id}/clients`,
    params: (w) => ({ id: w.otherProvider.id }),
    admin: [404, "not_found"],
    service: [404, "not_found"],
  },
  { name: "GET a managed organization", handler: orgRoute, method: "GET", path: (w) => `/api/v1/organizations/${w.client.id}`, params: (w) => O(w, "client"), admin: 200, service: 200 },
  {
    name: "GET a managed organization's members",
    handler: membersRoute,
    method: "GET",
    path: (w) => `/api/v1/organizations/${w.client.id}/members`,
    params: (w) => O(w, "client"),
    admin: 200,
    service: 200,
  },
  {
    name: "POST members into a managed organization",
    handler: inviteMembersRoute,
    method: "POST",
    path: (w) => `/api/v1/organizations/${w.client.id}/members`,
    params: (w) => O(w, "client"),
    body: () => ({ emails: ["new.person@contoso.test"], role: "USER" }),
    admin: 201,
    service: 201,
  },
  {
    name: "GET a managed organization's credentials",
    handler: itemsRoute,
    method: "GET",
    path: (w) => `/api/v1/organizations/${w.client.id}/items`,
    params: (w) => O(w, "client"),
    admin: 403,
    service: 403,
  },
  {
    name: "GET another provider's client organization",
    handler: orgRoute,
    method: "GET",
    path: (w) => `/api/v1/organizations/${w.otherClient.id}`,
    params: (w) => O(w, "otherClient"),
    admin: [404, "not_found"],
    service: [404, "not_found"],
  },
  {
    name: "GET an unmanaged organization the creator owns",
    handler: orgRoute,
    method: "GET",
    path: (w) => `/api/v1/organizations/${w.alicesOwn.id}`,
    params: (w) => O(w, "alicesOwn"),
    admin: [404, "not_found"],
    service: [404, "not_found"],
  },
  { name: "GET /me", handler: meRoute, method: "GET", path: () => "/api/v1/me", params: () => ({}), admin: NOT_FOR_KEYS, service: NOT_FOR_KEYS },
  {
    name: "POST /me/password",
    handler: passwordRoute,
    method: "POST",
    path: () => "/api/v1/me/password",
    params: () => ({}),
    body: () => ({ currentPassword: "whatever-it-is-1", newPassword: "Another-Long-Password-9" }),
    admin: NOT_FOR_KEYS,
    service: NOT_FOR_KEYS,
  },
  {
    name: "POST an invitation acceptance",
    handler: acceptRoute,
    method: "POST",
    path: (w) => `/api/v1/providers/${w.provider.id}/users/${w.samMembership.id}/accept`,
    params: (w) => ({ id: w.provider.id, puId: w.samMembership.id }),
    body: () => ({ token: "x" }),
    admin: NOT_FOR_KEYS,
    service: NOT_FOR_KEYS,
  },
  { name: "GET /admin/providers", handler: adminProvidersRoute, method: "GET", path: () => "/api/v1/admin/providers", params: () => ({}), admin: NOT_FOR_KEYS, service: NOT_FOR_KEYS },
  { name: "GET its provider's API keys", handler: listKeysRoute, method: "GET", path: (w) => `/api/v1/providers/${w.provider.id}/api-keys`, params: P, admin: NOT_FOR_KEYS, service: NOT_FOR_KEYS },
  {
    name: "POST a new API key",
    handler: createKeyRoute,
    method: "POST",
    path: (w) => `/api/v1/providers/${w.provider.id}/api-keys`,
    params: P,
    body: () => ({ name: "Minted by a key", role: "PROVIDER_ADMIN" }),
    admin: NOT_FOR_KEYS,
    service: NOT_FOR_KEYS,
  },
  {
    name: "GET organizations the creator could add",
    handler: addableRoute,
    method: "GET",
    path: (w) => `/api/v1/providers/${w.provider.id}/clients/addable`,
    params: P,
    admin: NOT_FOR_KEYS,
    service: NOT_FOR_KEYS,
  },
  {
    name: "POST an existing organization the creator owns",
    handler: existingRoute,
    method: "POST",
    path: (w) => `/api/v1/providers/${w.provider.id}/clients/existing`,
    params: P,
    body: (w) => ({ organizationId: w.alicesOwn.id }),
    admin: NOT_FOR_KEYS,
    service: NOT_FOR_KEYS,
  },
];

const KEY_ROLES = [
  ["Provider Admin", "PROVIDER_ADMIN", "admin"],
  ["Service User", "SERVICE_USER", "service"],
] as const;

describe("what an API key reaches", () => {
  const cases = CASES.flatMap((c) => KEY_ROLES.map(([label, role, column]) => ({ ...c, label, role, expected: c[column] })));
  it.each(cases)("$label key: $name → $expected", async ({ handler, method, path, params, body, role, expected }) => {
    const w = await keyWorld();
    const key = await createKey(w.provider.id, w.alice, role);
    const res = await withKey(handler, method, path(w), key.secret, { params: params(w), body: body?.(w) });
    const [status, code] = Array.isArray(expected) ? expected : [expected, undefined];
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (code) expect(res.body.error.code).toBe(code);
  });

  it("never gains its creator's staff rights", async () => {
    const w = await keyWorld();
    await db.user.update({ where: { id: w.alice.id }, data: { isStaff: true } });
    const key = await createKey(w.provider.id, w.alice);
    expect((await withKey(providerRoute, "GET", `/api/v1/providers/${w.otherProvider.id}`, key.secret, { params: { id: w.otherProvider.id } })).status).toBe(404);
    expect((await withKey(adminProvidersRoute, "GET", "/api/v1/admin/providers", key.secret)).status).toBe(403);
  });

  it("stays within its creator's client scope", async () => {
    const w = await keyWorld();
    const key = await createKey(w.provider.id, w.alice, "SERVICE_USER");
    const { organization: second } = await createOrganization({ name: "Second Client", providerId: w.provider.id });
    await db.providerUser.update({
      where: { id: w.aliceMembership.id },
      data: { role: "SERVICE_USER", clientScoped: true, clients: { create: { organizationId: w.client.id } } },
    });
    expect((await withKey(orgRoute, "GET", `/api/v1/organizations/${w.client.id}`, key.secret, { params: { orgId: w.client.id } })).status).toBe(200);
    expect((await withKey(orgRoute, "GET", `/api/v1/organizations/${second.id}`, key.secret, { params: { orgId: second.id } })).status).toBe(404);
  });
});

describe("authentication errors", () => {
  it.each([
    ["a malformed key", "Bearer not-a-key", "invalid_api_key"],
    ["an unknown key", `Bearer pp_0123abcd_${"A".repeat(43)}`, "invalid_api_key"],
    ["an empty Bearer header", "Bearer", "invalid_api_key"],
  ])("%s → 401 %s", async (_name, authorization, code) => {
    const w = await keyWorld();
    const res = await call(clientsRoute, "GET", `/api/v1/providers/${w.provider.id}/clients`, { params: P(w), headers: { authorization } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe(code);
    expect(res.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
  });

  it("ignores other Authorization schemes (a protecting proxy's Basic auth) and uses the session", async () => {
    const w = await keyWorld();
    const res = await call(meRoute, "GET", "/api/v1/me", { as: w.alice, headers: { authorization: "Basic dXNlcjpwYXNz" } });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(w.alice.id);
  });

  it("leaves public routes public: a bearer header is ignored there", async () => {
    const res = await call(openapiRoute, "GET", "/api/v1/openapi.json", { headers: { authorization: "Bearer not-a-key" } });
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
  });
});

describe("a bearer request with a session cookie", () => {
  it("acts with the key's rights only: a Service User key with an admin's cookie cannot change the provider", async () => {
    const w = await keyWorld();
    const key = await createKey(w.provider.id, w.alice, "SERVICE_USER");
    const res = await withKey(patchProviderRoute, "PATCH", `/api/v1/providers/${w.provider.id}`, key.secret, { as: w.alice, params: P(w), body: { name: "Cookie wins?" } });
    expect(res.status).toBe(403);
    expect((await db.provider.findUniqueOrThrow({ where: { id: w.provider.id } })).name).toBe("Northwind IT");
  });

  it("does not reach what only the cookie could: another provider's key with this provider's admin cookie → 404", async () => {
    const w = await keyWorld();
    const otherKey = await createKey(w.otherProvider.id, w.otherAdmin);
    const res = await withKey(providerRoute, "GET", `/api/v1/providers/${w.provider.id}`, otherKey.secret, { as: w.alice, params: P(w) });
    expect(res.status).toBe(404);
    const staffCookie = await withKey(meRoute, "GET", "/api/v1/me", otherKey.secret, { as: w.staff });
    expect(staffCookie.status).toBe(403);
  });

  it("does not fall back to the cookie when the key is wrong", async () => {
    const w = await keyWorld();
    const res = await call(clientsRoute, "GET", `/api/v1/providers/${w.provider.id}/clients`, { as: w.alice, params: P(w), headers: { authorization: `Bearer pp_0123abcd_${"B".repeat(43)}` } });
    expect(res.status).toBe(401);
  });
});

describe("CSRF", () => {
  it("does not apply to bearer requests (they carry no cookies), and still guards cookie writes", async () => {
    const w = await keyWorld();
    const key = await createKey(w.provider.id, w.alice);
    const foreign = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
    const byKey = await withKey(patchProviderRoute, "PATCH", `/api/v1/providers/${w.provider.id}`, key.secret, { params: P(w), body: { name: "Renamed by script" }, headers: foreign });
    expect(byKey.status, JSON.stringify(byKey.body)).toBe(200);
    const byCookie = await call(patchProviderRoute, "PATCH", `/api/v1/providers/${w.provider.id}`, { as: w.alice, params: P(w), body: { name: "Renamed cross-site" }, headers: foreign });
    expect(byCookie.status).toBe(403);
    expect(byCookie.body.error.code).toBe("csrf_failed");
  });
});

describe("events written by key-authenticated calls", () => {
  it("name the key and its creator, carry the key's id and prefix, and act for the provider inside a client", async () => {
    const w = await keyWorld();
    const key = await createKey(w.provider.id, w.alice, "SERVICE_USER", "PSA sync");
    const res = await withKey(patchOrgRoute, "PATCH", `/api/v1/organizations/${w.client.id}`, key.secret, { params: O(w, "client"), body: { name: "Contoso Dental Group" } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [event] = await eventsOf("ORGANIZATION_UPDATED");
    expect(event).toMatchObject({
      actorName: "API key “PSA sync” (created by Alice Admin)",
      actorUserId: w.alice.id,
      actorEmail: w.alice.email,
      actingProviderId: w.provider.id,
      providerId: w.provider.id,
      organizationId: w.client.id,
      details: { apiKeyId: key.id, apiKeyPrefix: key.prefix, before: { name: "Contoso Dental" }, after: { name: "Contoso Dental Group" } },
    });
  });

  it("mark every event of a multi-event action, and never contain the secret", async () => {
    const w = await keyWorld();
    const key = await createKey(w.provider.id, w.alice, "PROVIDER_ADMIN", "RMM");
    const res = await withKey(createClientRoute, "POST", `/api/v1/providers/${w.provider.id}/clients`, key.secret, { params: P(w), body: newClientBody() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const byKey = (await eventsOf()).filter((e) => e.type !== "PROVIDER_API_KEY_CREATED");
    expect(byKey.map((e) => e.type)).toEqual(expect.arrayContaining(["PROVIDER_ORGANIZATION_CREATED", "MEMBER_INVITED", "COLLECTION_CREATED"]));
    for (const event of byKey) {
      expect(event.actorName).toBe("API key “RMM” (created by Alice Admin)");
      expect(event.details).toMatchObject({ apiKeyId: key.id });
    }
    const all = JSON.stringify(await eventsOf(), (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(all).not.toContain(key.secret.slice(12));
  });

  it("are not written by revoking with a key: keys cannot revoke keys", async () => {
    const w = await keyWorld();
    const key = await createKey(w.provider.id, w.alice);
    const res = await withKey(revokeKeyRoute, "DELETE", `/api/v1/providers/${w.provider.id}/api-keys/${key.id}`, key.secret, { params: { id: w.provider.id, keyId: key.id } });
    expect(res.status).toBe(403);
    expect(await eventsOf("PROVIDER_API_KEY_REVOKED")).toHaveLength(0);
    expect((await db.providerApiKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt).toBeNull();
  });
});
