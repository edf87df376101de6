// Policy templates: validation, applying to selected and all clients with per-client results,
// drift after manual changes, and refusals that write nothing.
import { describe, expect, it } from "vitest";
import { GET as driftRoute } from "@/app/api/v1/providers/[id]/policy-templates/[templateId]/drift/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/providers/[id]/policy-templates/[templateId]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/providers/[id]/policy-templates/route";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/transaction";
import { updatePolicy } from "@/lib/services/policies/policies";
import { eventsOf } from "../support/events";
import { addMember, createOrganization, createUser } from "../support/factories";
import { call } from "../support/http";
import { apply, BASELINE, createTemplate, templateWorld, type TemplateWorld } from "./world";

const base = (w: TemplateWorld) => `/api/v1/providers/${w.provider.id}/policy-templates`;
const create = (w: TemplateWorld, body: unknown) => call(createRoute, "POST", base(w), { as: w.admin, params: { id: w.provider.id }, body });
const drift = (w: TemplateWorld, templateId: string, query: Record<string, string> = {}) =>
  call(driftRoute, "GET", `${base(w)}/${templateId}/drift`, { as: w.admin, params: { id: w.provider.id, templateId }, query });
const policiesOf = (organizationId: string) =>
  db.policy.findMany({ where: { organizationId }, select: { type: true, enabled: true, settings: true }, orderBy: { type: "asc" } });
const ctx = (w: TemplateWorld) => ({ actor: { userId: w.admin.id, name: w.admin.name, email: w.admin.email }, meta: { ip: null, userAgent: null } });

