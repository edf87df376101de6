// CSV export of a log with exactly the list's filter, streamed: rows are read in keyset batches as
// the client consumes them (a pull-based stream: one batch is read ahead while the previous one is
// sent, never more), so memory stays constant at millions of rows.
import { stringify } from "csv-stringify/sync";
import type { EventFilter, EventScope } from "./event-filter";
import { eventKey, fetchEventRows, toEventItem, type EventItem, type EventKey, type EventRow } from "./list-events";

const BATCH = 2000;

const COLUMNS: { header: string; value: (e: EventItem) => string | null }[] = [
  { header: "occurred_at", value: (e) => e.occurredAt },
  { header: "event_id", value: (e) => e.id },
  { header: "type", value: (e) => e.type },
  { header: "description", value: (e) => e.description },
  { header: "actor_name", value: (e) => e.actor?.name ?? null },
  { header: "actor_email", value: (e) => e.actor?.email ?? null },
  { header: "actor_user_id", value: (e) => e.actor?.id ?? null },
  { header: "acting_provider_id", value: (e) => e.actingProvider?.id ?? null },
  { header: "acting_provider_name", value: (e) => e.actingProvider?.name ?? null },
  { header: "organization_id", value: (e) => e.organization?.id ?? null },
  { header: "organization_name", value: (e) => e.organization?.name ?? null },
  { header: "target_type", value: (e) => e.target?.type ?? null },
  { header: "target_id", value: (e) => e.target?.id ?? null },
  { header: "target_name", value: (e) => e.target?.name ?? null },
  { header: "ip", value: (e) => e.ip },
  { header: "user_agent", value: (e) => e.userAgent },
  { header: "details", value: (e) => JSON.stringify(e.details ?? {}) },
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
  // Records as arrays in column order: the fastest shape for csv-stringify (an export writes millions).
  const records = items.map((item) =>
    COLUMNS.map((c) => {
      const value = c.value(item);
      return value === null ? null : neutralizeFormula(value);
    }),
  );
  return stringify(header ? [CSV_HEADERS, ...records] : records, { record_delimiter: "windows" });
}

export function eventsCsvStream(scope: EventScope, filter: EventFilter, batchSize = BATCH): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let first = true;
  // The next batch is read while the current one is formatted and sent (at most two in memory).
  let pending: Promise<EventRow[]> | null = null;
  const read = (after: EventKey | undefined) => {
    const rows = fetchEventRows(scope, filter, after, batchSize);
    rows.catch(() => {}); // a failure surfaces where the batch is awaited, not as an unhandled rejection
    return rows;
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const rows = await (pending ?? read(undefined));
        const last = rows.at(-1);
        const done = rows.length < batchSize || !last;
        pending = done ? null : read(eventKey(last));
        const text = toCsv(rows.map(toEventItem), first);
        first = false;
        if (text) controller.enqueue(encoder.encode(text));
        if (done) controller.close();
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
