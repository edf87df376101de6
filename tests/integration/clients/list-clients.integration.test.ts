// The client list: keyset paging without duplicates or gaps for every sort (ties included), search,
// totals, bad input, and the query plans that keep it fast at any number of clients.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/providers/[id]/clients/route";
import { db, sql } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { clientPageQuery } from "@/lib/services/clients/list-clients";
import { seedClients } from "@/scripts/lib/bulk-clients";
import { addMember, createOrganization, createProvider } from "../support/factories";
import { call } from "../support/http";

type Sort = "name" | "seats" | "created";
type Order = "asc" | "desc";

async function list(provider: { id: string }, as: { id: string }, query: Record<string, string>) {
  return call(listRoute, "GET", `/api/v1/providers/${provider.id}/clients`, { as, params: { id: provider.id }, query });
}

/** Many ties on purpose: 5 names, 3 seat counts, 4 creation times (two a microsecond apart). */
async function tiedClients() {
  const { provider, admin } = await createProvider({ name: "Paging MSP" });
  const { provider: other } = await createProvider({ name: "Noise MSP" });
  const names = ["alpha", "Alpha", "Beta", "beta", "Gamma"];
  const times = ["2026-01-01T00:00:00.000001Z", "2026-01-01T00:00:00.000002Z", "2026-02-01T12:00:00.5Z", "2025-12-31T23:59:59.999999Z"];
  const ids: string[] = [];
  for (let i = 0; i < 37; i++) {
    const { organization } = await createOrganization({ name: names[i % names.length], providerId: provider.id, seats: [5, 10, 20][i % 3], owner: null });
    await sql().query(`UPDATE organizations SET created_at = $1::timestamptz WHERE id = $2::uuid`, [times[i % times.length], organization.id]);
    ids.push(organization.id);
    if (i % 4 === 0) await createOrganization({ name: names[i % names.length], providerId: other.id, seats: 10, owner: null });
  }
  return { provider, admin: admin!, ids };
}

const COLUMN = { name: "name", seats: "seats", created: "created_at" } as const;

/** The complete order, as the database sorts it (its collation, microseconds and uuid order included). */
async function expectedOrder(providerId: string, sort: Sort, order: Order): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>(
    Prisma.sql`SELECT id FROM organizations WHERE provider_id = ${providerId}::uuid ORDER BY ${Prisma.raw(COLUMN[sort])} ${Prisma.raw(order)}, id ${Prisma.raw(order)}`,
  );
  return rows.map((r) => r.id);
}

