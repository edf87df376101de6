// Cross-client reports: every figure on a small known dataset, paging and sorting, the CSV export,
// who may read them, and the seat utilisation query's plan at 20,000 clients.
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { GET as reportRoute } from "@/app/api/v1/providers/[id]/reports/[report]/route";
import { db, sql } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { reportCsvStream } from "@/lib/services/reports/report-csv";
import { pendingInvitationsQuery, seatUtilizationQuery } from "@/lib/services/reports/reports";
import { seedClients } from "@/scripts/lib/bulk-clients";
import { createKey, withKey } from "../api-keys/support";
import { addMember, addProviderUser, createOrganization, createProvider, createUser, type TestUser } from "../support/factories";
import { call } from "../support/http";

const DAY = 86_400_000;

/**
 * Northwind with three clients:
 *   Contoso Dental  10 seats: owner (2FA), two confirmed users (one with 2FA), one invited 10 days ago
 *                   (link expired), one accepted → 5 occupied; policies: 2FA and master password on.
 *   Fabrikam Legal   4 seats: owner without 2FA → 1 occupied; single organization policy present but off.
 *   Tailspin Toys    2 seats: owner and one confirmed user, neither with 2FA → 2 occupied (full).
 * Another provider's client has an open invitation that must appear nowhere.
 */
async function dataset() {
  const admin = await createUser({ name: "Alice Admin" });
  const { provider, adminMembership } = await createProvider({ name: "Northwind IT", admin });
  const service = await createUser({ name: "Sam Service" });
  await addProviderUser(provider.id, service, "SERVICE_USER", "CONFIRMED");
  const withTotp = async (name: string) => {
    const user = await createUser({ name });
    await db.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
    return user;
  };
  const contosoOwner = await withTotp("Carla Contoso");
  const { organization: contoso } = await createOrganization({ name: "Contoso Dental", providerId: provider.id, seats: 10, owner: contosoOwner });
  await addMember(contoso.id, await withTotp("Uma User"), "USER", "CONFIRMED");
  await addMember(contoso.id, await createUser({ name: "Vic User" }), "USER", "CONFIRMED");
  const invited = await addMember(contoso.id, "ivy@contoso.test", "USER", "INVITED");
  await db.organizationMember.update({ where: { id: invited.id }, data: { createdAt: new Date(Date.now() - 10 * DAY - 60_000), inviteExpiresAt: new Date(Date.now() - 3 * DAY) } });
  const accepted = await addMember(contoso.id, await createUser({ name: "Abe Accepted" }), "ADMIN", "ACCEPTED");
  await db.organizationMember.update({ where: { id: accepted.id }, data: { createdAt: new Date(Date.now() - 2 * DAY - 60_000) } });
  await db.policy.createMany({
    data: [
      { organizationId: contoso.id, type: "TWO_FACTOR_AUTHENTICATION", enabled: true },
      { organizationId: contoso.id, type: "MASTER_PASSWORD", enabled: true, settings: { minLength: 14 } },
    ],
  });
  const { organization: fabrikam } = await createOrganization({ name: "Fabrikam Legal", providerId: provider.id, seats: 4 });
  await db.policy.create({ data: { organizationId: fabrikam.id, type: "SINGLE_ORG", enabled: false } });
  const { organization: tailspin } = await createOrganization({ name: "Tailspin Toys", providerId: provider.id, seats: 2 });
  await addMember(tailspin.id, await createUser({ name: "Tom Tailspin" }), "USER", "CONFIRMED");

  const other = await createProvider({ name: "Other MSP" });
  const { organization: otherClient } = await createOrganization({ name: "Other Client", providerId: other.provider.id });
  await addMember(otherClient.id, "someone@other.test", "USER", "INVITED");
  const clientOwner = contosoOwner;
  const outsider = await createUser({ name: "Otto Outsider" });
  const staff = await createUser({ name: "Stella Staff", isStaff: true });
  return { provider, admin, adminMembership: adminMembership!, service, contoso, fabrikam, tailspin, invited, accepted, otherAdmin: other.admin!, clientOwner, outsider, staff };
}
type Dataset = Awaited<ReturnType<typeof dataset>>;

function report(d: Dataset, name: string, query: Record<string, string> = {}, as: TestUser | null = d.admin) {
  return call(reportRoute, "GET", `/api/v1/providers/${d.provider.id}/reports/${name}`, { as, params: { id: d.provider.id, report: name }, query });
}

