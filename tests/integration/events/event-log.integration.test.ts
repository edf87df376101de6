import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { GET as orgEvents } from "@/app/api/v1/organizations/[orgId]/events/route";
import { GET as providerEvents } from "@/app/api/v1/providers/[id]/events/route";
import { db } from "@/lib/db/client";
import type { EventType } from "@/lib/events/catalog";
import type { EventInput } from "@/lib/events/recorder";
import { CSV_HEADERS, eventsCsvStream } from "@/lib/services/events/export-events-csv";
import { createUser } from "../support/factories";
import { call } from "../support/http";
import { actorOf, meta, minutesAgo, providerWorld, record } from "./log-fixtures";

type World = Awaited<ReturnType<typeof providerWorld>>;

/** A realistic mix: provider events, provider members acting in clients, the client's own owner, another provider. */
async function seedMix(w: World) {
  const p = w.provider.id;
  const events: EventInput[] = [
    { type: "PROVIDER_USER_INVITED", actor: actorOf(w.admin), meta, providerId: p, target: { type: "PROVIDER_USER", id: "pu-1", name: "bob@x.com" }, details: { role: "SERVICE_USER" }, at: minutesAgo(100) },
    { type: "PROVIDER_ORGANIZATION_VAULT_ACCESSED", actor: actorOf(w.serviceUser, p), meta, organizationId: w.client.id, target: { type: "ORGANIZATION", id: w.client.id, name: w.client.name }, at: minutesAgo(90) },
    { type: "MEMBER_INVITED", actor: actorOf(w.serviceUser, p), meta, organizationId: w.client.id, target: { type: "MEMBER", id: "m-1", name: "dana@contoso.example" }, details: { role: "USER" }, at: minutesAgo(80) },
    { type: "PROVIDER_ORGANIZATION_VAULT_ACCESSED", actor: actorOf(w.admin, p), meta, organizationId: w.otherClient.id, target: { type: "ORGANIZATION", id: w.otherClient.id, name: w.otherClient.name }, at: minutesAgo(70) },
    { type: "POLICY_UPDATED", actor: actorOf(w.admin, p), meta, organizationId: w.client.id, target: { type: "POLICY", id: "pol-1", name: "TWO_FACTOR_AUTHENTICATION" }, details: { before: { enabled: false }, after: { enabled: true } }, at: minutesAgo(60) },
    // The client's own owner, not through the provider: the organization's log only.
    { type: "MEMBER_INVITED", actor: actorOf(w.clientOwner), meta, organizationId: w.client.id, target: { type: "MEMBER", id: "m-2", name: "eve@contoso.example" }, details: { role: "ADMIN" }, at: minutesAgo(50) },
    // Another provider and its client: in no log of ours.
    { type: "PROVIDER_ORGANIZATION_VAULT_ACCESSED", actor: actorOf(w.otherAdmin, w.otherProvider.id), meta, organizationId: w.otherOrg.id, target: { type: "ORGANIZATION", id: w.otherOrg.id, name: w.otherOrg.name }, at: minutesAgo(40) },
    { type: "PROVIDER_UPDATED", actor: actorOf(w.admin), meta, providerId: p, target: { type: "PROVIDER", id: p, name: w.provider.name }, details: { changed: ["name"] }, at: minutesAgo(30) },
  ];
  await record(events);
}

async function ids(handler: typeof providerEvents, path: string, params: Record<string, string>, as: { id: string }): Promise<string[]> {
  const res = await call(handler, "GET", path, { as, params });
  expect(res.status, res.text).toBe(200);
  return res.body.data.map((e: { type: string }) => e.type);
}