describe("GET /api/v1/providers/{id}/clients paging", () => {
  const orderings = (["name", "seats", "created"] as const).flatMap((sort) => (["asc", "desc"] as const).map((order) => ({ sort, order })));

  it.each(orderings)("walks every client exactly once, in order, sorted by $sort $order", async ({ sort, order }) => {
    const { provider, admin, ids } = await tiedClients();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list(provider, admin, { sort, order, limit: "4", ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(4);
      seen.push(...res.body.data.map((c: { id: string }) => c.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...ids].sort());
    expect(seen).toEqual(await expectedOrder(provider.id, sort, order));
    expect(pages).toBe(10);
  });

  it("defaults to name A→Z, 50 a page, and describes each client", async () => {
    const { provider, admin } = await createProvider();
    const { organization } = await createOrganization({ name: "Contoso", providerId: provider.id, seats: 12, plan: "ENTERPRISE_MONTHLY" });
    await addMember(organization.id, "pending@contoso.test", "USER", "INVITED");
    await db.organization.update({ where: { id: organization.id }, data: { isProviderInternal: true } });
    await createOrganization({ name: "Adatum", providerId: provider.id });
    const res = await list(provider, admin!, {});
    expect(res.status).toBe(200);
    expect(res.body.data.map((c: { name: string }) => c.name)).toEqual(["Adatum", "Contoso"]);
    expect(res.body.data[1]).toEqual({
      id: organization.id,
      name: "Contoso",
      plan: "ENTERPRISE_MONTHLY",
      seats: 12,
      occupiedSeats: 2,
      enabled: true,
      isProviderInternal: true,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
    });
    expect(res.body.nextCursor).toBeNull();
  });

  it("reports totals for the whole provider from provider_stats, whatever the page or search", async () => {
    const { provider, admin } = await createProvider();
    for (const seats of [5, 10, 25]) {
      const { organization } = await createOrganization({ providerId: provider.id, seats });
      await addMember(organization.id, `extra-${seats}@x.test`, "USER", "CONFIRMED");
    }
    const { organization: revokedOnly } = await createOrganization({ providerId: provider.id, seats: 3, owner: null });
    await addMember(revokedOnly.id, "gone@x.test", "USER", "REVOKED");
    await createOrganization({ seats: 99 });
    const expected = { clients: 4, seats: 43, occupiedSeats: 6 };
    expect((await list(provider, admin!, { limit: "1" })).body.totals).toEqual(expected);
    expect((await list(provider, admin!, { q: "no such client" })).body.totals).toEqual(expected);
    const stats = await db.providerStats.findUniqueOrThrow({ where: { providerId: provider.id } });
    expect(stats).toMatchObject({ clientCount: 4, seats: 43, occupiedSeats: 6 });
  });

  it("answers zero totals and an empty page for a provider without clients", async () => {
    const { provider, admin } = await createProvider();
    const res = await list(provider, admin!, {});
    expect(res.body).toEqual({ data: [], nextCursor: null, totals: { clients: 0, seats: 0, occupiedSeats: 0 } });
  });
});

describe("search", () => {
  async function searchable() {
    const { provider, admin } = await createProvider();
    const names = ["Contoso Dental", "Dental Partners of Boston", "contoso legal", "100% Pure Foods", "Under_score Labs", "Back\\slash Studio", "Plain Co", "Under-score Ltd"];
    for (const name of names) await createOrganization({ name, providerId: provider.id, owner: null });
    await createOrganization({ name: "Contoso Dental (other provider)" });
    return { provider, admin: admin! };
  }
  const names = (res: { body: { data: { name: string }[] } }) => res.body.data.map((c) => c.name).sort();

  it.each([
    ["contoso", ["Contoso Dental", "contoso legal"]],
    ["DENTAL", ["Contoso Dental", "Dental Partners of Boston"]],
    ["tal part", ["Dental Partners of Boston"]],
    ["%", ["100% Pure Foods"]],
    ["_", ["Under_score Labs"]],
    ["\\", ["Back\\slash Studio"]],
    ["  plain  ", ["Plain Co"]],
    ["zzz", []],
  ])("q=%j finds %j (substring, case-insensitive, %% _ \\ taken literally, one provider only)", async (q, expected) => {
    const { provider, admin } = await searchable();
    const res = await list(provider, admin, { q });
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(expected);
  });

  it("pages through search results with the same cursor rules", async () => {
    const { provider, admin } = await createProvider();
    for (let i = 0; i < 7; i++) await createOrganization({ name: `Match ${i % 2}`, providerId: provider.id, owner: null, seats: 5 });
    await createOrganization({ name: "Other", providerId: provider.id, owner: null });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await list(provider, admin!, { q: "match", sort: "seats", limit: "3", ...(cursor ? { cursor } : {}) });
      seen.push(...res.body.data.map((c: { id: string }) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(7);
  });
});

describe("bad list input", () => {
  it.each([
    [{ sort: "price" }, "sort"],
    [{ order: "sideways" }, "order"],
    [{ limit: "500" }, "limit"],
    [{ limit: "0" }, "limit"],
    [{ q: "x".repeat(121) }, "q"],
    [{ cursor: "not-a-cursor" }, "cursor"],
    [{ cursor: Buffer.from(JSON.stringify(["name", "asc", "x", "not-a-uuid"])).toString("base64url") }, "cursor"],
  ])("%j → 400 naming %s", async (query, field) => {
    const { provider, admin } = await createProvider();
    const res = await list(provider, admin!, query);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty(field);
  });

  it("refuses a cursor from another sort order instead of misreading it", async () => {
    const { provider, admin } = await createProvider();
    for (let i = 0; i < 3; i++) await createOrganization({ providerId: provider.id, owner: null });
    const first = await list(provider, admin!, { sort: "name", limit: "1" });
    const res = await list(provider, admin!, { sort: "seats", limit: "1", cursor: first.body.nextCursor });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_cursor");
  });
});

describe("query plans", () => {
  interface PlanNode {
    "Node Type": string;
    "Relation Name"?: string;
    "Index Name"?: string;
    "Index Cond"?: string;
    "Scan Direction"?: string;
    Plans?: PlanNode[];
  }
  const flatten = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(flatten)];

  async function plan(query: Prisma.Sql): Promise<PlanNode[]> {
    const rows = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] | string }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${query}`);
    const raw = rows[0]!["QUERY PLAN"];
    const parsed = (typeof raw === "string" ? JSON.parse(raw) : raw) as [{ Plan: PlanNode }];
    return flatten(parsed[0].Plan);
  }

  it("uses the index of each sort, the trigram index for a selective search, and never scans the whole table", async () => {
    // A realistic mix: one provider with 20,000 clients among 35,000 organizations, statistics fresh.
    // No planner setting is changed: from about this size on the planner prefers the trigram index
    // for a selective search by itself (below it, reading the provider's rows is cheaper and right).
    const { provider } = await createProvider({ name: "Big MSP" });
    const { provider: neighbour } = await createProvider({ name: "Neighbour MSP" });
    await seedClients(sql(), { providerId: provider.id, count: 20_000, batchSize: 5000, seed: 7, membersEvery: 5000 });
    await seedClients(sql(), { providerId: neighbour.id, count: 15_000, batchSize: 5000, seed: 8, membersEvery: 5000 });
    const needle = await createOrganization({ name: "Zyxwvu Quantum Holdings", providerId: provider.id, owner: null });
    await sql().exec("ANALYZE organizations");
    const noSeqScan = (nodes: PlanNode[]) => expect(nodes.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "organizations")).toEqual([]);
    const INDEX = { name: "organizations_provider_id_name_id_idx", seats: "organizations_provider_id_seats_id_idx", created: "organizations_provider_id_created_at_id_idx" };

    for (const sort of ["name", "seats", "created"] as const) {
      for (const order of ["asc", "desc"] as const) {
        const firstPage = await plan(clientPageQuery({ providerId: provider.id, sort, order, limit: 50 }));
        noSeqScan(firstPage);
        const scan = firstPage.find((n) => n["Index Name"] === INDEX[sort]);
        expect(scan, `${sort} ${order}: ${JSON.stringify(firstPage)}`).toBeDefined();
        expect(scan!["Scan Direction"]).toBe(order === "asc" ? "Forward" : "Backward");
        expect(firstPage.some((n) => n["Node Type"] === "Sort"), "no sort step: the index delivers the order").toBe(false);

        const value = sort === "name" ? "M" : sort === "seats" ? 25 : "2025-06-01T00:00:00.000000Z";
        const deep = await plan(clientPageQuery({ providerId: provider.id, sort, order, limit: 50, after: { value, id: randomUUID() } }));
        noSeqScan(deep);
        const deepScan = deep.find((n) => n["Index Name"] === INDEX[sort]);
        expect(deepScan, `deep ${sort} ${order}: ${JSON.stringify(deep)}`).toBeDefined();
        // The cursor is part of the index condition: the scan starts at the cursor, not at the top.
        expect(deepScan!["Index Cond"]).toMatch(/ROW\(/);
      }
    }

    const search = await plan(clientPageQuery({ providerId: provider.id, q: "zyxwvu quantum", sort: "name", order: "asc", limit: 50 }));
    noSeqScan(search);
    expect(search.some((n) => n["Index Name"] === "organizations_name_trgm_idx"), JSON.stringify(search)).toBe(true);
    const found = await db.$queryRaw<{ id: string }[]>(clientPageQuery({ providerId: provider.id, q: "zyxwvu quantum", sort: "name", order: "asc", limit: 50 }));
    expect(found.map((r) => r.id)).toEqual([needle.organization.id]);

    // A search matching many clients walks the sort index and stops after one page instead.
    const broad = await plan(clientPageQuery({ providerId: provider.id, q: "a", sort: "name", order: "asc", limit: 50 }));
    noSeqScan(broad);
  });
});
