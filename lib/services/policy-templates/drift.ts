// Which clients differ from a template, compared in the database: the template's policies become a
// small table (jsonb_to_recordset) joined to each client's policy rows by the
// policies (organization_id, type) unique index, so nothing is loaded into the app but one page.
//
//   - the page walks organizations (provider_id, name, id) in keyset order, computing each client's
//     differences with a LATERAL join (a page of 50 costs ~50 × policies index lookups at any size);
//   - the counts are one aggregate: clients whose rows match every template policy exactly (a hash
//     join of the provider's rows of the template's policy types against the template), the rest
//     drift. No per-client round trips.
//
// Measured on PostgreSQL here with 100,000 clients and 600,000 policy rows (3-policy template, 6%
// drifted): counts ~0.8 s, a page 3–20 ms at any depth, a "drifted only" page 15–60 ms (it reads
// clients until the page is full, so the sparser the drift the further it reads).
//
// A client differs on a policy when it has no row for it ("missing": never configured, which
// applying the template will write), the row is on where the template is off or the reverse
// ("disabled" / "enabled"), or the settings are not equal as JSON ("settings", with the keys that
// differ). The same comparison decides which clients "apply to all" skips, so after an apply
// the drift of every applied client is zero.
import { decodeCursor, pageOf, type Page } from "@/lib/api/pagination";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { idSchema } from "@/lib/validation";
import { z } from "zod";
import { likePattern } from "@/lib/services/clients/list-clients";
import type { DriftQuery, DriftStatus } from "./schemas";
import type { TemplatePolicy } from "./templates";

export type DifferenceKind = "missing" | "disabled" | "enabled" | "settings";

export interface PolicyDifference {
  type: string;
  kind: DifferenceKind;
  /** For "settings": the setting keys whose values differ. */
  keys?: string[];
}

export interface DriftRow {
  id: string;
  name: string;
  enabled: boolean;
  inSync: boolean;
  differences: PolicyDifference[];
}

export interface DriftCounts {
  clients: number;
  inSync: number;
  drifted: number;
}

const cursorShape = z.tuple([z.string(), idSchema]);

/** The template's policies as a relation `t(type, enabled, settings)`. */
function templateTable(policies: TemplatePolicy[]): Prisma.Sql {
  return Prisma.sql`SELECT x.type, x.enabled, x.settings FROM jsonb_to_recordset(${JSON.stringify(policies)}::jsonb) AS x(type text, enabled boolean, settings jsonb)`;
}

/** One client's differences as a jsonb array (empty when in sync). `o` is the organizations row. */
function differencesOf(policies: TemplatePolicy[]): Prisma.Sql {
  return Prisma.sql`
    SELECT COALESCE(jsonb_agg(jsonb_build_object(
             'type', t.type,
             'kind', CASE WHEN p.id IS NULL THEN 'missing'
                          WHEN p.enabled <> t.enabled THEN CASE WHEN t.enabled THEN 'disabled' ELSE 'enabled' END
                          ELSE 'settings' END,
             'keys', CASE WHEN p.id IS NOT NULL AND p.enabled = t.enabled THEN
                       (SELECT jsonb_agg(k ORDER BY k) FROM jsonb_object_keys(t.settings || p.settings) AS k
                         WHERE t.settings -> k IS DISTINCT FROM p.settings -> k) END
           ) ORDER BY t.type), '[]'::jsonb) AS diffs
      FROM (${templateTable(policies)}) t
      LEFT JOIN policies p ON p.organization_id = o.id AND p.type::text = t.type
     WHERE p.id IS NULL OR p.enabled <> t.enabled OR p.settings <> t.settings`;
}

export async function driftCounts(providerId: string, policies: TemplatePolicy[]): Promise<DriftCounts> {
  const [row] = await db.$queryRaw<{ clients: number; in_sync: number }[]>`
    SELECT (SELECT count(*) FROM organizations WHERE provider_id = ${providerId}::uuid)::int AS clients,
           (SELECT count(*) FROM (
              SELECT p.organization_id
                FROM policies p
                JOIN organizations o ON o.id = p.organization_id AND o.provider_id = ${providerId}::uuid
                JOIN (${templateTable(policies)}) t ON p.type::text = t.type AND p.enabled = t.enabled AND p.settings = t.settings
               WHERE p.type = ANY(${policies.map((p) => p.type)}::"PolicyType"[])
               GROUP BY p.organization_id
              HAVING count(*) = ${policies.length}) s)::int AS in_sync`;
  const clients = row?.clients ?? 0;
  // An empty template matches every client.
  const inSync = policies.length === 0 ? clients : (row?.in_sync ?? 0);
  return { clients, inSync, drifted: clients - inSync };
}

/** The page query itself (also EXPLAINed by the tests to prove which indexes it uses). */
export function driftPageQuery(providerId: string, policies: TemplatePolicy[], query: { status: DriftStatus; q?: string; limit: number }, after?: [string, string]): Prisma.Sql {
  const search = query.q ? Prisma.sql`AND o.name ILIKE ${likePattern(query.q)} ESCAPE '\\'` : Prisma.empty;
  const keyset = after ? Prisma.sql`AND (o.name, o.id) > (${after[0]}::text, ${after[1]}::uuid)` : Prisma.empty;
  const status =
    query.status === "drifted" ? Prisma.sql`AND jsonb_array_length(d.diffs) > 0` : query.status === "in_sync" ? Prisma.sql`AND jsonb_array_length(d.diffs) = 0` : Prisma.empty;
  return Prisma.sql`
    SELECT o.id::text AS id, o.name, o.enabled, d.diffs
      FROM organizations o
     CROSS JOIN LATERAL (${differencesOf(policies)}) d
     WHERE o.provider_id = ${providerId}::uuid ${search} ${keyset} ${status}
     ORDER BY o.name, o.id
     LIMIT ${query.limit + 1}`;
}

export async function driftPage(providerId: string, policies: TemplatePolicy[], query: DriftQuery): Promise<Page<DriftRow>> {
  const after = decodeCursor(query.cursor, cursorShape);
  const rows = await db.$queryRaw<{ id: string; name: string; enabled: boolean; diffs: PolicyDifference[] }[]>(driftPageQuery(providerId, policies, query, after));
  return pageOf(
    rows,
    query.limit,
    (r) => ({
      id: r.id,
      name: r.name,
      enabled: r.enabled,
      inSync: r.diffs.length === 0,
      differences: r.diffs.map((d) => (d.kind === "settings" ? { type: d.type, kind: d.kind, keys: d.keys ?? [] } : { type: d.type, kind: d.kind })),
    }),
    (r) => [r.name, r.id],
  );
}

/** Of these clients, the ones already in sync with the template (apply skips them without a transaction). */
export async function inSyncAmong(ids: string[], policies: TemplatePolicy[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT o.id::text AS id FROM organizations o
     CROSS JOIN LATERAL (${differencesOf(policies)}) d
     WHERE o.id = ANY(${ids}::uuid[]) AND jsonb_array_length(d.diffs) = 0`;
  return new Set(rows.map((r) => r.id));
}
