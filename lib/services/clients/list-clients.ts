// The client list: one keyset page of a provider's organizations, in raw SQL so each sort walks its
// own index — (provider_id, name, id), (provider_id, seats, id) or (provider_id, created_at, id) —
// and a search uses the trigram index on name. A page costs the same at any depth and at any number
// of clients; the totals are one row of provider_stats (kept by triggers, see the first migration).
// A client-scoped Service User's list is limited to their assignments (a semi-join the planner drives
// from provider_user_clients' primary key (provider_user_id, organization_id), pinned by a test): it
// reads only their assigned clients, and their totals are summed over those. Both queries go straight
// through the driver (queryRows): this is the portal's busiest read.
import { z } from "zod";
import { decodeCursor, pageOf, type Page } from "@/lib/api/pagination";
import { queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { badRequest } from "@/lib/errors";
import { idSchema } from "@/lib/validation";
import { defaultOrder, type ClientSort, type ListClientsQuery, type Plan, type SortOrder } from "./schemas";

export interface ClientRow {
  id: string;
  name: string;
  plan: Plan;
  seats: number;
  occupiedSeats: number;
  enabled: boolean;
  isProviderInternal: boolean;
  createdAt: string;
}

export interface ClientTotals {
  clients: number;
  seats: number;
  occupiedSeats: number;
}

export interface ClientList extends Page<ClientRow> {
  totals: ClientTotals;
  sort: ClientSort;
  order: SortOrder;
}

const SORT_COLUMN: Record<ClientSort, string> = { name: "name", seats: "seats", created: "created_at" };

/** The cursor names its sort and order, so a cursor from another ordering is refused, not misread. */
const cursorShape = z.tuple([z.enum(["name", "seats", "created"]), z.enum(["asc", "desc"]), z.union([z.string(), z.number().int()]), idSchema]);

interface Keyset {
  value: string | number;
  id: string;
}

interface RawRow {
  id: string;
  name: string;
  plan: Plan;
  seats: number;
  occupied_seats: number;
  enabled: boolean;
  is_provider_internal: boolean;
  /** created_at to the microsecond (a JS Date would drop the microseconds the cursor needs). */
  created_key: string;
}

/** `%`, `_` and `\` in the search text match themselves. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function keysetValue(sort: ClientSort, value: string | number): Prisma.Sql {
  if (sort === "seats") return Prisma.sql`${Number(value)}::int`;
  if (sort === "created") return Prisma.sql`${String(value)}::timestamptz`;
  return Prisma.sql`${String(value)}::text`;
}

/** The page query itself (also EXPLAINed by the tests to prove which index it uses). */
export function clientPageQuery(input: {
  providerId: string;
  /** A client-scoped member's membership id: only their assigned clients. */
  scope?: string | null;
  q?: string;
  sort: ClientSort;
  order: SortOrder;
  after?: Keyset;
  limit: number;
}): Prisma.Sql {
  const column = Prisma.raw(SORT_COLUMN[input.sort]);
  const direction = Prisma.raw(input.order === "asc" ? "ASC" : "DESC");
  const search = input.q ? Prisma.sql`AND name ILIKE ${likePattern(input.q)} ESCAPE '\\'` : Prisma.empty;
  const keyset = input.after
    ? Prisma.sql`AND (${column}, id) ${Prisma.raw(input.order === "asc" ? ">" : "<")} (${keysetValue(input.sort, input.after.value)}, ${input.after.id}::uuid)`
    : Prisma.empty;
  return Prisma.sql`
    SELECT id, name, plan, seats, occupied_seats, enabled, is_provider_internal,
           to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key
      FROM organizations
     WHERE provider_id = ${input.providerId}::uuid ${scopeFilter(input.scope)} ${search} ${keyset}
     ORDER BY ${column} ${direction}, id ${direction}
     LIMIT ${input.limit + 1}`;
}

function scopeFilter(scope: string | null | undefined): Prisma.Sql {
  return scope ? Prisma.sql`AND id IN (SELECT organization_id FROM provider_user_clients WHERE provider_user_id = ${scope}::uuid)` : Prisma.empty;
}

/** The totals: one row of provider_stats (kept by triggers), or a scoped member's sum over their clients. */
export function clientTotalsQuery(providerId: string, scope?: string | null): Prisma.Sql {
  if (scope) {
    return Prisma.sql`
      SELECT count(*)::int AS client_count, coalesce(sum(o.seats), 0)::int AS seats, coalesce(sum(o.occupied_seats), 0)::int AS occupied_seats
        FROM provider_user_clients puc JOIN organizations o ON o.id = puc.organization_id
       WHERE puc.provider_user_id = ${scope}::uuid AND o.provider_id = ${providerId}::uuid`;
  }
  return Prisma.sql`SELECT client_count, seats, occupied_seats FROM provider_stats WHERE provider_id = ${providerId}::uuid`;
}

export async function clientTotals(providerId: string, scope?: string | null): Promise<ClientTotals> {
  const [stats] = await queryRows<{ client_count: number; seats: number; occupied_seats: number }>(clientTotalsQuery(providerId, scope));
  return { clients: stats?.client_count ?? 0, seats: stats?.seats ?? 0, occupiedSeats: stats?.occupied_seats ?? 0 };
}

/** `scope`: a client-scoped member's membership id (clientScopeOf), null for the whole provider. */
export async function listClients(providerId: string, query: ListClientsQuery, scope: string | null = null): Promise<ClientList> {
  const order = query.order ?? defaultOrder(query.sort);
  const cursor = decodeCursor(query.cursor, cursorShape);
  if (cursor && (cursor[0] !== query.sort || cursor[1] !== order)) {
    throw badRequest("The cursor belongs to another sort order. Start again from the first page.", { cursor: "invalid cursor" }, "invalid_cursor");
  }
  const after = cursor ? { value: cursor[2], id: cursor[3] } : undefined;
  const [rows, totals] = await Promise.all([
    queryRows<RawRow>(clientPageQuery({ providerId, scope, q: query.q, sort: query.sort, order, after, limit: query.limit })),
    clientTotals(providerId, scope),
  ]);
  const page = pageOf(rows, query.limit, toClientRow, (r) => [query.sort, order, sortKeyOf(query.sort, r), r.id]);
  return { ...page, totals, sort: query.sort, order };
}

function sortKeyOf(sort: ClientSort, row: RawRow): string | number {
  if (sort === "seats") return row.seats;
  if (sort === "created") return row.created_key;
  return row.name;
}

function toClientRow(r: RawRow): ClientRow {
  return {
    id: r.id,
    name: r.name,
    plan: r.plan,
    seats: r.seats,
    occupiedSeats: r.occupied_seats,
    enabled: r.enabled,
    isProviderInternal: r.is_provider_internal,
    createdAt: r.created_key,
  };
}