describe("seat utilisation", () => {
  it("lists assigned and occupied seats per client, lowest utilisation first, with totals and extremes", async () => {
    const d = await dataset();
    const res = await report(d, "seat-utilization");
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ report: "seat-utilization", sort: "utilization", order: "asc", nextCursor: null });
    expect(res.body.data).toEqual([
      { id: d.fabrikam.id, name: "Fabrikam Legal", plan: "TEAMS_MONTHLY", seats: 4, occupiedSeats: 1, availableSeats: 3, utilization: 0.25, enabled: true },
      { id: d.contoso.id, name: "Contoso Dental", plan: "TEAMS_MONTHLY", seats: 10, occupiedSeats: 5, availableSeats: 5, utilization: 0.5, enabled: true },
      { id: d.tailspin.id, name: "Tailspin Toys", plan: "TEAMS_MONTHLY", seats: 2, occupiedSeats: 2, availableSeats: 0, utilization: 1, enabled: true },
    ]);
    expect(res.body.summary).toEqual({
      clients: 3,
      seats: 16,
      occupiedSeats: 8,
      utilization: 0.5,
      lowest: { id: d.fabrikam.id, name: "Fabrikam Legal", utilization: 0.25 },
      highest: { id: d.tailspin.id, name: "Tailspin Toys", utilization: 1 },
    });
  });

  it("follows seat changes (the trigger keeps utilisation), sorts by every column both ways and pages", async () => {
    const d = await dataset();
    await db.organization.update({ where: { id: d.contoso.id }, data: { seats: 25 } });
    const names = async (query: Record<string, string>) => (await report(d, "seat-utilization", query)).body.data.map((r: { name: string }) => r.name);
    expect(await names({})).toEqual(["Contoso Dental", "Fabrikam Legal", "Tailspin Toys"]);
    expect(await names({ order: "desc" })).toEqual(["Tailspin Toys", "Fabrikam Legal", "Contoso Dental"]);
    expect(await names({ sort: "seats" })).toEqual(["Contoso Dental", "Fabrikam Legal", "Tailspin Toys"]);
    expect(await names({ sort: "seats", order: "asc" })).toEqual(["Tailspin Toys", "Fabrikam Legal", "Contoso Dental"]);
    expect(await names({ sort: "name", order: "desc" })).toEqual(["Tailspin Toys", "Fabrikam Legal", "Contoso Dental"]);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await report(d, "seat-utilization", { limit: "1", ...(cursor ? { cursor } : {}) });
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((r: { name: string }) => r.name));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["Contoso Dental", "Fabrikam Legal", "Tailspin Toys"]);
  });

  it("refuses a sort the report does not have, a cursor of another sort, and an unknown report", async () => {
    const d = await dataset();
    expect((await report(d, "seat-utilization", { sort: "invited" })).status).toBe(400);
    expect((await report(d, "seat-utilization", { sort: "bogus" })).status).toBe(400);
    const first = await report(d, "seat-utilization", { limit: "1" });
    const res = await report(d, "seat-utilization", { sort: "name", limit: "1", cursor: first.body.nextCursor });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_cursor");
    expect((await report(d, "two-factor", { cursor: first.body.nextCursor })).body.error.code).toBe("invalid_cursor");
    expect((await report(d, "not-a-report")).status).toBe(404);
  });
});

describe("pending invitations", () => {
  it("lists invited and accepted members across the provider's clients, oldest first, with their age", async () => {
    const d = await dataset();
    const res = await report(d, "pending-invitations");
    expect(res.status, res.text).toBe(200);
    expect(res.body.data).toEqual([
      {
        id: d.invited.id,
        email: "ivy@contoso.test",
        role: "USER",
        status: "INVITED",
        invitedAt: expect.any(String),
        ageDays: 10,
        expired: true,
        organization: { id: d.contoso.id, name: "Contoso Dental" },
      },
      expect.objectContaining({ id: d.accepted.id, status: "ACCEPTED", role: "ADMIN", ageDays: 2, expired: false }),
    ]);
    expect(res.body.summary).toEqual({ invited: 1, accepted: 1, expired: 1 });
    const newest = await report(d, "pending-invitations", { order: "desc", limit: "1" });
    expect(newest.body.data.map((r: { id: string }) => r.id)).toEqual([d.accepted.id]);
    const next = await report(d, "pending-invitations", { order: "desc", limit: "1", cursor: newest.body.nextCursor });
    expect(next.body.data.map((r: { id: string }) => r.id)).toEqual([d.invited.id]);
    expect(next.body.nextCursor).toBeNull();
    expect((await report(d, "pending-invitations", { sort: "name" })).status).toBe(400);
  });
});

