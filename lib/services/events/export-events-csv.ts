// CSV export of a log with exactly the list's filter, streamed: rows are read in keyset batches as
// the client consumes them (a pull-based stream: the next batch is read only when the previous one
// has been taken), so memory stays constant at millions of rows.
import { stringify } from "csv-stringify/sync";
import type { EventFilter, EventScope } from "./event-filter";
import { eventKey, fetchEventRows, toEventItem, type EventItem, type EventKey } from "./list-events";

const BATCH = 1000;

const COLUMNS: { key: string; header: string; value: (e: EventItem) => string | null }[] = [
  { key: "occurred_at", header: "occurred_at", value: (e) => e.occurredAt },
  { key: "event_id", header: "event_id", value: (e) => e.id },
  { key: "type", header: "type", value: (e) => e.type },
  { key: "description", header: "description", value: (e) => e.description },
  { key: "actor_name", header: "actor_name", value: (e) => e.actor?.name ?? null },
  { key: "actor_email", header: "actor_email", value: (e) => e.actor?.email ?? null },
  { key: "actor_user_id", header: "actor_user_id", value: (e) => e.actor?.id ?? null },
  { key: "acting_provider_id", header: "acting_provider_id", value: (e) => e.actingProvider?.id ?? null },
  { key: "acting_provider_name", header: "acting_provider_name", value: (e) => e.actingProvider?.name ?? null },
  { key: "organization_id", header: "organization_id", value: (e) => e.organization?.id ?? null },
  { key: "organization_name", header: "organization_name", value: (e) => e.organization?.name ?? null },
  { key: "target_type", header: "target_type", value: (e) => e.target?.type ?? null },
  { key: "target_id", header: "target_id", value: (e) => e.target?.id ?? null },
  { key: "target_name", header: "target_name", value: (e) => e.target?.name ?? null },
  { key: "ip", header: "ip", value: (e) => e.ip },
  { key: "user_agent", header: "user_agent", value: (e) => e.userAgent },
  { key: "details", header: "details", value: (e) => JSON.stringify(e.details ?? {}) },
];

export const CSV_HEADERS = COLUMNS.map((c) => c.header);

/**
 * A spreadsheet would run a cell starting with = + - @ (or a tab / carriage return) as a formula;
 * names come from users, so such cells get a leading apostrophe (OWASP's CSV injection advice).
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(items: EventItem[], header: boolean): string {
  const records = items.map((item) => Object.fromEntries(COLUMNS.map((c) => [c.key, c.value(item)])));
  return stringify(records, {
    header,
    columns: COLUMNS.map(({ key, header: title }) => ({ key, header: title })),
    record_delimiter: "windows",
    cast: { string: neutralizeFormula },
  });
}

export function eventsCsvStream(scope: EventScope, filter: EventFilter, batchSize = BATCH): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: EventKey | undefined;
  let first = true;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const rows = await fetchEventRows(scope, filter, after, batchSize);
        const text = toCsv(rows.map(toEventItem), first);
        first = false;
        if (text) controller.enqueue(encoder.encode(text));
        const last = rows.at(-1);
        if (rows.length < batchSize || !last) controller.close();
        else after = eventKey(last);
      },
    },
    { highWaterMark: 1 },
  );
}

/** "northwind-it-services-events-2026-11-22.csv" */
export function csvFilename(name: string, now = new Date()): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "-")
    .slice(0, 60);
  return `${slug || "log"}-events-${now.toISOString().slice(0, 10)}.csv`;
}
