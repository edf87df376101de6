// The cross-client reports of a provider (beyond the reference): seat utilisation, pending
// invitations, two-step login adoption and policy compliance. Provider Admins only.
//
// Every report is a keyset-paged query whose order is an index walk, so a page costs the same at 60
// or 100,000 clients and at any depth:
//   seat-utilization   organizations (provider_id, seat_utilization|name|seats, id); seat_utilization
//                      is kept by a trigger; totals are the provider_stats row, the lowest and highest
//                      client one index probe each.
//   two-factor,        organizations (provider_id, name|created_at, id); each page's figures are
//   policy-compliance  counted for the clients on that page only (members by (organization_id, status),
//                      policies by (organization_id, type)).
//   pending-invitations  organization_members (status, created_at, id), one ordered branch per status,
//                      each member's client checked by primary key; the branches' pages are merged.
// The CSV export walks the same pages in batches (lib/services/reports/report-csv.ts).
import { z } from "zod";
import { decodeCursor, encodeCursor, type Page } from "@/lib/api/pagination";
import { db } from "@/lib/db/client";
import { Prisma, type PolicyType } from "@/lib/db/generated/client.ts";
import { badRequest } from "@/lib/errors";
import { POLICY_TYPES } from "@/lib/policies/definitions";
import { clientTotals } from "@/lib/services/clients/list-clients";
import { idSchema } from "@/lib/validation";
import { defaultReportOrder, REPORT_SORTS, type ReportName, type ReportQuery } from "./schemas";

type Order = "asc" | "desc";
type KeyValue = string | number;

export interface SeatUtilizationRow {
  id: string;
  name: string;
  plan: string;
  seats: number;
  occupiedSeats: number;
  availableSeats: number;
  /** occupiedSeats / seats, 0..1 (0 without seats). */
  utilization: number;
  enabled: boolean;
}

export interface PendingInvitationRow {
  id: string;
  email: string;
  role: string;
  status: "INVITED" | "ACCEPTED";
  invitedAt: string;
  /** Whole days since the invitation was sent. */
  ageDays: number;
  /** INVITED only: the link has expired and needs a re-invite. */
  expired: boolean;
  organization: { id: string; name: string };
}

export interface TwoFactorRow {
  id: string;
  name: string;
  confirmedMembers: number;
  withTwoFactor: number;
  withoutTwoFactor: number;
  /** withTwoFactor / confirmedMembers, 0..1; null without confirmed members. */
  adoption: number | null;
  /** The organization's "Require two-step login" policy is on. */
  policyEnabled: boolean;
}

export interface PolicyComplianceRow {
  id: string;
  name: string;
  /** Every policy type: whether it is enabled. */
  policies: Record<PolicyType, boolean>;
  enabledCount: number;
}

export interface ReportRows {
  "seat-utilization": SeatUtilizationRow;
  "pending-invitations": PendingInvitationRow;
  "two-factor": TwoFactorRow;
  "policy-compliance": PolicyComplianceRow;
}

export interface ReportPage<R extends ReportName = ReportName> extends Page<ReportRows[R]> {
  report: R;
  sort: string;
  order: Order;
}

interface Fetch {
  providerId: string;
  sort: string;
  order: Order;
  after?: { value: KeyValue; id: string };
  limit: number;
}

/** What the keyset compares for a row, besides its id. */
type Keyed<T> = { row: T; key: KeyValue; id: string };

const MICROS = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

function keyset(column: string, order: Order, after: Fetch["after"], idColumn: string, cast: string): Prisma.Sql {
  if (!after) return Prisma.empty;
  const op = Prisma.raw(order === "asc" ? ">" : "<");
  const value = cast === "int" || cast === "float8" ? Number(after.value) : String(after.value);
  return Prisma.sql`AND (${Prisma.raw(column)}, ${Prisma.raw(idColumn)}) ${op} (${value}::${Prisma.raw(cast)}, ${after.id}::uuid)`;
}

const ORG_SORT: Record<string, { column: string; cast: string }> = {
  name: { column: "o.name", cast: "text" },
  seats: { column: "o.seats", cast: "int" },
  created: { column: "o.created_at", cast: "timestamptz" },
  utilization: { column: "o.seat_utilization", cast: "float8" },
};