describe("GET /api/v1/providers/{id}/events", () => {
  it("lists the provider's events newest first, with times in microseconds and plain sentences", async () => {
    const w = await providerWorld();
    await seedMix(w);
    const res = await call(providerEvents, "GET", `/api/v1/providers/${w.provider.id}/events`, { as: w.admin, params: { id: w.provider.id } });
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.data.map((e: { type: string }) => e.type)).toEqual([
      "PROVIDER_UPDATED",
      "POLICY_UPDATED",
      "PROVIDER_ORGANIZATION_VAULT_ACCESSED",
      "MEMBER_INVITED",
      "PROVIDER_ORGANIZATION_VAULT_ACCESSED",
      "PROVIDER_USER_INVITED",
    ]);
    const [latest, policy, , invited, opened] = res.body.data;
    expect(latest.occurredAt).toBe("2026-06-15T11:30:00.000000Z");
    expect(latest.description).toBe(`Provider Admin changed the settings of Northwind IT Services (name)`);
    expect(policy.description).toBe('Provider Admin turned on the policy "Require two-step login" in Contoso Dental via Northwind IT Services');
    expect(invited).toMatchObject({
      type: "MEMBER_INVITED",
      typeLabel: "Member invited",
      actor: { id: w.serviceUser.id, name: "Carol Service", email: w.serviceUser.email },
      actingProvider: { id: w.provider.id, name: "Northwind IT Services" },
      providerId: w.provider.id,
      organization: { id: w.client.id, name: "Contoso Dental" },
      target: { type: "MEMBER", id: "m-1", name: "dana@contoso.example" },
      ip: meta.ip,
      userAgent: meta.userAgent,
      details: { role: "USER" },
      description: "Carol Service invited dana@contoso.example to Contoso Dental as User via Northwind IT Services",
    });
    expect(opened.description).toBe("Carol Service opened Contoso Dental's admin console via Northwind IT Services");
    expect(res.body.data.every((e: { id: string }) => /^\d+$/.test(e.id))).toBe(true);
  });

  it("filters by type (one or several), date range, actor and client organization", async () => {
    const w = await providerWorld();
    await seedMix(w);
    const base = `/api/v1/providers/${w.provider.id}/events`;
    const params = { id: w.provider.id };
    expect(await ids(providerEvents, `${base}?type=PROVIDER_ORGANIZATION_VAULT_ACCESSED`, params, w.admin)).toEqual([
      "PROVIDER_ORGANIZATION_VAULT_ACCESSED",
      "PROVIDER_ORGANIZATION_VAULT_ACCESSED",
    ]);
    const several = ["PROVIDER_UPDATED", "MEMBER_INVITED", "PROVIDER_USER_INVITED"];
    expect(await ids(providerEvents, `${base}?type=PROVIDER_UPDATED&type=MEMBER_INVITED&type=PROVIDER_USER_INVITED`, params, w.admin)).toEqual(several);
    expect(await ids(providerEvents, `${base}?type=${several.join(",")}`, params, w.admin)).toEqual(several);
    // from inclusive, to exclusive
    const from = minutesAgo(80).toISOString();
    const to = minutesAgo(60).toISOString();
    expect(await ids(providerEvents, `${base}?from=${from}&to=${to}`, params, w.admin)).toEqual(["PROVIDER_ORGANIZATION_VAULT_ACCESSED", "MEMBER_INVITED"]);
    expect(await ids(providerEvents, `${base}?actorId=${w.serviceUser.id}`, params, w.admin)).toEqual(["MEMBER_INVITED", "PROVIDER_ORGANIZATION_VAULT_ACCESSED"]);
    expect(await ids(providerEvents, `${base}?organizationId=${w.client.id}`, params, w.admin)).toEqual([
      "POLICY_UPDATED",
      "MEMBER_INVITED",
      "PROVIDER_ORGANIZATION_VAULT_ACCESSED",
    ]);
    expect(await ids(providerEvents, `${base}?organizationId=${w.client.id}&actorId=${w.admin.id}&type=POLICY_UPDATED,MEMBER_INVITED`, params, w.admin)).toEqual([
      "POLICY_UPDATED",
    ]);
    // A client of another provider filters to nothing (and reveals nothing).
    expect(await ids(providerEvents, `${base}?organizationId=${w.otherOrg.id}`, params, w.admin)).toEqual([]);
    // A date means 00:00 UTC of that day.
    expect(await ids(providerEvents, `${base}?from=2026-06-16`, params, w.admin)).toEqual([]);
    expect(await ids(providerEvents, `${base}?to=2026-06-15`, params, w.admin)).toEqual([]);
  });

  it("answers 400 with the offending field for malformed filters", async () => {
    const w = await providerWorld();
    const base = `/api/v1/providers/${w.provider.id}/events`;
    const cases: [string, string][] = [
      ["?type=NOT_A_TYPE", "type"],
      ["?from=yesterday", "from"],
      ["?from=2026-06-15T12:00:00Z&to=2026-06-15T11:00:00Z", "to"],
      ["?actorId=not-a-uuid", "actorId"],
      ["?organizationId=123", "organizationId"],
      ["?limit=500", "limit"],
      ["?limit=0", "limit"],
      ["?format=xml", "format"],
      ["?cursor=garbage", "cursor"],
    ];
    for (const [query, field] of cases) {
      const res = await call(providerEvents, "GET", `${base}${query}`, { as: w.admin, params: { id: w.provider.id } });
      expect(res.status, query).toBe(400);
      expect(Object.keys(res.body.error.fields ?? {}), query).toContain(field);
    }
  });

  it("pages with keyset cursors without duplicates or gaps, also when many events share one timestamp", async () => {
    const w = await providerWorld();
    const sameMoment = minutesAgo(10);
    const events: EventInput[] = [];
    for (let i = 0; i < 23; i++) {
      events.push({ type: "PROVIDER_UPDATED", actor: actorOf(w.admin), meta, providerId: w.provider.id, details: { i }, at: i < 17 ? sameMoment : minutesAgo(26 - i) });
    }
    await record(events);
    const expected = await db.$queryRaw<{ id: string }[]>`
      SELECT e.id::text AS id FROM events e WHERE e.provider_id = ${w.provider.id}::uuid ORDER BY e.occurred_at DESC, e.id DESC`;
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: Record<string, string> = { limit: "4", ...(cursor ? { cursor } : {}) };
      const res = await call(providerEvents, "GET", `/api/v1/providers/${w.provider.id}/events`, { as: w.admin, params: { id: w.provider.id }, query });
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(4);
      seen.push(...res.body.data.map((e: { id: string }) => e.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(6);
    expect(seen).toEqual(expected.map((r) => r.id));
    expect(new Set(seen).size).toBe(23);
  });
});

describe("GET /api/v1/organizations/{orgId}/events", () => {
  it("lists what happened in the organization, through its provider or by its own people, and nothing else", async () => {
    const w = await providerWorld();
    await seedMix(w);
    const res = await call(orgEvents, "GET", `/api/v1/organizations/${w.client.id}/events`, { as: w.clientOwner, params: { orgId: w.client.id } });
    expect(res.status).toBe(200);
    expect(res.body.data.map((e: { type: string; actor: { name: string } }) => `${e.type} by ${e.actor.name}`)).toEqual([
      "MEMBER_INVITED by Client Owner",
      "POLICY_UPDATED by Provider Admin",
      "MEMBER_INVITED by Carol Service",
      "PROVIDER_ORGANIZATION_VAULT_ACCESSED by Carol Service",
    ]);
    const base = `/api/v1/organizations/${w.client.id}/events`;
    const params = { orgId: w.client.id };
    expect(await ids(orgEvents, `${base}?type=MEMBER_INVITED`, params, w.clientOwner)).toEqual(["MEMBER_INVITED", "MEMBER_INVITED"]);
    expect(await ids(orgEvents, `${base}?actorId=${w.serviceUser.id}&type=MEMBER_INVITED,POLICY_UPDATED`, params, w.clientOwner)).toEqual(["MEMBER_INVITED"]);
    expect(await ids(orgEvents, `${base}?from=${minutesAgo(60).toISOString()}`, params, w.clientOwner)).toEqual(["MEMBER_INVITED", "POLICY_UPDATED"]);
  });
});

describe("CSV export", () => {
  async function csvOf(path: string, params: Record<string, string>, as: { id: string }) {
    const res = await call(providerEvents, "GET", path, { as, params });
    expect(res.status, res.text).toBe(200);
    return { res, rows: parse(res.text, { columns: true, skip_empty_lines: true }) as Record<string, string>[] };
  }

  it("streams exactly the filtered list, with a header row, ISO times and correct quoting", async () => {
    const w = await providerWorld();
    const tricky = await createUser({ name: 'Doe, "Jay"\nthe second', email: "jay@example.test" });
    const events: EventInput[] = [];
    for (let i = 0; i < 30; i++) {
      const type: EventType = i % 3 === 0 ? "PROVIDER_USER_INVITED" : i % 3 === 1 ? "PROVIDER_UPDATED" : "PROVIDER_ORGANIZATION_VAULT_ACCESSED";
      events.push({
        type,
        actor: actorOf(i % 2 ? tricky : w.admin, type === "PROVIDER_ORGANIZATION_VAULT_ACCESSED" ? w.provider.id : null),
        meta: { ip: "198.51.100.1", userAgent: 'Agent "X", v1' },
        providerId: w.provider.id,
        organizationId: type === "PROVIDER_ORGANIZATION_VAULT_ACCESSED" ? w.client.id : null,
        target: { type: "PROVIDER_USER", id: `pu-${i}`, name: `target,${i}` },
        details: { note: 'line one\nline "two", three', i },
        at: minutesAgo(60 - i),
      });
    }
    await record(events);
    const filter = `type=PROVIDER_USER_INVITED,PROVIDER_ORGANIZATION_VAULT_ACCESSED&actorId=${tricky.id}&from=${minutesAgo(50).toISOString()}`;
    const base = `/api/v1/providers/${w.provider.id}/events`;
    const { res, rows } = await csvOf(`${base}?${filter}&format=csv`, { id: w.provider.id }, w.admin);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="northwind-it-services-events-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.text.split("\r\n")[0]).toBe(CSV_HEADERS.join(","));

    const list = await call(providerEvents, "GET", `${base}?${filter}&limit=200`, { as: w.admin, params: { id: w.provider.id } });
    expect(list.body.data.length).toBeGreaterThan(3);
    expect(rows.map((r) => r.event_id)).toEqual(list.body.data.map((e: { id: string }) => e.id));
    for (const [i, row] of rows.entries()) {
      const item = list.body.data[i];
      expect(row).toMatchObject({
        occurred_at: item.occurredAt,
        type: item.type,
        description: item.description,
        actor_name: 'Doe, "Jay"\nthe second',
        actor_email: "jay@example.test",
        actor_user_id: tricky.id,
        target_name: item.target.name,
        user_agent: 'Agent "X", v1',
      });
      expect(row.occurred_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      expect(JSON.parse(row.details!)).toEqual(item.details);
    }
    expect(rows.some((r) => r.organization_name === "Contoso Dental" && r.acting_provider_name === "Northwind IT Services")).toBe(true);
  });

  it("writes only the header for an empty result, and defuses spreadsheet formulas in names", async () => {
    const w = await providerWorld();
    const { rows, res } = await csvOf(`/api/v1/providers/${w.provider.id}/events?format=csv`, { id: w.provider.id }, w.admin);
    expect(rows).toEqual([]);
    expect(res.text).toBe(`${CSV_HEADERS.join(",")}\r\n`);
    const evil = await createUser({ name: "=HYPERLINK(\"http://evil.test\")" });
    await record([{ type: "PROVIDER_UPDATED", actor: actorOf(evil), meta, providerId: w.provider.id }]);
    const after = await csvOf(`/api/v1/providers/${w.provider.id}/events?format=csv`, { id: w.provider.id }, w.admin);
    expect(after.rows[0]!.actor_name).toBe("'=HYPERLINK(\"http://evil.test\")");
    expect(after.rows[0]!.description!.startsWith("'=")).toBe(true);
  });

  it("reads ahead at most one queued and one prefetched batch (constant memory, backpressure)", async () => {
    const w = await providerWorld();
    await record(Array.from({ length: 40 }, (_, i) => ({ type: "PROVIDER_UPDATED" as const, actor: actorOf(w.admin), meta, providerId: w.provider.id, details: { i }, at: minutesAgo(100 - i) })));
    const reader = eventsCsvStream({ kind: "provider", providerId: w.provider.id }, {}, 5).getReader();
    const first = await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // A stream that read ahead without bound would still deliver all 40 rows after this; this one
    // holds one queued batch and prefetches one more: 5 delivered + 10 at most.
    await db.event.deleteMany({});
    let text = new TextDecoder().decode(first.value);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += new TextDecoder().decode(chunk.value);
    const rows = parse(text, { columns: true }) as unknown[];
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.length).toBeLessThanOrEqual(15);
  });

  it("exports the organization log with the same filter as its list", async () => {
    const w = await providerWorld();
    await seedMix(w);
    const path = `/api/v1/organizations/${w.client.id}/events?type=MEMBER_INVITED`;
    const csv = await call(orgEvents, "GET", `${path}&format=csv`, { as: w.orgAdmin, params: { orgId: w.client.id } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/filename="contoso-dental-events-/);
    const list = await call(orgEvents, "GET", path, { as: w.orgAdmin, params: { orgId: w.client.id } });
    const rows = parse(csv.text, { columns: true }) as { event_id: string; description: string }[];
    expect(rows.map((r) => r.event_id)).toEqual(list.body.data.map((e: { id: string }) => e.id));
    expect(rows.map((r) => r.description)).toEqual([
      "Client Owner invited eve@contoso.example to Contoso Dental as Admin",
      "Carol Service invited dana@contoso.example to Contoso Dental as User via Northwind IT Services",
    ]);
  });
});
