// Reading the event log: newest first, keyset-paged on (occurred_at, id), in raw SQL shaped for the
// indexes on `events` (see schema.prisma). Each shape is one index range scan that stops after a
// page, so page 1 and page 1,000 cost the same at millions of events:
//   provider log  (provider_id, occurred_at, id), or (provider_id, type | actor_user_id | organization_id, occurred_at, id)
//   organization  (organization_id, occurred_at, id), or (organization_id, type | actor_user_id, occurred_at, id)
// Several types are read as one ordered branch per type (each stops after a page) merged by a UNION
// ALL, because `type IN (...)` cannot walk a (type, time) index in time order.
import { z } from "zod";
import { decodeCursor, encodeCursor, type Page } from "@/lib/api/pagination";
import { queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { describeEvent, eventTypeLabel } from "@/lib/events/describe";
import type { EventFilter, EventScope } from "./event-filter";

export interface EventRow {
  id: string;
  occurred_at: string;
  type: string;
  provider_id: string | null;
  acting_provider_id: string | null;
  organization_id: string | null;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  target_type: string | null;
  target_id: string | null;
  target_name: string | null;
  ip: string | null;
  user_agent: string | null;
  details: unknown;
  /** Current names, for the sentence (events store ids). */
  organization_name: string | null;
  acting_provider_name: string | null;
}

export interface EventItem {
  id: string;
  /** ISO-8601 UTC with microseconds, as stored. */
  occurredAt: string;
  type: string;
  typeLabel: string;
  /** The event as a plain sentence ("Alice Admin invited bob@x.com as Service User"). */
  description: string;
  actor: { id: string | null; name: string | null; email: string | null } | null;
  /** Set when a provider member acted inside a client organization. */
  actingProvider: { id: string; name: string | null } | null;
  providerId: string | null;
  organization: { id: string; name: string | null } | null;
  target: { type: string | null; id: string | null; name: string | null } | null;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
}

/** The sort key of a row: its time (ISO, microseconds) and id. */
export type EventKey = [occurredAt: string, id: string];

const cursorShape = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/), z.string().regex(/^\d{1,19}$/)]);

const COLUMNS = Prisma.raw(
  "id, occurred_at, type, provider_id, acting_provider_id, organization_id, actor_user_id, actor_name, actor_email, target_type, target_id, target_name, ip, user_agent, details",
);

export function decodeEventCursor(cursor: string | undefined): EventKey | undefined {
  return decodeCursor(cursor, cursorShape);
}

/** The SQL of one page: `limit` rows of the scope and filter, after `after` (exclusive), newest first. */
export function eventPageSql(scope: EventScope, filter: EventFilter, after: EventKey | undefined, limit: number): Prisma.Sql {
  const branches = (filter.types?.length ? filter.types : [undefined]).map(
    (type) => Prisma.sql`(SELECT ${COLUMNS} FROM events WHERE ${Prisma.join(conditions(scope, filter, after, type), " AND ")}
      ORDER BY occurred_at DESC, id DESC LIMIT ${limit})`,
  );
  // Names are looked up after the page is cut, one primary-key probe per row shown. Scalar subqueries,
  // not joins: for an export's batch of thousands of rows a join is planned as a hash join over every
  // organization (a sequential scan per batch, 2.5× slower at 100,000 clients).
  return Prisma.sql`SELECT e.id::text AS id,
      to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at,
      e.type, e.provider_id::text AS provider_id, e.acting_provider_id::text AS acting_provider_id,
      e.organization_id::text AS organization_id, e.actor_user_id::text AS actor_user_id, e.actor_name, e.actor_email,
      e.target_type, e.target_id, e.target_name, e.ip, e.user_agent, e.details,
      (SELECT o.name FROM organizations o WHERE o.id = e.organization_id) AS organization_name,
      (SELECT ap.name FROM providers ap WHERE ap.id = e.acting_provider_id) AS acting_provider_name
    FROM (SELECT * FROM (${Prisma.join(branches, " UNION ALL ")}) AS page ORDER BY page.occurred_at DESC, page.id DESC LIMIT ${limit}) AS e
    ORDER BY e.occurred_at DESC, e.id DESC`;
}

function conditions(scope: EventScope, filter: EventFilter, after: EventKey | undefined, type: string | undefined): Prisma.Sql[] {
  const where = [
    scope.kind === "provider" ? Prisma.sql`provider_id = ${scope.providerId}::uuid` : Prisma.sql`organization_id = ${scope.organizationId}::uuid`,
  ];
  if (type) where.push(Prisma.sql`type = ${type}`);
  if (filter.actorId) where.push(Prisma.sql`actor_user_id = ${filter.actorId}::uuid`);
  if (scope.kind === "provider" && filter.organizationId) where.push(Prisma.sql`organization_id = ${filter.organizationId}::uuid`);
  if (filter.from) where.push(Prisma.sql`occurred_at >= ${filter.from.toISOString()}::timestamptz`);
  if (filter.to) where.push(Prisma.sql`occurred_at < ${filter.to.toISOString()}::timestamptz`);
  if (after) where.push(Prisma.sql`(occurred_at, id) < (${after[0]}::timestamptz, ${after[1]}::bigint)`);
  return where;
}

export async function fetchEventRows(scope: EventScope, filter: EventFilter, after: EventKey | undefined, limit: number): Promise<EventRow[]> {
  return queryRows<EventRow>(eventPageSql(scope, filter, after, limit));
}

export function toEventItem(row: EventRow): EventItem {
  const organizationName =
    row.organization_name ?? (row.target_type === "ORGANIZATION" && row.target_id === row.organization_id ? row.target_name : null);
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    type: row.type,
    typeLabel: eventTypeLabel(row.type),
    description: describeEvent(
      {
        type: row.type,
        actorUserId: row.actor_user_id,
        actorName: row.actor_name,
        actorEmail: row.actor_email,
        actingProviderId: row.acting_provider_id,
        organizationId: row.organization_id,
        targetType: row.target_type,
        targetId: row.target_id,
        targetName: row.target_name,
        details: row.details,
      },
      { organizationName, actingProviderName: row.acting_provider_name },
    ),
    actor: row.actor_user_id || row.actor_name || row.actor_email ? { id: row.actor_user_id, name: row.actor_name, email: row.actor_email } : null,
    actingProvider: row.acting_provider_id ? { id: row.acting_provider_id, name: row.acting_provider_name } : null,
    providerId: row.provider_id,
    organization: row.organization_id ? { id: row.organization_id, name: organizationName } : null,
    target: row.target_type || row.target_id || row.target_name ? { type: row.target_type, id: row.target_id, name: row.target_name } : null,
    ip: row.ip,
    userAgent: row.user_agent,
    details: row.details ?? {},
  };
}

export function eventKey(row: { occurred_at: string; id: string }): EventKey {
  return [row.occurred_at, row.id];
}

/** One page of a log: `{data, nextCursor}`. */
export async function listEvents(scope: EventScope, filter: EventFilter, page: { limit: number; cursor?: string }): Promise<Page<EventItem>> {
  const after = decodeEventCursor(page.cursor);
  const rows = await fetchEventRows(scope, filter, after, page.limit + 1);
  const hasMore = rows.length > page.limit;
  const slice = hasMore ? rows.slice(0, page.limit) : rows;
  const last = slice.at(-1);
  return { data: slice.map(toEventItem), nextCursor: hasMore && last ? encodeCursor(eventKey(last)) : null };
}
