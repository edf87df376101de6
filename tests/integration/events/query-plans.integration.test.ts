// Every shape of the log's list query reads through the index made for it, never a sequential scan
// of `events`: that is what keeps page 1 and page 1,000 at a few milliseconds at millions of events.
// The data here is small (tens of thousands of rows) but shaped like a real log, and the planner
// sees real statistics (ANALYZE).
import { beforeEach, describe, expect, it } from "vitest";
import { db, sql } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import type { EventFilter, EventScope } from "@/lib/services/events/event-filter";
import { eventPageSql, type EventKey } from "@/lib/services/events/list-events";

const PROVIDER = "11111111-1111-4111-8111-111111111111";
const OTHER_PROVIDER = "22222222-2222-4222-8222-222222222222";
const BIG_ORG = "33333333-3333-4333-8333-333333333333";
const ACTOR = "44444444-4444-4444-8444-000000000003";
const TYPES = ["PROVIDER_ORGANIZATION_VAULT_ACCESSED", "MEMBER_INVITED", "MEMBER_CONFIRMED", "POLICY_UPDATED", "GROUP_CREATED", "COLLECTION_CREATED", "PROVIDER_USER_INVITED", "PROVIDER_UPDATED"];

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function scansOfEvents(node: PlanNode): { type: string; index?: string }[] {
  const own = node["Relation Name"] === "events" ? [{ type: node["Node Type"], index: node["Index Name"] }] : [];
  return [...own, ...(node.Plans ?? []).flatMap(scansOfEvents)];
}

async function plan(scope: EventScope, filter: EventFilter, after?: EventKey) {
  const rows = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${eventPageSql(scope, filter, after, 51)}`);
  return scansOfEvents(rows[0]!["QUERY PLAN"][0].Plan);
}

beforeEach(async () => {
  const types = `ARRAY[${TYPES.map((t) => `'${t}'`).join(",")}]`;
  // 20,000 events of one provider over a year (200 clients, 12 actors, skewed types), 5,000 of
  // another provider, and one large client organization with 8,000 events of its own.
  await sql().exec(`
    INSERT INTO events (occurred_at, type, provider_id, acting_provider_id, organization_id, actor_user_id, details, chain_scope, seq, prev_hash, hash)
    SELECT timestamptz '2026-01-01' + g * interval '26 minutes',
           (${types})[CASE WHEN g % 10 < 6 THEN 1 ELSE 2 + g % 7 END],
           '${PROVIDER}', '${PROVIDER}',
           ('55555555-5555-4555-8555-' || lpad((g % 200)::text, 12, '0'))::uuid,
           ('44444444-4444-4444-8444-' || lpad((g % 12)::text, 12, '0'))::uuid,
           '{}', 'provider:${PROVIDER}', g, '\\x00', '\\x00'
      FROM generate_series(1, 20000) g;
    INSERT INTO events (occurred_at, type, provider_id, organization_id, actor_user_id, details, chain_scope, seq, prev_hash, hash)
    SELECT timestamptz '2026-01-01' + g * interval '50 minutes', 'MEMBER_INVITED', '${OTHER_PROVIDER}', gen_random_uuid(), gen_random_uuid(),
           '{}', 'provider:${OTHER_PROVIDER}', g, '\\x00', '\\x00'
      FROM generate_series(1, 5000) g;
    INSERT INTO events (occurred_at, type, organization_id, actor_user_id, details, chain_scope, seq, prev_hash, hash)
    SELECT timestamptz '2026-01-01' + g * interval '60 minutes', (${types})[2 + g % 7],
           '${BIG_ORG}', ('44444444-4444-4444-8444-' || lpad((g % 5)::text, 12, '0'))::uuid,
           '{}', 'organization:${BIG_ORG}', g, '\\x00', '\\x00'
      FROM generate_series(1, 8000) g;
    ANALYZE events;
  `);
});

const provider: EventScope = { kind: "provider", providerId: PROVIDER };
const org: EventScope = { kind: "organization", organizationId: BIG_ORG };
const deep: EventKey = ["2026-04-01T10:00:00.000000Z", "25000"];

const SHAPES: [string, EventScope, EventFilter, EventKey | undefined, string][] = [
  ["provider log, unfiltered", provider, {}, undefined, "events_provider_id_occurred_at_id_idx"],
  ["provider log, deep page", provider, {}, deep, "events_provider_id_occurred_at_id_idx"],
  ["provider log, date range", provider, { from: new Date("2026-03-01"), to: new Date("2026-04-01") }, undefined, "events_provider_id_occurred_at_id_idx"],
  ["provider log, type + date range", provider, { types: ["POLICY_UPDATED"], from: new Date("2026-03-01"), to: new Date("2026-04-01") }, undefined, "events_provider_id_type_occurred_at_id_idx"],
  ["provider log, type, deep page", provider, { types: ["PROVIDER_UPDATED"] }, deep, "events_provider_id_type_occurred_at_id_idx"],
  ["provider log, several types", provider, { types: ["POLICY_UPDATED", "GROUP_CREATED", "PROVIDER_UPDATED"] }, undefined, "events_provider_id_type_occurred_at_id_idx"],
  ["provider log, actor", provider, { actorId: ACTOR }, undefined, "events_provider_id_actor_user_id_occurred_at_id_idx"],
  ["provider log, actor, deep page", provider, { actorId: ACTOR }, deep, "events_provider_id_actor_user_id_occurred_at_id_idx"],
  ["provider log, client organization", provider, { organizationId: "55555555-5555-4555-8555-000000000007" }, undefined, "events_provider_id_organization_id_occurred_at_id_idx"],
  ["organization log, unfiltered", org, {}, undefined, "events_organization_id_occurred_at_id_idx"],
  ["organization log, deep page", org, {}, ["2026-08-01T00:00:00.000000Z", "55000"], "events_organization_id_occurred_at_id_idx"],
  ["organization log, type", org, { types: ["POLICY_UPDATED"] }, undefined, "events_organization_id_type_occurred_at_id_idx"],
  ["organization log, actor", org, { actorId: ACTOR }, undefined, "events_organization_id_actor_user_id_occurred_at_id_idx"],
];

describe("event log query plans", () => {
  // One test over every shape (the data is loaded once; each test starts from empty tables).
  it("reads every list shape in time order through the index made for it, with no sequential scan", async () => {
    const actual: Record<string, string[]> = {};
    const expected: Record<string, string[]> = {};
    for (const [name, scope, filter, after, index] of SHAPES) {
      const scans = await plan(scope, filter, after);
      actual[name] = scans.map((s) => `${s.type} using ${s.index}`);
      const branches = filter.types?.length ?? 1;
      expect(scans.length, name).toBe(branches);
      expected[name] = scans.map((s) => `${s.type === "Index Only Scan" ? "Index Only Scan" : "Index Scan"} using ${index}`);
    }
    expect(actual).toEqual(expected);
  });
});
