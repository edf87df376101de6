// Policies: every type listed with defaults, settings validated by each type's zod schema (400 with
// fields), dependencies between policies, and POLICY_UPDATED with before/after settings.
import { describe, expect, it } from "vitest";
import * as policies from "@/app/api/v1/organizations/[orgId]/policies/route";
import * as policy from "@/app/api/v1/organizations/[orgId]/policies/[type]/route";
import { db } from "@/lib/db/client";
import { POLICY_TYPES } from "@/lib/policies/definitions";
import { eventsOf } from "../support/events";
import { call } from "../support/http";
import { orgWorld } from "./support";

const path = "/api/v1/organizations/x/policies";

describe("policies", () => {
  it("lists every policy type, unset ones disabled with their defaults", async () => {
    const w = await orgWorld();
    const res = await call(policies.GET, "GET", path, { as: w.admin.user, params: { orgId: w.organization.id } });
    expect(res.status).toBe(200);
    expect(res.body.data.map((p: any) => p.type)).toEqual(POLICY_TYPES);
    expect(POLICY_TYPES).toHaveLength(9);
    expect(res.body.data.find((p: any) => p.type === "MASTER_PASSWORD")).toMatchObject({
      enabled: false,
      configured: false,
      settings: { minComplexity: null, minLength: 12, requireUpper: false, requireLower: false, requireNumbers: false, requireSpecial: false, enforceOnLogin: false },
    });
  });

  it("stores valid settings (filling defaults), logs before/after, and logs nothing when nothing changes", async () => {
    const w = await orgWorld();
    const put = (body: unknown, as = w.providerAdmin) => call(policy.PUT, "PUT", path, { as, params: { orgId: w.organization.id, type: "MASTER_PASSWORD" }, body });
    const first = await put({ enabled: true, settings: { minLength: 16, requireSpecial: true } });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ type: "MASTER_PASSWORD", enabled: true, configured: true, settings: { minLength: 16, requireSpecial: true, requireUpper: false } });
    const second = await put({ enabled: true, settings: { minLength: 20, requireSpecial: true } }, w.owner);
    expect(second.body.settings.minLength).toBe(20);
    await put({ enabled: true, settings: { minLength: 20, requireSpecial: true } });
    const events = await eventsOf("POLICY_UPDATED");
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ targetName: "MASTER_PASSWORD", actingProviderId: w.provider.id, organizationId: w.organization.id });
    expect(events[1]!.details).toMatchObject({
      before: { enabled: true, settings: expect.objectContaining({ minLength: 16 }) },
      after: { enabled: true, settings: expect.objectContaining({ minLength: 20 }) },
    });
    expect(events[0]!.details).toMatchObject({ before: { enabled: false, settings: expect.objectContaining({ minLength: 12 }) } });
  });

  it.each([
    { type: "MASTER_PASSWORD", settings: { minLength: 8 }, field: "settings.minLength" },
    { type: "MASTER_PASSWORD", settings: { minComplexity: 5 }, field: "settings.minComplexity" },
    { type: "MASTER_PASSWORD", settings: { requireUpper: "yes" }, field: "settings.requireUpper" },
    { type: "MASTER_PASSWORD", settings: { colour: "blue" }, field: "settings" },
    { type: "VAULT_TIMEOUT", settings: { maxMinutes: 0 }, field: "settings.maxMinutes" },
    { type: "VAULT_TIMEOUT", settings: { action: "explode" }, field: "settings.action" },
    { type: "PASSWORD_GENERATOR", settings: { minNumbers: 12 }, field: "settings.minNumbers" },
    { type: "PASSWORD_GENERATOR", settings: { overridePasswordType: "pin" }, field: "settings.overridePasswordType" },
    { type: "SEND_OPTIONS", settings: { disableSend: 1 }, field: "settings.disableSend" },
    { type: "TWO_FACTOR_AUTHENTICATION", settings: { anything: true }, field: "settings" },
    { type: "ACCOUNT_RECOVERY", settings: { autoEnrollEnabled: "true" }, field: "settings.autoEnrollEnabled" },
  ])("refuses invalid $type settings $settings with 400 naming $field", async ({ type, settings, field }) => {
    const w = await orgWorld();
    const res = await call(policy.PUT, "PUT", path, { as: w.owner, params: { orgId: w.organization.id, type }, body: { enabled: true, settings } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toContain(field);
    expect(await db.policy.count()).toBe(0);
    expect(await eventsOf("POLICY_UPDATED")).toHaveLength(0);
  });

  it("requires enabled: a boolean", async () => {
    const w = await orgWorld();
    const res = await call(policy.PUT, "PUT", path, { as: w.owner, params: { orgId: w.organization.id, type: "SINGLE_ORG" }, body: { settings: {} } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty("enabled");
  });

  it("keeps account recovery and single organization consistent (422)", async () => {
    const w = await orgWorld();
    const put = (type: string, enabled: boolean) => call(policy.PUT, "PUT", path, { as: w.owner, params: { orgId: w.organization.id, type }, body: { enabled } });
    const early = await put("ACCOUNT_RECOVERY", true);
    expect(early.status).toBe(422);
    expect(early.body.error.message).toMatch(/requires the Single organization policy/);
    expect((await put("SINGLE_ORG", true)).status).toBe(200);
    expect((await put("ACCOUNT_RECOVERY", true)).status).toBe(200);
    const off = await put("SINGLE_ORG", false);
    expect(off.status).toBe(422);
    expect(off.body.error.code).toBe("policy_dependency");
    expect((await put("ACCOUNT_RECOVERY", false)).status).toBe(200);
    expect((await put("SINGLE_ORG", false)).status).toBe(200);
  });

  it("keeps each organization's policies its own", async () => {
    const a = await orgWorld();
    const b = await orgWorld();
    await call(policy.PUT, "PUT", path, { as: a.providerAdmin, params: { orgId: a.organization.id, type: "VAULT_TIMEOUT" }, body: { enabled: true, settings: { maxMinutes: 15, action: "lock" } } });
    const other = await call(policies.GET, "GET", path, { as: b.owner, params: { orgId: b.organization.id } });
    expect(other.body.data.find((p: any) => p.type === "VAULT_TIMEOUT")).toMatchObject({ enabled: false, configured: false });
  });
});
