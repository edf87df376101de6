// The event log page's URL state (?range=7d&type=group:members&actor=…&client=…&cursor=…) and how
// it becomes the API's filter. Dates are the viewer's calendar days: the filter bar sends the
// browser's time zone (tz) along, and a day starts at midnight there.
import { EVENT_GROUPS, eventTypesByGroup, isEventType, type EventGroup, type EventType } from "@/lib/events/catalog";
import type { EventFilter } from "@/lib/services/events/event-filter";

export const RANGE_PRESETS = { any: "Any time", today: "Today", "7d": "Last 7 days", "30d": "Last 30 days", custom: "Custom range" } as const;
export type RangePreset = keyof typeof RANGE_PRESETS;

export interface LogParams {
  range: RangePreset;
  /** YYYY-MM-DD, custom range only; both days included. */
  from: string;
  to: string;
  tz: string;
  /** "" (all), an event type, or "group:<group>". */
  type: string;
  actor: string;
  /** What was typed into the client field; `org` is the client it resolved to. */
  client: string;
  org: string;
  cursor: string;
  page: number;
}

type SearchParams = Record<string, string | string[] | undefined>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

export function readLogParams(sp: SearchParams): LogParams {
  const range = one(sp.range);
  const page = Number.parseInt(one(sp.page), 10);
  return {
    range: Object.hasOwn(RANGE_PRESETS, range) ? (range as RangePreset) : "any",
    from: DAY.test(one(sp.from)) ? one(sp.from) : "",
    to: DAY.test(one(sp.to)) ? one(sp.to) : "",
    tz: validTimeZone(one(sp.tz)) ? one(sp.tz) : "UTC",
    type: one(sp.type),
    actor: UUID.test(one(sp.actor)) ? one(sp.actor) : "",
    client: one(sp.client).slice(0, 120),
    org: UUID.test(one(sp.org)) ? one(sp.org) : "",
    cursor: one(sp.cursor),
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

export function validTimeZone(tz: string): boolean {
  if (!tz) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds the zone is ahead of UTC at that instant. */
function zoneOffset(instant: number, tz: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: tz, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar day (YYYY-MM-DD) starts in a time zone (DST-aware). */
export function startOfDay(day: string, tz: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(y, m - 1, d);
  let guess = midnightUtc - zoneOffset(midnightUtc, tz);
  guess = midnightUtc - zoneOffset(guess, tz);
  return new Date(guess);
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(tz: string, now: Date): string {
  return new Date(now.getTime() + zoneOffset(now.getTime(), tz)).toISOString().slice(0, 10);
}

function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The time window of the range preset. "Last 7 days" is the last 7 × 24 hours, open-ended. */
export function timeWindow(params: LogParams, now = new Date()): { from?: Date; to?: Date; problem?: string } {
  switch (params.range) {
    case "today":
      return { from: startOfDay(todayIn(params.tz, now), params.tz) };
    case "7d":
      return { from: new Date(now.getTime() - 7 * 86_400_000) };
    case "30d":
      return { from: new Date(now.getTime() - 30 * 86_400_000) };
    case "custom": {
      const from = params.from ? startOfDay(params.from, params.tz) : undefined;
      const to = params.to ? startOfDay(nextDay(params.to), params.tz) : undefined;
      if (from && to && from >= to) return { problem: "The end date is before the start date." };
      return { from, to };
    }
    default:
      return {};
  }
}

/** The types a type-select value stands for: one type, a whole group, or all (undefined). */
export function typesOf(value: string): EventType[] | undefined {
  if (value.startsWith("group:")) {
    const group = value.slice(6);
    if (!Object.hasOwn(EVENT_GROUPS, group)) return undefined;
    return eventTypesByGroup().find((g) => g.group === (group as EventGroup))?.types;
  }
  return isEventType(value) ? [value] : undefined;
}

/** The page's URL with some parameters changed ("" removes one). Paging parameters reset unless given. */
export function logHref(basePath: string, params: LogParams, changes: Partial<Record<keyof LogParams, string | number>> = {}): string {
  const merged: Record<string, string | number> = { ...params, cursor: "", page: "", ...changes };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === "" || value === undefined) continue;
    if (key === "range" && value === "any") continue;
    if (key === "tz" && value === "UTC") continue;
    if (key === "page" && Number(value) <= 1) continue;
    if ((key === "from" || key === "to") && merged.range !== "custom") continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${basePath}?${text}` : basePath;
}

/** The API query string of a filter (the CSV export link uses exactly the list's filter). */
export function apiQuery(filter: EventFilter, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  if (filter.from) query.set("from", filter.from.toISOString());
  if (filter.to) query.set("to", filter.to.toISOString());
  if (filter.types?.length) query.set("type", filter.types.join(","));
  if (filter.actorId) query.set("actorId", filter.actorId);
  if (filter.organizationId) query.set("organizationId", filter.organizationId);
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  return query.toString();
}