function orgOrder(f: Fetch) {
  const sort = ORG_SORT[f.sort]!;
  const dir = Prisma.raw(f.order === "asc" ? "ASC" : "DESC");
  return {
    where: keyset(sort.column, f.order, f.after, "o.id", sort.cast),
    orderBy: Prisma.sql`ORDER BY ${Prisma.raw(sort.column)} ${dir}, o.id ${dir}`,
  };
}

interface OrgKeyRaw {
  id: string;
  name: string;
  seats: number;
  seat_utilization: number;
  created_key: string;
}

function orgKey(sort: string, r: OrgKeyRaw): KeyValue {
  if (sort === "seats") return r.seats;
  if (sort === "utilization") return r.seat_utilization;
  if (sort === "created") return r.created_key;
  return r.name;
}

/** The seat utilisation page query (also EXPLAINed by the tests to prove it walks an index). */
export function seatUtilizationQuery(f: Fetch): Prisma.Sql {
  const { where, orderBy } = orgOrder(f);
  return Prisma.sql`
    SELECT o.id, o.name, o.plan::text AS plan, o.seats, o.occupied_seats, o.seat_utilization, o.enabled,
           to_char(o.created_at AT TIME ZONE 'UTC', ${Prisma.raw(MICROS)}) AS created_key
      FROM organizations o
     WHERE o.provider_id = ${f.providerId}::uuid ${where}
     ${orderBy}
     LIMIT ${f.limit}`;
}

async function seatUtilization(f: Fetch): Promise<Keyed<SeatUtilizationRow>[]> {
  const rows = await db.$queryRaw<(OrgKeyRaw & { plan: string; occupied_seats: number; enabled: boolean })[]>(seatUtilizationQuery(f));
  return rows.map((r) => ({
    key: orgKey(f.sort, r),
    id: r.id,
    row: {
      id: r.id,
      name: r.name,
      plan: r.plan,
      seats: r.seats,
      occupiedSeats: r.occupied_seats,
      availableSeats: Math.max(0, r.seats - r.occupied_seats),
      utilization: r.seat_utilization,
      enabled: r.enabled,
    },
  }));
}

/**
 * The pending invitations page query (also EXPLAINed by the tests): one branch per status, each
 * walking organization_members (status, created_at, id) in time order from the cursor and keeping
 * this provider's clients (one primary-key probe per member), cut to a page; the two pages are merged.
 */
export function pendingInvitationsQuery(f: Fetch): Prisma.Sql {
  const dir = Prisma.raw(f.order === "asc" ? "ASC" : "DESC");
  const branch = (status: "INVITED" | "ACCEPTED") => Prisma.sql`(
    SELECT m.id, m.email, m.role, m.status, m.created_at, m.invite_expires_at, o.id AS org_id, o.name AS org_name
      FROM organization_members m JOIN organizations o ON o.id = m.organization_id
     WHERE m.status = ${status}::"MemberStatus" AND o.provider_id = ${f.providerId}::uuid
           ${keyset("m.created_at", f.order, f.after, "m.id", "timestamptz")}
     ORDER BY m.created_at ${dir}, m.id ${dir}
     LIMIT ${f.limit})`;
  return Prisma.sql`
    SELECT p.id, p.email, p.role::text AS role, p.status::text AS status,
           to_char(p.created_at AT TIME ZONE 'UTC', ${Prisma.raw(MICROS)}) AS created_key,
           floor(extract(epoch FROM now() - p.created_at) / 86400)::int AS age_days,
           (p.status = 'INVITED' AND p.invite_expires_at IS NOT NULL AND p.invite_expires_at < now()) AS expired,
           p.org_id, p.org_name
      FROM (${branch("INVITED")} UNION ALL ${branch("ACCEPTED")}) AS p
     ORDER BY p.created_at ${dir}, p.id ${dir}
     LIMIT ${f.limit}`;
}

