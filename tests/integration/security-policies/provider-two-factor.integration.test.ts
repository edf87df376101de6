// The provider setting "require two-step login for provider members" (beyond the reference):
// admins switch it (PATCH provider, PROVIDER_UPDATED before/after); while it is on, members without
// two-step login get no provider role in client organizations — the API answers 403
// two_factor_required, the pages' resolver refuses the same way — while the provider's own pages
// keep working; the people list shows and filters who has it.
import { describe, expect, it } from "vitest";
import * as clientsRoute from "@/app/api/v1/providers/[id]/clients/route";
import * as providerRoute from "@/app/api/v1/providers/[id]/route";
import * as usersRoute from "@/app/api/v1/providers/[id]/users/route";
import * as membersRoute from "@/app/api/v1/organizations/[orgId]/members/route";
import * as organizationRoute from "@/app/api/v1/organizations/[orgId]/route";
import * as policyRoute from "@/app/api/v1/organizations/[orgId]/policies/[type]/route";
import { organizationAccess, providerAccess } from "@/lib/authz/context";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { addProviderUser, createOrganization, createProvider, createUser, type TestUser } from "../support/factories";
import { eventsOf } from "../support/events";
import { call } from "../support/http";
import { withTwoFactor } from "./support";

async function world() {
  const { provider, admin } = await createProvider({ name: "Acme MSP" });
  const serviceUser = await createUser({ name: "Sam Service" });
  await addProviderUser(provider.id, serviceUser, "SERVICE_USER", "CONFIRMED");
  const enrolled = await withTwoFactor(await createUser({ name: "Erin Enrolled" }));
  await addProviderUser(provider.id, enrolled, "SERVICE_USER", "CONFIRMED");
  await addProviderUser(provider.id, "invited@acme.test", "SERVICE_USER", "INVITED");
  const { organization, owner } = await createOrganization({ name: "Contoso", providerId: provider.id });
  const { provider: other, admin: otherAdmin } = await createProvider({ name: "Other MSP" });
  const staff = await createUser({ isStaff: true });
  const outsider = await createUser();
  return { provider, admin: admin!, serviceUser, enrolled, organization, owner: owner!, other, otherAdmin: otherAdmin!, staff, outsider };
}

const patch = (as: TestUser | null, id: string, body: unknown) => call(providerRoute.PATCH, "PATCH", `/api/v1/providers/${id}`, { as, params: { id }, body });
const requireTwoFactor = (w: Awaited<ReturnType<typeof world>>) => db.provider.update({ where: { id: w.provider.id }, data: { require2fa: true } });

describe("the setting", () => {
  it("is switched by Provider Admins, shown by GET, and logged with before and after", async () => {
    const w = await world();
    const on = await patch(w.admin, w.provider.id, { require2fa: true });
    expect(on.status, on.text).toBe(200);
    expect(on.body.require2fa).toBe(true);
    expect((await call(providerRoute.GET, "GET", "/api/v1/providers/x", { as: w.serviceUser, params: { id: w.provider.id } })).body.require2fa).toBe(true);
    await patch(w.admin, w.provider.id, { require2fa: true });
    await patch(w.admin, w.provider.id, { require2fa: false });
    const events = await eventsOf("PROVIDER_UPDATED");
    expect(events.map((e) => e.details)).toEqual([
      { before: { require2fa: false }, after: { require2fa: true } },
      { before: { require2fa: true }, after: { require2fa: false } },
    ]);
    expect(events[0]).toMatchObject({ providerId: w.provider.id, actorUserId: w.admin.id });
  });

  it("refuses anything but a boolean with 400", async () => {
    const w = await world();
    const res = await patch(w.admin, w.provider.id, { require2fa: "yes" });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty("require2fa");
  });

  const ROLES = ["admin", "serviceUser", "otherAdmin", "staff", "outsider", "signedOut"] as const;
  const EXPECTED: Record<(typeof ROLES)[number], number> = { admin: 200, serviceUser: 403, otherAdmin: 404, staff: 403, outsider: 404, signedOut: 401 };
  it.each(ROLES)("PATCH {require2fa} as %s", async (role) => {
    const w = await world();
    const as = role === "signedOut" ? null : w[role];
    const res = await patch(as, w.provider.id, { require2fa: true });
    expect(res.status).toBe(EXPECTED[role]);
    expect((await db.provider.findUniqueOrThrow({ where: { id: w.provider.id } })).require2fa).toBe(res.status === 200);
  });
});

