// Bulk actions on clients: disable/enable with one event per client, applying a template, by ids or
// by search, per-client results, refusals that write nothing, and the CSV export.
import { describe, expect, it } from "vitest";
import { POST as bulkRoute } from "@/app/api/v1/providers/[id]/clients/bulk/route";
import { GET as exportRoute } from "@/app/api/v1/providers/[id]/clients/export/route";
import { organizationAccess } from "@/lib/authz/context";
import { db } from "@/lib/db/client";
import { setProviderEnabled } from "@/lib/services/providers/set-provider-enabled";
import { eventsOf } from "../support/events";
import { createOrganization } from "../support/factories";
import { call } from "../support/http";
import { createTemplate, templateWorld, type TemplateWorld } from "./world";

const bulk = (w: TemplateWorld, body: unknown, headers?: Record<string, string>) =>
  call(bulkRoute, "POST", `/api/v1/providers/${w.provider.id}/clients/bulk`, { as: w.admin, params: { id: w.provider.id }, body, headers });
const enabledOf = async (id: string) => (await db.organization.findUniqueOrThrow({ where: { id }, select: { enabled: true, disabledByProvider: true } }));
const staff = { actor: { userId: "00000000-0000-4000-8000-0000000000aa", name: "Stella Staff", email: "staff@example.test" }, meta: { ip: null, userAgent: null } };

describe("bulk disable and enable", () => {
  it("disables the selected clients, one event each, and their members lose access while the provider keeps it", async () => {
    const w = await templateWorld();
    const res = await bulk(w, { action: "disable", organizationIds: [w.alpha.id, w.beta.id] });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ action: "disable", total: 2, applied: 2, unchanged: 0, failed: 0 });
    expect(await enabledOf(w.alpha.id)).toEqual({ enabled: false, disabledByProvider: false });
    expect(await enabledOf(w.gamma.id)).toMatchObject({ enabled: true });
    const events = await eventsOf("PROVIDER_ORGANIZATION_DISABLED");
    expect(events.map((e) => e.organizationId).sort()).toEqual([w.alpha.id, w.beta.id].sort());
    expect(events[0]).toMatchObject({ providerId: w.provider.id, actorUserId: w.admin.id, targetType: "ORGANIZATION" });
    await expect(organizationAccess(w.clientOwner, w.alpha.id)).rejects.toMatchObject({ status: 403, code: "organization_disabled" });
    expect((await organizationAccess(w.admin, w.alpha.id)).roles).toContain("PROVIDER_ADMIN");

    // Disabling again changes nothing and logs nothing; enabling restores.
    const again = await bulk(w, { action: "disable", organizationIds: [w.alpha.id] });
    expect(again.body.results).toEqual([{ id: w.alpha.id, name: "Alpha Dental", result: "unchanged" }]);
    expect(await eventsOf("PROVIDER_ORGANIZATION_DISABLED")).toHaveLength(2);
    const enable = await bulk(w, { action: "enable", organizationIds: [w.alpha.id, w.gamma.id] });
    expect(enable.body).toMatchObject({ applied: 1, unchanged: 1 });
    expect(await enabledOf(w.alpha.id)).toMatchObject({ enabled: true });
    expect(await eventsOf("PROVIDER_ORGANIZATION_ENABLED")).toHaveLength(1);
  });

  it("a client the provider disabled stays disabled when staff disable and enable the whole provider", async () => {
    const w = await templateWorld();
    await bulk(w, { action: "disable", organizationIds: [w.alpha.id] });
    await setProviderEnabled(w.provider.id, false, staff);
    await setProviderEnabled(w.provider.id, true, staff);
    expect(await enabledOf(w.alpha.id)).toEqual({ enabled: false, disabledByProvider: false });
    expect(await enabledOf(w.beta.id)).toEqual({ enabled: true, disabledByProvider: false });
  });

  it("by search: every client matching, in batches, with progress when asked; only failures are listed", async () => {
    const w = await templateWorld();
    const res = await bulk(w, { action: "disable", query: { q: "a" } }, { accept: "application/x-ndjson" });
    const lines = res.text.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ progress: { done: 0, total: 3 } });
    expect(lines.at(-1).result).toMatchObject({ action: "disable", total: 3, applied: 3, results: [] });
    const legal = await bulk(w, { action: "enable", query: { q: "LEGAL" } });
    expect(legal.body).toMatchObject({ total: 1, applied: 1 });
    expect(await enabledOf(w.beta.id)).toMatchObject({ enabled: true });
    expect(await enabledOf(w.foreign.id)).toMatchObject({ enabled: true });
  });

  it("foreign or unknown ids refuse the whole request with 404 and write nothing", async () => {
    const w = await templateWorld();
    const { organization: unmanaged } = await createOrganization({ name: "Self Billed" });
    for (const stranger of [w.foreign.id, unmanaged.id]) {
      const res = await bulk(w, { action: "disable", organizationIds: [w.alpha.id, stranger] });
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: "not_found", message: expect.any(String) });
    }
    expect(await enabledOf(w.alpha.id)).toMatchObject({ enabled: true });
    expect(await enabledOf(w.foreign.id)).toMatchObject({ enabled: true });
    expect(await db.event.count()).toBe(0);
  });

  it.each([
    ["no action", { organizationIds: ["00000000-0000-4000-8000-000000000000"] }, "action"],
    ["an unknown action", { action: "delete", query: {} }, "action"],
    ["neither ids nor query", { action: "disable" }, "organizationIds"],
    ["both ids and query", { action: "disable", organizationIds: ["00000000-0000-4000-8000-000000000000"], query: {} }, "organizationIds"],
    ["a malformed id", { action: "disable", organizationIds: ["nope"] }, "organizationIds.0"],
    ["apply_template without a template", { action: "apply_template", query: {} }, "templateId"],
  ])("bad input (%s) → 400 in the API.md shape, naming the field", async (_name, body, field) => {
    const w = await templateWorld();
    const res = await bulk(w, body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "invalid_request", message: expect.any(String) });
    expect(res.body.error.fields).toHaveProperty([field]);
    expect(await db.event.count()).toBe(0);
  });
});

