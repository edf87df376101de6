// Who may read and verify which log: every role against every event log route. Provider logs are
// for Provider Admins and staff; organization logs for the organization's owners/admins and its
// provider's members. Anyone without a relation to the tenant gets 404, signed out 401.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as orgEvents } from "@/app/api/v1/organizations/[orgId]/events/route";
import { GET as orgVerify } from "@/app/api/v1/organizations/[orgId]/events/verify/route";
import { GET as providerEvents } from "@/app/api/v1/providers/[id]/events/route";
import { GET as providerVerify } from "@/app/api/v1/providers/[id]/events/verify/route";
import { call } from "../support/http";
import { actorOf, meta, providerWorld, record } from "./log-fixtures";

type World = Awaited<ReturnType<typeof providerWorld>>;
type Who = "providerAdmin" | "serviceUser" | "staff" | "clientOwner" | "orgAdmin" | "orgUser" | "otherProviderAdmin" | "otherOrgOwner" | "outsider" | "signedOut";

let w: World;

beforeEach(async () => {
  w = await providerWorld();
  await record([
    { type: "PROVIDER_UPDATED", actor: actorOf(w.admin), meta, providerId: w.provider.id },
    { type: "MEMBER_INVITED", actor: actorOf(w.clientOwner), meta, organizationId: w.client.id, target: { type: "MEMBER", id: "m", name: "x@y.z" } },
  ]);
});

function userOf(who: Who) {
  const users = {
    providerAdmin: w.admin,
    serviceUser: w.serviceUser,
    staff: w.staff,
    clientOwner: w.clientOwner,
    orgAdmin: w.orgAdmin,
    orgUser: w.orgUser,
    otherProviderAdmin: w.otherAdmin,
    otherOrgOwner: w.otherOrgOwner,
    outsider: w.outsider,
    signedOut: null,
  } as const;
  return users[who];
}

const providerRoutes = [
  { name: "GET /providers/{id}/events", handler: providerEvents, path: (id: string) => `/api/v1/providers/${id}/events` },
  { name: "GET /providers/{id}/events?format=csv", handler: providerEvents, path: (id: string) => `/api/v1/providers/${id}/events?format=csv` },
  { name: "GET /providers/{id}/events/verify", handler: providerVerify, path: (id: string) => `/api/v1/providers/${id}/events/verify` },
];

const organizationRoutes = [
  { name: "GET /organizations/{orgId}/events", handler: orgEvents, path: (id: string) => `/api/v1/organizations/${id}/events` },
  { name: "GET /organizations/{orgId}/events?format=csv", handler: orgEvents, path: (id: string) => `/api/v1/organizations/${id}/events?format=csv` },
  { name: "GET /organizations/{orgId}/events/verify", handler: orgVerify, path: (id: string) => `/api/v1/organizations/${id}/events/verify` },
];

const PROVIDER_LOG: [Who, number][] = [
  ["providerAdmin", 200],
  ["staff", 200],
  ["serviceUser", 403],
  ["clientOwner", 404],
  ["orgAdmin", 404],
  ["orgUser", 404],
  ["otherProviderAdmin", 404],
  ["otherOrgOwner", 404],
  ["outsider", 404],
  ["signedOut", 401],
];

const ORGANIZATION_LOG: [Who, number][] = [
  ["providerAdmin", 200],
  ["serviceUser", 200],
  ["clientOwner", 200],
  ["orgAdmin", 200],
  ["orgUser", 403],
  // Staff read every log, read-only.
  ["staff", 200],
  ["otherProviderAdmin", 404],
  ["otherOrgOwner", 404],
  ["outsider", 404],
  ["signedOut", 401],
];

describe.each(providerRoutes)("$name", ({ handler, path }) => {
  it.each(PROVIDER_LOG)("%s → %i", async (who, status) => {
    const res = await call(handler, "GET", path(w.provider.id), { as: userOf(who), params: { id: w.provider.id } });
    expect(res.status, res.text).toBe(status);
    if (status !== 200) expect(res.body.error.code).toBeTruthy();
  });

  it("another provider's id → 404 for this provider's admin; unknown or malformed ids → 404", async () => {
    for (const id of [w.otherProvider.id, randomUUID(), "not-a-uuid"]) {
      const res = await call(handler, "GET", path(id), { as: w.admin, params: { id } });
      expect(res.status, id).toBe(404);
    }
  });
});

describe.each(organizationRoutes)("$name", ({ handler, path }) => {
  it.each(ORGANIZATION_LOG)("%s → %i", async (who, status) => {
    const res = await call(handler, "GET", path(w.client.id), { as: userOf(who), params: { orgId: w.client.id } });
    expect(res.status, res.text).toBe(status);
  });

  it("a client of another provider → 404 for this provider's admin and service user; unknown ids → 404", async () => {
    for (const user of [w.admin, w.serviceUser]) {
      const res = await call(handler, "GET", path(w.otherOrg.id), { as: user, params: { orgId: w.otherOrg.id } });
      expect(res.status).toBe(404);
    }
    const unknown = randomUUID();
    expect((await call(handler, "GET", path(unknown), { as: w.clientOwner, params: { orgId: unknown } })).status).toBe(404);
  });
});

it("what a permitted reader gets is the log itself (not an empty shell)", async () => {
  const providerLog = await call(providerEvents, "GET", `/api/v1/providers/${w.provider.id}/events`, { as: w.staff, params: { id: w.provider.id } });
  expect(providerLog.body.data.map((e: { type: string }) => e.type)).toEqual(["PROVIDER_UPDATED"]);
  const orgLog = await call(orgEvents, "GET", `/api/v1/organizations/${w.client.id}/events`, { as: w.serviceUser, params: { orgId: w.client.id } });
  expect(orgLog.body.data.map((e: { type: string }) => e.type)).toEqual(["MEMBER_INVITED"]);
});