async function pendingInvitations(f: Fetch): Promise<Keyed<PendingInvitationRow>[]> {
  const rows = await db.$queryRaw<
    { id: string; email: string; role: string; status: "INVITED" | "ACCEPTED"; created_key: string; age_days: number; org_id: string; org_name: string; expired: boolean }[]
  >(pendingInvitationsQuery(f));
  return rows.map((r) => ({
    key: r.created_key,
    id: r.id,
    row: {
      id: r.id,
      email: r.email,
      role: r.role,
      status: r.status,
      invitedAt: r.created_key,
      ageDays: r.age_days,
      expired: r.expired,
      organization: { id: r.org_id, name: r.org_name },
    },
  }));
}

async function twoFactor(f: Fetch): Promise<Keyed<TwoFactorRow>[]> {
  const { where, orderBy } = orgOrder(f);
  const rows = await db.$queryRaw<(OrgKeyRaw & { confirmed: number; with_2fa: number; policy_enabled: boolean })[]>`
    SELECT o.id, o.name, o.seats, o.seat_utilization,
           to_char(o.created_at AT TIME ZONE 'UTC', ${Prisma.raw(MICROS)}) AS created_key,
           s.confirmed, s.with_2fa,
           EXISTS (SELECT 1 FROM policies p WHERE p.organization_id = o.id AND p.type = 'TWO_FACTOR_AUTHENTICATION' AND p.enabled) AS policy_enabled
      FROM organizations o
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS confirmed, count(u.totp_enabled_at)::int AS with_2fa
          FROM organization_members m LEFT JOIN users u ON u.id = m.user_id
         WHERE m.organization_id = o.id AND m.status = 'CONFIRMED'
      ) s
     WHERE o.provider_id = ${f.providerId}::uuid ${where}
     ${orderBy}
     LIMIT ${f.limit}`;
  return rows.map((r) => ({
    key: orgKey(f.sort, r),
    id: r.id,
    row: {
      id: r.id,
      name: r.name,
      confirmedMembers: r.confirmed,
      withTwoFactor: r.with_2fa,
      withoutTwoFactor: r.confirmed - r.with_2fa,
      adoption: r.confirmed > 0 ? r.with_2fa / r.confirmed : null,
      policyEnabled: r.policy_enabled,
    },
  }));
}

async function policyCompliance(f: Fetch): Promise<Keyed<PolicyComplianceRow>[]> {
  const { where, orderBy } = orgOrder(f);
  const rows = await db.$queryRaw<(OrgKeyRaw & { enabled_types: string[] | null })[]>`
    SELECT o.id, o.name, o.seats, o.seat_utilization,
           to_char(o.created_at AT TIME ZONE 'UTC', ${Prisma.raw(MICROS)}) AS created_key,
           (SELECT array_agg(p.type::text) FROM policies p WHERE p.organization_id = o.id AND p.enabled) AS enabled_types
      FROM organizations o
     WHERE o.provider_id = ${f.providerId}::uuid ${where}
     ${orderBy}
     LIMIT ${f.limit}`;
  return rows.map((r) => {
    const on = new Set(r.enabled_types ?? []);
    const policies = Object.fromEntries(POLICY_TYPES.map((t) => [t, on.has(t)])) as Record<PolicyType, boolean>;
    return { key: orgKey(f.sort, r), id: r.id, row: { id: r.id, name: r.name, policies, enabledCount: POLICY_TYPES.filter((t) => on.has(t)).length } };
  });
}

const FETCHERS: { [R in ReportName]: (f: Fetch) => Promise<Keyed<ReportRows[R]>[]> } = {
  "seat-utilization": seatUtilization,
  "pending-invitations": pendingInvitations,
  "two-factor": twoFactor,
  "policy-compliance": policyCompliance,
};

/** The cursor names its report, sort and order, so a cursor from another ordering is refused, not misread. */
const cursorShape = z.tuple([z.string(), z.string(), z.enum(["asc", "desc"]), z.union([z.string(), z.number()]), idSchema]);

export interface ReportOrdering {
  sort: string;
  order: Order;
}

/** The sort and order a query asks for, checked against the report (400 for a sort it does not have). */
export function orderingOf(report: ReportName, query: Pick<ReportQuery, "sort" | "order">): ReportOrdering {
  const sorts: readonly string[] = REPORT_SORTS[report];
  const sort = query.sort ?? sorts[0]!;
  if (!sorts.includes(sort)) throw badRequest("The query string has invalid fields.", { sort: `Choose one of: ${sorts.join(", ")}.` });
  return { sort, order: query.order ?? defaultReportOrder(sort) };
}

