// Who may use the API key routes and the OpenAPI document: every kind of caller against every route,
// through the real wrapper, plus another tenant's key ids.
import { describe, expect, it } from "vitest";
import { GET as openapiRoute } from "@/app/api/v1/openapi.json/route";
import { DELETE as revokeRoute } from "@/app/api/v1/providers/[id]/api-keys/[keyId]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/providers/[id]/api-keys/route";
import { db } from "@/lib/db/client";
import { call } from "../support/http";
import { createKey, keyWorld, type KeyWorld } from "./support";

type Who = "admin" | "serviceUser" | "otherAdmin" | "clientOwner" | "outsider" | "staff" | "signedOut" | "adminKey";
type Handler = Parameters<typeof call>[0];

interface World extends KeyWorld {
  key: Awaited<ReturnType<typeof createKey>>;
  otherKey: Awaited<ReturnType<typeof createKey>>;
}

async function world(): Promise<World> {
  const w = await keyWorld();
  const key = await createKey(w.provider.id, w.alice, "PROVIDER_ADMIN", "Existing key");
  const otherKey = await createKey(w.otherProvider.id, w.otherAdmin, "PROVIDER_ADMIN", "Other provider's key");
  return { ...w, key, otherKey };
}

function caller(w: World, who: Who): { as?: { id: string } | null; headers?: Record<string, string> } {
  const users = { admin: w.alice, serviceUser: w.sam, otherAdmin: w.otherAdmin, clientOwner: w.olivia, outsider: w.outsider, staff: w.staff };
  if (who === "signedOut") return { as: null };
  if (who === "adminKey") return { headers: { authorization: `Bearer ${w.key.secret}` } };
  return { as: users[who] };
}

interface RouteCase {
  route: string;
  handler: Handler;
  method: string;
  path: (w: World) => string;
  params: (w: World) => Record<string, string>;
  body?: () => unknown;
  expected: Record<Who, number>;
}

/** Provider Admins only; members without the right get 403, everyone else never learns the provider exists. */
const ADMINS = (ok: number): Record<Who, number> => ({
  admin: ok,
  serviceUser: 403,
  otherAdmin: 404,
  clientOwner: 404,
  outsider: 404,
  staff: 403,
  signedOut: 401,
  adminKey: 403,
});
const EVERYONE: Record<Who, number> = { admin: 200, serviceUser: 200, otherAdmin: 200, clientOwner: 200, outsider: 200, staff: 200, signedOut: 200, adminKey: 200 };

const keysPath = (w: World) => `/api/v1/providers/${w.provider.id}/api-keys`;
const ROUTES: RouteCase[] = [
  { route: "GET api-keys", handler: listRoute, method: "GET", path: keysPath, params: (w) => ({ id: w.provider.id }), expected: ADMINS(200) },
  {
    route: "POST api-keys",
    handler: createRoute,
    method: "POST",
    path: keysPath,
    params: (w) => ({ id: w.provider.id }),
    body: () => ({ name: "New key", role: "SERVICE_USER" }),
    expected: ADMINS(201),
  },
  {
    route: "DELETE api-keys/{keyId}",
    handler: revokeRoute,
    method: "DELETE",
    path: (w) => `${keysPath(w)}/${w.key.id}`,
    params: (w) => ({ id: w.provider.id, keyId: w.key.id }),
    expected: ADMINS(200),
  },
  { route: "GET openapi.json", handler: openapiRoute, method: "GET", path: () => "/api/v1/openapi.json", params: () => ({}), expected: EVERYONE },
];

const WHO: Who[] = ["admin", "serviceUser", "otherAdmin", "clientOwner", "outsider", "staff", "signedOut", "adminKey"];

describe("API key routes: permission table", () => {
  const cases = ROUTES.flatMap((route) => WHO.map((who) => ({ ...route, who, status: route.expected[who] })));
  it.each(cases)("$route as $who → $status", async ({ handler, method, path, params, body, who, status }) => {
    const w = await world();
    const res = await call(handler, method, path(w), { ...caller(w, who), params: params(w), body: body?.() });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status >= 400) expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    if (who === "adminKey" && status === 403) expect(res.body.error.code).toBe("api_key_not_allowed");
  });
});

describe("another tenant's keys", () => {
  it("revoking another provider's key through this provider's path → 404, and that key keeps working", async () => {
    const w = await world();
    const res = await call(revokeRoute, "DELETE", `${keysPath(w)}/${w.otherKey.id}`, { as: w.alice, params: { id: w.provider.id, keyId: w.otherKey.id } });
    expect(res.status).toBe(404);
    expect((await db.providerApiKey.findUniqueOrThrow({ where: { id: w.otherKey.id } })).revokedAt).toBeNull();
  });

  it("the list shows only this provider's keys", async () => {
    const w = await world();
    const res = await call(listRoute, "GET", keysPath(w), { as: w.alice, params: { id: w.provider.id } });
    expect(res.body.data.map((k: { id: string }) => k.id)).toEqual([w.key.id]);
  });
});

describe("the key list", () => {
  it("pages newest first with an opaque cursor, and refuses a forged cursor with 400", async () => {
    const w = await world();
    for (const name of ["B", "C", "D"]) await createKey(w.provider.id, w.alice, "SERVICE_USER", name);
    const first = await call(listRoute, "GET", keysPath(w), { as: w.alice, params: { id: w.provider.id }, query: { limit: "3" } });
    expect(first.body.data.map((k: { name: string }) => k.name)).toEqual(["D", "C", "B"]);
    const second = await call(listRoute, "GET", keysPath(w), { as: w.alice, params: { id: w.provider.id }, query: { limit: "3", cursor: first.body.nextCursor } });
    expect(second.body).toMatchObject({ data: [expect.objectContaining({ name: "Existing key" })], nextCursor: null });
    const forged = await call(listRoute, "GET", keysPath(w), { as: w.alice, params: { id: w.provider.id }, query: { cursor: "not-a-cursor" } });
    expect(forged.status).toBe(400);
  });
});