describe("creating and editing templates", () => {
  it("stores the policies with their defaults filled in, in catalog order, and logs it", async () => {
    const w = await templateWorld();
    const res = await create(w, BASELINE);
    expect(res.status, res.text).toBe(201);
    expect(res.body.policies.map((p: { type: string }) => p.type)).toEqual(["MASTER_PASSWORD", "SEND_OPTIONS", "VAULT_TIMEOUT"]);
    expect(res.body.policies[0].settings).toEqual({
      minComplexity: null,
      minLength: 14,
      requireUpper: true,
      requireLower: false,
      requireNumbers: false,
      requireSpecial: false,
      enforceOnLogin: false,
    });
    expect(res.body.policies[1]).toEqual({ type: "SEND_OPTIONS", enabled: false, settings: { disableSend: false, disableHideEmail: false } });
    const list = await call(listRoute, "GET", base(w), { as: w.admin, params: { id: w.provider.id } });
    expect(list.body.data.map((t: { name: string }) => t.name)).toEqual(["Baseline"]);
    expect(await eventsOf("POLICY_TEMPLATE_CREATED")).toHaveLength(1);
  });

  it.each([
    ["a setting out of range", [{ type: "MASTER_PASSWORD", enabled: true, settings: { minLength: 4 } }], "policies.0.settings.minLength", 400],
    ["an unknown setting", [{ type: "VAULT_TIMEOUT", enabled: true, settings: { maxMinutes: 10, colour: "red" } }], "policies.0.settings", 400],
    ["a wrong type of value", [{ type: "SINGLE_ORG", enabled: true }, { type: "SEND_OPTIONS", enabled: true, settings: { disableSend: "yes" } }], "policies.1.settings.disableSend", 400],
    ["a policy type twice", [{ type: "SINGLE_ORG", enabled: true }, { type: "SINGLE_ORG", enabled: false }], "policies.1.type", 400],
    ["account recovery on while single organization is off", [{ type: "SINGLE_ORG", enabled: false }, { type: "ACCOUNT_RECOVERY", enabled: true }], "policies.1.enabled", 422],
  ])("refuses %s naming the field (400 invalid input, 422 a rule), and writes nothing", async (_name, policies, field, status) => {
    const w = await templateWorld();
    const res = await create(w, { name: "Bad", policies });
    expect(res.status, res.text).toBe(status);
    expect(Object.keys(res.body.error.fields)).toContain(field);
    expect(await db.policyTemplate.count()).toBe(0);
    expect(await db.event.count()).toBe(0);
  });

  it("refuses a malformed body with 400 and a taken name with 409", async () => {
    const w = await templateWorld();
    expect((await create(w, { name: "X", policies: [{ type: "NOPE", enabled: true }] })).status).toBe(400);
    expect((await create(w, { name: "", policies: [] })).status).toBe(400);
    await createTemplate(w);
    const taken = await create(w, { ...BASELINE, name: "baseline" });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("template_name_taken");
  });

  it("updates name and policies with one event naming what changed; an unchanged save logs nothing", async () => {
    const w = await templateWorld();
    const id = await createTemplate(w);
    const params = { id: w.provider.id, templateId: id };
    const res = await call(patchRoute, "PATCH", `${base(w)}/${id}`, { as: w.admin, params, body: { name: "Strict", policies: [{ type: "SINGLE_ORG", enabled: true }] } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ name: "Strict", policies: [{ type: "SINGLE_ORG", enabled: true, settings: {} }] });
    const again = await call(patchRoute, "PATCH", `${base(w)}/${id}`, { as: w.admin, params, body: { name: "Strict" } });
    expect(again.status).toBe(200);
    const events = await eventsOf("POLICY_TEMPLATE_UPDATED");
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ changed: ["name", "policies"] });
    const bad = await call(patchRoute, "PATCH", `${base(w)}/${id}`, { as: w.admin, params, body: { policies: [{ type: "VAULT_TIMEOUT", enabled: true, settings: { maxMinutes: 0 } }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty(["policies.0.settings.maxMinutes"]);
  });

  it("deleting a template leaves the clients' policies as they are", async () => {
    const w = await templateWorld();
    const id = await createTemplate(w);
    expect((await apply(w, id, { organizationIds: [w.alpha.id] })).status).toBe(200);
    const before = await policiesOf(w.alpha.id);
    const res = await call(deleteRoute, "DELETE", `${base(w)}/${id}`, { as: w.admin, params: { id: w.provider.id, templateId: id } });
    expect(res.status).toBe(200);
    expect(await db.policyTemplate.count()).toBe(0);
    expect(await policiesOf(w.alpha.id)).toEqual(before);
    expect(await eventsOf("POLICY_TEMPLATE_DELETED")).toHaveLength(1);
  });
});

describe("applying a template", () => {
  it("to selected clients: writes each client's policies through writePolicy, with per-client results and events via the provider", async () => {
    const w = await templateWorld();
    const id = await createTemplate(w);
    const res = await apply(w, id, { organizationIds: [w.alpha.id, w.beta.id] });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ total: 2, applied: 2, unchanged: 0, failed: 0 });
    expect(res.body.results).toEqual([
      { id: w.alpha.id, name: "Alpha Dental", result: "applied" },
      { id: w.beta.id, name: "Beta Legal", result: "applied" },
    ]);
    for (const org of [w.alpha, w.beta]) {
      expect(await policiesOf(org.id)).toEqual([
        { type: "MASTER_PASSWORD", enabled: true, settings: expect.objectContaining({ minLength: 14, requireUpper: true }) },
        { type: "SEND_OPTIONS", enabled: false, settings: { disableSend: false, disableHideEmail: false } },
        { type: "VAULT_TIMEOUT", enabled: true, settings: { maxMinutes: 30, action: "lock" } },
      ]);
    }
    expect(await policiesOf(w.gamma.id)).toEqual([]);
    const updates = await eventsOf("POLICY_UPDATED");
    expect(updates).toHaveLength(6);
    expect(updates.every((e) => e.actingProviderId === w.provider.id && e.actorUserId === w.admin.id)).toBe(true);
    const [applied] = await eventsOf("POLICY_TEMPLATE_APPLIED");
    expect(applied!.details).toEqual({ scope: "selected", clients: 2, applied: 2, unchanged: 0, failed: 0 });

    // Applying again changes nothing and writes no policy event.
    const again = await apply(w, id, { organizationIds: [w.alpha.id] });
    expect(again.body).toMatchObject({ applied: 0, unchanged: 1 });
    expect(await eventsOf("POLICY_UPDATED")).toHaveLength(6);
  });

  it("to all clients: every client of the provider, none of another provider's; progress streams when asked", async () => {
    const w = await templateWorld();
    const id = await createTemplate(w);
    await apply(w, id, { organizationIds: [w.beta.id] });
    const res = await apply(w, id, { all: true }, { accept: "application/x-ndjson" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = res.text.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ progress: { done: 0, total: 3 } });
    expect(lines.at(-2)).toEqual({ progress: { done: 3, total: 3 } });
    expect(lines.at(-1).result).toMatchObject({ total: 3, applied: 2, unchanged: 1, failed: 0, results: [] });
    expect(await policiesOf(w.gamma.id)).toHaveLength(3);
    expect(await policiesOf(w.foreign.id)).toEqual([]);
  });

  it("a client that refuses fails alone, keeps its policies, and the others are applied", async () => {
    const w = await templateWorld();
    // Account recovery needs single organization on in the client; only Beta has it.
    await transaction((tx) => tx.policy.create({ data: { organizationId: w.beta.id, type: "SINGLE_ORG", enabled: true, settings: {} } }));
    const id = await createTemplate(w, { name: "Recovery", policies: [{ type: "VAULT_TIMEOUT", enabled: true }, { type: "ACCOUNT_RECOVERY", enabled: true }] });
    const res = await apply(w, id, { organizationIds: [w.alpha.id, w.beta.id, w.gamma.id] });
    expect(res.body).toMatchObject({ total: 3, applied: 1, unchanged: 0, failed: 2 });
    const byName = Object.fromEntries(res.body.results.map((r: { name: string }) => [r.name, r]));
    expect(byName["Beta Legal"].result).toBe("applied");
    expect(byName["Alpha Dental"]).toMatchObject({ result: "failed", error: { code: "policy_dependency", message: expect.stringContaining("Single organization") } });
    // Alpha's vault timeout (written before the refusal in the same client) was rolled back with it.
    expect(await policiesOf(w.alpha.id)).toEqual([]);
    expect((await policiesOf(w.beta.id)).map((p) => p.type).sort()).toEqual(["ACCOUNT_RECOVERY", "SINGLE_ORG", "VAULT_TIMEOUT"]);
    expect((await eventsOf("POLICY_UPDATED")).every((e) => e.organizationId === w.beta.id)).toBe(true);
  });

  it("writes dependent policies in an order the dependency checks accept, turning on and off", async () => {
    const w = await templateWorld();
    const on = await createTemplate(w, { name: "On", policies: [{ type: "ACCOUNT_RECOVERY", enabled: true }, { type: "SINGLE_ORG", enabled: true }] });
    expect((await apply(w, on, { organizationIds: [w.alpha.id] })).body).toMatchObject({ applied: 1, failed: 0 });
    expect((await policiesOf(w.alpha.id)).filter((p) => p.enabled).map((p) => p.type).sort()).toEqual(["ACCOUNT_RECOVERY", "SINGLE_ORG"]);
    const off = await createTemplate(w, { name: "Off", policies: [{ type: "SINGLE_ORG", enabled: false }, { type: "ACCOUNT_RECOVERY", enabled: false }] });
    expect((await apply(w, off, { organizationIds: [w.alpha.id] })).body).toMatchObject({ applied: 1, failed: 0 });
    expect((await policiesOf(w.alpha.id)).filter((p) => p.enabled)).toEqual([]);
  });

  it("turning on two-step login through a template revokes members without it, as by hand", async () => {
    const w = await templateWorld();
    const user = await createUser({ name: "Una User" });
    await addMember(w.alpha.id, user, "USER", "CONFIRMED");
    const id = await createTemplate(w, { name: "2FA", policies: [{ type: "TWO_FACTOR_AUTHENTICATION", enabled: true }] });
    const res = await apply(w, id, { organizationIds: [w.alpha.id] });
    expect(res.body.applied).toBe(1);
    const member = await db.organizationMember.findFirstOrThrow({ where: { organizationId: w.alpha.id, userId: user.id } });
    expect(member.status).toBe("REVOKED");
    expect(await eventsOf("MEMBER_REVOKED")).toHaveLength(1);
  });

  it("ids of another provider's client or of no client refuse the whole request (404) and write nothing", async () => {
    const w = await templateWorld();
    const id = await createTemplate(w);
    const eventsBefore = await db.event.count();
    const { organization: unmanaged } = await createOrganization({ name: "Self Billed" });
    for (const stranger of [w.foreign.id, unmanaged.id, "00000000-0000-4000-8000-000000000000"]) {
      for (const headers of [undefined, { accept: "application/x-ndjson" }]) {
        const res = await apply(w, id, { organizationIds: [w.alpha.id, stranger] }, headers);
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe("not_found");
      }
    }
    expect(await db.policy.count()).toBe(0);
    expect(await db.event.count()).toBe(eventsBefore);
  });

  it("another provider's template is a 404; a body with neither ids nor all is a 400", async () => {
    const w = await templateWorld();
    const id = await createTemplate(w);
    const foreignTemplate = await db.policyTemplate.create({ data: { providerId: w.otherProvider.id, name: "Theirs", policies: [] } });
    expect((await apply(w, foreignTemplate.id, { all: true })).status).toBe(404);
    const bad = await apply(w, id, {});
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("organizationIds");
    expect((await apply(w, id, { all: true, organizationIds: [w.alpha.id] })).status).toBe(400);
  });
});