describe("while it is on", () => {
  it.each([
    ["GET organization", (w: Awaited<ReturnType<typeof world>>, as: TestUser) => call(organizationRoute.GET, "GET", "/x", { as, params: { orgId: w.organization.id } })],
    ["GET members", (w: Awaited<ReturnType<typeof world>>, as: TestUser) => call(membersRoute.GET, "GET", "/x", { as, params: { orgId: w.organization.id } })],
    [
      "PUT policy",
      (w: Awaited<ReturnType<typeof world>>, as: TestUser) =>
        call(policyRoute.PUT, "PUT", "/x", { as, params: { orgId: w.organization.id, type: "SINGLE_ORG" }, body: { enabled: true } }),
    ],
  ])("%s: members without two-step login get 403 two_factor_required until they enrol", async (_name, request) => {
    const w = await world();
    await requireTwoFactor(w);
    for (const as of [w.admin, w.serviceUser]) {
      const res = await request(w, as);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("two_factor_required");
      expect(res.body.error.message).toBe("Acme MSP requires two-step login to open client organizations. Turn it on in your account settings, then open the client again.");
    }
    expect((await request(w, w.enrolled)).status).toBe(200);
    expect((await request(w, await withTwoFactor(w.serviceUser))).status).toBe(200);
  });

  it("keeps the provider's own pages open, and the client's own owner unaffected", async () => {
    const w = await world();
    await requireTwoFactor(w);
    expect((await call(clientsRoute.GET, "GET", "/x", { as: w.serviceUser, params: { id: w.provider.id } })).status).toBe(200);
    expect((await call(providerRoute.GET, "GET", "/x", { as: w.serviceUser, params: { id: w.provider.id } })).status).toBe(200);
    expect((await call(organizationRoute.GET, "GET", "/x", { as: w.owner, params: { orgId: w.organization.id } })).status).toBe(200);
  });

  it("still answers 404 for another provider's clients, and logs no provider access for a refused member", async () => {
    const w = await world();
    await requireTwoFactor(w);
    const { organization: foreign } = await createOrganization({ providerId: w.other.id });
    expect((await call(organizationRoute.GET, "GET", "/x", { as: w.serviceUser, params: { orgId: foreign.id } })).status).toBe(404);
    expect(await eventsOf("PROVIDER_ORGANIZATION_VAULT_ACCESSED")).toHaveLength(0);
  });

  it("is what the pages' resolver refuses with (organizationAccess), while providerAccess grants the provider", async () => {
    const w = await world();
    await requireTwoFactor(w);
    const refusal = await organizationAccess(w.serviceUser, w.organization.id).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ status: 403, code: "two_factor_required" });
    const provider = await providerAccess(w.serviceUser, w.provider.id);
    expect(provider.provider.require2fa).toBe(true);
    expect(provider.roles).toEqual(["SERVICE_USER"]);
    const granted = await organizationAccess({ ...w.serviceUser, totpEnabled: true }, w.organization.id);
    expect(granted.roles).toEqual(["SERVICE_USER"]);
  });

  it("does not apply when the provider does not require it", async () => {
    const w = await world();
    expect((await call(organizationRoute.GET, "GET", "/x", { as: w.serviceUser, params: { orgId: w.organization.id } })).status).toBe(200);
  });
});

describe("the people list", () => {
  it("returns twoFactorEnabled and filters on it (members without an account count as off)", async () => {
    const w = await world();
    const list = (query: Record<string, string>) => call(usersRoute.GET, "GET", "/x", { as: w.admin, params: { id: w.provider.id }, query });
    const all = await list({});
    expect(Object.fromEntries(all.body.data.map((m: { email: string; twoFactorEnabled: boolean }) => [m.email, m.twoFactorEnabled]))).toEqual({
      [w.admin.email]: false,
      [w.serviceUser.email]: false,
      [w.enrolled.email]: true,
      "invited@acme.test": false,
    });
    expect((await list({ twoFactor: "on" })).body.data.map((m: { email: string }) => m.email)).toEqual([w.enrolled.email]);
    expect((await list({ twoFactor: "off" })).body.data.map((m: { email: string }) => m.email).sort()).toEqual(
      [w.admin.email, w.serviceUser.email, "invited@acme.test"].sort(),
    );
    expect((await list({ twoFactor: "off", status: "CONFIRMED" })).body.data).toHaveLength(2);
    const bad = await list({ twoFactor: "maybe" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("twoFactor");
  });

  const ROLES = ["admin", "serviceUser", "otherAdmin", "outsider", "signedOut"] as const;
  const EXPECTED: Record<(typeof ROLES)[number], number> = { admin: 200, serviceUser: 403, otherAdmin: 404, outsider: 404, signedOut: 401 };
  it.each(ROLES)("GET ?twoFactor=off as %s", async (role) => {
    const w = await world();
    const as = role === "signedOut" ? null : w[role];
    const res = await call(usersRoute.GET, "GET", "/x", { as, params: { id: w.provider.id }, query: { twoFactor: "off" } });
    expect(res.status).toBe(EXPECTED[role]);
  });
});
