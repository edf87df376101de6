// The drift table's page query walks the client list's (provider_id, name, id) index from the
// cursor and reads each client's policies through the (organization_id, type) unique index: never a
// scan of all organizations or all policies, so a page costs the same at any depth and size.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, sql } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { driftPageQuery } from "@/lib/services/policy-templates/drift";
import { validateTemplatePolicies } from "@/lib/services/policy-templates/templates";
import { createProvider } from "../support/factories";

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
}
const flatten = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(flatten)];

async function plan(query: Prisma.Sql): Promise<PlanNode[]> {
  const rows = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] | string }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${query}`);
  const raw = rows[0]!["QUERY PLAN"];
  return flatten(((typeof raw === "string" ? JSON.parse(raw) : raw) as [{ Plan: PlanNode }])[0].Plan);
}

describe("drift query plans", () => {
  it("pages by index from the cursor and looks policies up by index", async () => {
    const { provider } = await createProvider({ name: "Big MSP" });
    const { provider: neighbour } = await createProvider({ name: "Neighbour MSP" });
    for (const [id, count] of [[provider.id, 20_000], [neighbour.id, 10_000]] as const) {
      await sql().query(
        `INSERT INTO organizations (id, name, billing_email, plan, seats, provider_id, created_at, updated_at)
         SELECT gen_random_uuid(), 'Client ' || lpad(i::text, 6, '0'), 'b@x.test', 'TEAMS_MONTHLY', 10, $1::uuid, now(), now() FROM generate_series(1, ${count}) i`,
        [id],
      );
    }
    for (const type of ["VAULT_TIMEOUT", "SINGLE_ORG", "SEND_OPTIONS"]) {
      await sql().query(`INSERT INTO policies (organization_id, type, enabled, settings, updated_at) SELECT id, $1::"PolicyType", true, '{}'::jsonb, now() FROM organizations`, [type]);
    }
    await sql().exec("ANALYZE organizations; ANALYZE policies");
    const policies = validateTemplatePolicies([
      { type: "VAULT_TIMEOUT", enabled: true, settings: { maxMinutes: 30 } },
      { type: "SINGLE_ORG", enabled: true },
    ]);
    const seqScans = (nodes: PlanNode[]) => nodes.filter((n) => n["Node Type"] === "Seq Scan" && (n["Relation Name"] === "organizations" || n["Relation Name"] === "policies"));

    for (const after of [undefined, ["Client 015000", randomUUID()] as [string, string]]) {
      const nodes = await plan(driftPageQuery(provider.id, policies, { status: "all", limit: 50 }, after));
      expect(seqScans(nodes), JSON.stringify(nodes)).toEqual([]);
      const page = nodes.find((n) => n["Index Name"] === "organizations_provider_id_name_id_idx");
      expect(page, JSON.stringify(nodes)).toBeDefined();
      if (after) expect(page!["Index Cond"]).toMatch(/ROW\(/);
      expect(nodes.some((n) => n["Index Name"] === "policies_organization_id_type_key"), JSON.stringify(nodes)).toBe(true);
      expect(nodes.some((n) => n["Node Type"] === "Sort" && n.Plans?.some((p) => p["Relation Name"] === "organizations")), "the index gives the order").toBe(false);
    }
  });
});