describe("drift", () => {
  it("lists, policy by policy, how each client differs, and the counts follow applies and manual changes", async () => {
    const w = await templateWorld();
    const id = await createTemplate(w);
    let res = await drift(w, id);
    expect(res.status, res.text).toBe(200);
    expect(res.body.counts).toEqual({ clients: 3, inSync: 0, drifted: 3 });
    expect(res.body.data[0]).toMatchObject({
      name: "Alpha Dental",
      inSync: false,
      differences: [
        { type: "MASTER_PASSWORD", kind: "missing" },
        { type: "SEND_OPTIONS", kind: "missing" },
        { type: "VAULT_TIMEOUT", kind: "missing" },
      ],
    });

    await apply(w, id, { organizationIds: [w.alpha.id, w.beta.id] });
    res = await drift(w, id);
    expect(res.body.counts).toEqual({ clients: 3, inSync: 2, drifted: 1 });
    expect(res.body.data.map((r: { inSync: boolean }) => r.inSync)).toEqual([true, true, false]);

    // An admin changes Alpha by hand: a setting, and turns a policy off.
    await updatePolicy({ organizationId: w.alpha.id, type: "VAULT_TIMEOUT", enabled: true, settings: { maxMinutes: 90, action: "lock" } }, ctx(w));
    await updatePolicy({ organizationId: w.alpha.id, type: "MASTER_PASSWORD", enabled: false, settings: { minLength: 14, requireUpper: true } }, ctx(w));
    await updatePolicy({ organizationId: w.beta.id, type: "SEND_OPTIONS", enabled: true, settings: {} }, ctx(w));
    res = await drift(w, id, { status: "drifted" });
    expect(res.body.counts).toEqual({ clients: 3, inSync: 0, drifted: 3 });
    expect(res.body.data.find((r: { name: string }) => r.name === "Alpha Dental").differences).toEqual([
      { type: "MASTER_PASSWORD", kind: "disabled" },
      { type: "VAULT_TIMEOUT", kind: "settings", keys: ["maxMinutes"] },
    ]);
    expect(res.body.data.find((r: { name: string }) => r.name === "Beta Legal").differences).toEqual([{ type: "SEND_OPTIONS", kind: "enabled" }]);

    // Applying to all brings everyone back in sync.
    const all = await apply(w, id, { all: true });
    expect(all.body).toMatchObject({ applied: 3, failed: 0 });
    res = await drift(w, id);
    expect(res.body.counts).toEqual({ clients: 3, inSync: 3, drifted: 0 });
    expect((await drift(w, id, { status: "drifted" })).body.data).toEqual([]);
    const detail = await call(getRoute, "GET", `${base(w)}/${id}`, { as: w.admin, params: { id: w.provider.id, templateId: id } });
    expect(detail.body.drift).toEqual({ clients: 3, inSync: 3, drifted: 0 });
  });

  it("pages with a keyset cursor and searches by name", async () => {
    const w = await templateWorld();
    const id = await createTemplate(w);
    const first = await drift(w, id, { limit: "2" });
    expect(first.body.data.map((r: { name: string }) => r.name)).toEqual(["Alpha Dental", "Beta Legal"]);
    const second = await drift(w, id, { limit: "2", cursor: first.body.nextCursor });
    expect(second.body.data.map((r: { name: string }) => r.name)).toEqual(["Gamma Shipping"]);
    expect(second.body.nextCursor).toBeNull();
    expect((await drift(w, id, { q: "legal" })).body.data.map((r: { name: string }) => r.name)).toEqual(["Beta Legal"]);
    expect((await drift(w, id, { cursor: "garbage" })).status).toBe(400);
  });

  it("an empty template matches every client", async () => {
    const w = await templateWorld();
    const id = await createTemplate(w, { name: "Empty", policies: [] });
    expect((await drift(w, id)).body.counts).toEqual({ clients: 3, inSync: 3, drifted: 0 });
  });
});