describe("two-step login adoption", () => {
  it("counts confirmed members with and without two-step login per client", async () => {
    const d = await dataset();
    const res = await report(d, "two-factor");
    expect(res.status, res.text).toBe(200);
    expect(res.body.summary).toBeNull();
    expect(res.body.data).toEqual([
      { id: d.contoso.id, name: "Contoso Dental", confirmedMembers: 3, withTwoFactor: 2, withoutTwoFactor: 1, adoption: 2 / 3, policyEnabled: true },
      { id: d.fabrikam.id, name: "Fabrikam Legal", confirmedMembers: 1, withTwoFactor: 0, withoutTwoFactor: 1, adoption: 0, policyEnabled: false },
      { id: d.tailspin.id, name: "Tailspin Toys", confirmedMembers: 2, withTwoFactor: 0, withoutTwoFactor: 2, adoption: 0, policyEnabled: false },
    ]);
  });
});

describe("policy compliance", () => {
  it("tells which policies each client has enabled", async () => {
    const d = await dataset();
    const res = await report(d, "policy-compliance", { sort: "name", order: "desc" });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.map((r: { name: string; enabledCount: number }) => [r.name, r.enabledCount])).toEqual([
      ["Tailspin Toys", 0],
      ["Fabrikam Legal", 0],
      ["Contoso Dental", 2],
    ]);
    const contoso = res.body.data[2];
    expect(contoso.policies).toEqual({
      TWO_FACTOR_AUTHENTICATION: true,
      MASTER_PASSWORD: true,
      PASSWORD_GENERATOR: false,
      SINGLE_ORG: false,
      PERSONAL_OWNERSHIP: false,
      SEND_OPTIONS: false,
      VAULT_TIMEOUT: false,
      DISABLE_PERSONAL_VAULT_EXPORT: false,
      ACCOUNT_RECOVERY: false,
    });
    expect(res.body.data[1].policies.SINGLE_ORG).toBe(false);
  });
});