/** One batch of a report after a keyset position (used by the page and by the CSV export). */
export async function fetchReportRows<R extends ReportName>(
  report: R,
  providerId: string,
  ordering: ReportOrdering,
  after: Fetch["after"],
  limit: number,
): Promise<Keyed<ReportRows[R]>[]> {
  return (FETCHERS[report] as (f: Fetch) => Promise<Keyed<ReportRows[R]>[]>)({ providerId, ...ordering, after, limit });
}

export async function reportPage<R extends ReportName>(report: R, providerId: string, query: ReportQuery): Promise<ReportPage<R>> {
  const ordering = orderingOf(report, query);
  const cursor = decodeCursor(query.cursor, cursorShape);
  if (cursor && (cursor[0] !== report || cursor[1] !== ordering.sort || cursor[2] !== ordering.order)) {
    throw badRequest("The cursor belongs to another report or sort order. Start again from the first page.", { cursor: "invalid cursor" }, "invalid_cursor");
  }
  const after = cursor ? { value: cursor[3], id: cursor[4] } : undefined;
  const rows = await fetchReportRows(report, providerId, ordering, after, query.limit + 1);
  const hasMore = rows.length > query.limit;
  const slice = hasMore ? rows.slice(0, query.limit) : rows;
  const last = slice.at(-1);
  return {
    report,
    ...ordering,
    data: slice.map((r) => r.row),
    nextCursor: hasMore && last ? encodeCursor([report, ordering.sort, ordering.order, last.key, last.id]) : null,
  };
}

export interface SeatUtilizationSummary {
  clients: number;
  seats: number;
  occupiedSeats: number;
  /** Occupied of assigned seats over all clients, 0..1. */
  utilization: number;
  lowest: { id: string; name: string; utilization: number } | null;
  highest: { id: string; name: string; utilization: number } | null;
}

/** Totals (one provider_stats row) and the lowest/highest client (one index probe each). */
export async function seatUtilizationSummary(providerId: string): Promise<SeatUtilizationSummary> {
  const extreme = (order: Order) =>
    db.organization.findFirst({
      where: { providerId },
      orderBy: [{ seatUtilization: order }, { id: order }],
      select: { id: true, name: true, seatUtilization: true },
    });
  const [totals, lowest, highest] = await Promise.all([clientTotals(providerId), extreme("asc"), extreme("desc")]);
  const pick = (o: { id: string; name: string; seatUtilization: number } | null) => (o ? { id: o.id, name: o.name, utilization: o.seatUtilization } : null);
  return { ...totals, utilization: totals.seats ? totals.occupiedSeats / totals.seats : 0, lowest: pick(lowest), highest: pick(highest) };
}

export interface PendingInvitationsSummary {
  invited: number;
  accepted: number;
  expired: number;
}

/** Open invitations by status across the provider's clients (same join as the report). */
export async function pendingInvitationsSummary(providerId: string): Promise<PendingInvitationsSummary> {
  const [row] = await db.$queryRaw<{ invited: number; accepted: number; expired: number }[]>`
    SELECT count(*) FILTER (WHERE m.status = 'INVITED')::int AS invited,
           count(*) FILTER (WHERE m.status = 'ACCEPTED')::int AS accepted,
           count(*) FILTER (WHERE m.status = 'INVITED' AND m.invite_expires_at < now())::int AS expired
      FROM organizations o
      JOIN organization_members m ON m.organization_id = o.id AND m.status IN ('INVITED', 'ACCEPTED')
     WHERE o.provider_id = ${providerId}::uuid`;
  return { invited: row?.invited ?? 0, accepted: row?.accepted ?? 0, expired: row?.expired ?? 0 };
}

/** The report's summary, where it has one that stays cheap at any number of clients. */
export async function reportSummary(report: ReportName, providerId: string): Promise<SeatUtilizationSummary | PendingInvitationsSummary | null> {
  if (report === "seat-utilization") return seatUtilizationSummary(providerId);
  if (report === "pending-invitations") return pendingInvitationsSummary(providerId);
  return null;
}