describe("bulk apply of a template", () => {
  it("applies to the selected clients with per-client results; another provider's template is a 404", async () => {
    const w = await templateWorld();
    const templateId = await createTemplate(w);
    const res = await bulk(w, { action: "apply_template", templateId, organizationIds: [w.gamma.id] });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ action: "apply_template", applied: 1, results: [{ id: w.gamma.id, result: "applied" }] });
    expect(await db.policy.count({ where: { organizationId: w.gamma.id } })).toBe(3);
    const theirs = await db.policyTemplate.create({ data: { providerId: w.otherProvider.id, name: "Theirs", policies: [] } });
    expect((await bulk(w, { action: "apply_template", templateId: theirs.id, query: {} })).status).toBe(404);
  });
});

describe("CSV export", () => {
  it("exports the selected clients, or all matching a search, with the list's columns", async () => {
    const w = await templateWorld();
    await bulk(w, { action: "disable", organizationIds: [w.beta.id] });
    const url = `/api/v1/providers/${w.provider.id}/clients/export`;
    const all = await call(exportRoute, "GET", url, { as: w.admin, params: { id: w.provider.id } });
    expect(all.status).toBe(200);
    expect(all.headers.get("content-type")).toContain("text/csv");
    const lines = all.text.trim().split("\r\n");
    expect(lines[0]).toBe("name,plan,seats,occupied,status,created");
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 5).join(","))).toEqual([
      "Alpha Dental,Teams (monthly),10,1,Active",
      "Beta Legal,Teams (monthly),10,1,Disabled",
      "Gamma Shipping,Teams (monthly),10,1,Active",
    ]);
    const search = await call(exportRoute, "GET", `${url}?q=gamma`, { as: w.admin, params: { id: w.provider.id } });
    expect(search.text.trim().split("\r\n")).toHaveLength(2);
    const picked = await call(exportRoute, "GET", `${url}?ids=${w.alpha.id}&ids=${w.beta.id}`, { as: w.admin, params: { id: w.provider.id } });
    expect(picked.text.trim().split("\r\n").slice(1).map((l) => l.split(",")[0])).toEqual(["Alpha Dental", "Beta Legal"]);
    const foreign = await call(exportRoute, "GET", `${url}?ids=${w.foreign.id}`, { as: w.admin, params: { id: w.provider.id } });
    expect(foreign.status).toBe(404);
  });

  it("neutralizes names that a spreadsheet would run as formulas", async () => {
    const w = await templateWorld();
    await createOrganization({ name: "=HYPERLINK(1)", providerId: w.provider.id });
    const res = await call(exportRoute, "GET", `/api/v1/providers/${w.provider.id}/clients/export?q=HYPER`, { as: w.admin, params: { id: w.provider.id } });
    expect(res.text).toContain("'=HYPERLINK(1)");
  });
});