describe("CSV export", () => {
  it("streams the whole report in the requested order, with formula-like names neutralised", async () => {
    const d = await dataset();
    await db.organization.update({ where: { id: d.tailspin.id }, data: { name: "=HYPERLINK(\"x\")" } });
    const res = await report(d, "seat-utilization", { format: "csv", limit: "1" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="northwind-it-seat-utilization-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parse(res.text) as string[][];
    expect(rows).toEqual([
      ["client_id", "client_name", "plan", "assigned_seats", "occupied_seats", "available_seats", "utilization_percent", "enabled"],
      [d.fabrikam.id, "Fabrikam Legal", "TEAMS_MONTHLY", "4", "1", "3", "25", "true"],
      [d.contoso.id, "Contoso Dental", "TEAMS_MONTHLY", "10", "5", "5", "50", "true"],
      [d.tailspin.id, "'=HYPERLINK(\"x\")", "TEAMS_MONTHLY", "2", "2", "0", "100", "true"],
    ]);

    const pending = parse((await report(d, "pending-invitations", { format: "csv" })).text) as string[][];
    expect(pending[0]).toEqual(["member_id", "email", "role", "status", "invited_at", "age_days", "link_expired", "client_id", "client_name"]);
    expect(pending.slice(1).map((r) => [r[1], r[3], r[5], r[6], r[8]])).toEqual([
      ["ivy@contoso.test", "INVITED", "10", "true", "Contoso Dental"],
      [expect.stringContaining("@"), "ACCEPTED", "2", "false", "Contoso Dental"],
    ]);
    const twoFactor = parse((await report(d, "two-factor", { format: "csv" })).text) as string[][];
    expect(twoFactor.slice(1)).toEqual([
      [d.tailspin.id, "'=HYPERLINK(\"x\")", "2", "0", "2", "0", "false"],
      [d.contoso.id, "Contoso Dental", "3", "2", "1", "66.7", "true"],
      [d.fabrikam.id, "Fabrikam Legal", "1", "0", "1", "0", "false"],
    ]);
    const policies = parse((await report(d, "policy-compliance", { format: "csv" })).text) as string[][];
    expect(policies[0]!.slice(0, 4)).toEqual(["client_id", "client_name", "two_factor_authentication", "master_password"]);
    expect(policies[2]!.slice(1, 4)).toEqual(["Contoso Dental", "true", "true"]);
    expect(policies[2]!.at(-1)).toBe("2");
  });

  it("reads in keyset batches: a batch of one gives the same file", async () => {
    const d = await dataset();
    const whole = await new Response(reportCsvStream("two-factor", d.provider.id, { sort: "name", order: "asc" })).text();
    const batched = await new Response(reportCsvStream("two-factor", d.provider.id, { sort: "name", order: "asc" }, 1)).text();
    expect(batched).toBe(whole);
    expect(parse(whole)).toHaveLength(4);
  });
});

describe("who may read reports", () => {
  const WHO = {
    admin: [200, (d: Dataset) => d.admin],
    "service user": [403, (d: Dataset) => d.service],
    "client owner": [404, (d: Dataset) => d.clientOwner],
    outsider: [404, (d: Dataset) => d.outsider],
    "admin of another provider": [404, (d: Dataset) => d.otherAdmin],
    staff: [403, (d: Dataset) => d.staff],
    "signed out": [401, () => null],
  } as const;
  const cases = ["seat-utilization", "pending-invitations", "two-factor", "policy-compliance"].flatMap((name) =>
    Object.entries(WHO).map(([who, [status, as]]) => [name, who, status, as] as const),
  );
  it.each(cases)("%s as %s → %i", async (name, _who, status, as) => {
    const d = await dataset();
    const res = await report(d, name, {}, as(d));
    expect(res.status, res.text).toBe(status);
    const csv = await report(d, name, { format: "csv" }, as(d));
    expect(csv.status).toBe(status);
    if (status >= 400) expect(csv.text).not.toContain("Contoso");
  });

  it("an admin's API key reads them; a Service User key gets 403", async () => {
    const d = await dataset();
    const adminKey = await createKey(d.provider.id, d.admin, "PROVIDER_ADMIN", "Reports");
    const serviceKey = await createKey(d.provider.id, d.admin, "SERVICE_USER", "Readonly");
    const path = `/api/v1/providers/${d.provider.id}/reports/two-factor`;
    const params = { id: d.provider.id, report: "two-factor" };
    expect((await withKey(reportRoute, "GET", path, adminKey.secret, { params })).status).toBe(200);
    expect((await withKey(reportRoute, "GET", path, serviceKey.secret, { params })).status).toBe(403);
  });
});

describe("query plan", () => {
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
    return flatten(((typeof raw === "string" ? JSON.parse(raw) : raw) as [{ Plan: PlanNode }])[0].Plan);
  }

  it("seat utilisation and pending invitations walk their indexes from the cursor, without sorting or scanning tables", async () => {
    const { provider } = await createProvider({ name: "Big MSP" });
    const { provider: neighbour } = await createProvider({ name: "Neighbour MSP" });
    await seedClients(sql(), { providerId: provider.id, count: 20_000, batchSize: 5000, seed: 7, membersEvery: 4 });
    await seedClients(sql(), { providerId: neighbour.id, count: 15_000, batchSize: 5000, seed: 8, membersEvery: 4 });
    await sql().exec("ANALYZE organizations; ANALYZE organization_members");
    for (const order of ["asc", "desc"] as const) {
      for (const after of [undefined, { value: 0.5, id: randomUUID() }]) {
        const nodes = await plan(seatUtilizationQuery({ providerId: provider.id, sort: "utilization", order, after, limit: 51 }));
        expect(nodes.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "organizations")).toEqual([]);
        expect(nodes.some((n) => n["Node Type"] === "Sort"), JSON.stringify(nodes)).toBe(false);
        const scan = nodes.find((n) => n["Index Name"] === "organizations_provider_id_seat_utilization_id_idx");
        expect(scan, JSON.stringify(nodes)).toBeDefined();
        expect(scan!["Scan Direction"]).toBe(order === "asc" ? "Forward" : "Backward");
        if (after) expect(scan!["Index Cond"]).toMatch(/ROW\(/);
      }
    }
    // Pending invitations: each status branch walks (status, created_at, id) from the cursor.
    expect(await db.organizationMember.count({ where: { status: { in: ["INVITED", "ACCEPTED"] } } })).toBeGreaterThan(1000);
    for (const order of ["asc", "desc"] as const) {
      for (const after of [undefined, { value: "2025-06-01T00:00:00.000000Z", id: randomUUID() }]) {
        const nodes = await plan(pendingInvitationsQuery({ providerId: provider.id, sort: "invited", order, after, limit: 51 }));
        expect(nodes.filter((n) => n["Node Type"] === "Seq Scan"), JSON.stringify(nodes)).toEqual([]);
        const scans = nodes.filter((n) => n["Index Name"] === "organization_members_status_created_at_id_idx");
        expect(scans.length, JSON.stringify(nodes)).toBe(2);
        for (const scan of scans) expect(scan["Scan Direction"]).toBe(order === "asc" ? "Forward" : "Backward");
        if (after) for (const scan of scans) expect(scan["Index Cond"]).toMatch(/ROW\(/);
      }
    }
    // The stored utilisation agrees with the seats at this scale too.
    const [mismatch] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM organizations WHERE seat_utilization <> CASE WHEN seats > 0 THEN occupied_seats::float8 / seats ELSE 0 END`;
    expect(mismatch!.n).toBe(0);
  });
});
