// A whole report as CSV, streamed: the rows are read in keyset batches as the client consumes them
// (pull-based, as the event log export), so memory stays flat at 100,000 clients.
import { stringify } from "csv-stringify/sync";
import { POLICY_TYPES } from "@/lib/policies/definitions";
import { neutralizeFormula } from "@/lib/services/events/export-events-csv";
import { fetchReportRows, type ReportOrdering, type ReportRows } from "./reports";
import type { ReportName } from "./schemas";

const BATCH = 1000;

type Cell = string | number | boolean | null;
type Columns<T> = [header: string, value: (row: T) => Cell][];

const percent = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 1000) / 10);

const COLUMNS: { [R in ReportName]: Columns<ReportRows[R]> } = {
  "seat-utilization": [
    ["client_id", (r) => r.id],
    ["client_name", (r) => r.name],
    ["plan", (r) => r.plan],
    ["assigned_seats", (r) => r.seats],
    ["occupied_seats", (r) => r.occupiedSeats],
    ["available_seats", (r) => r.availableSeats],
    ["utilization_percent", (r) => percent(r.utilization)],
    ["enabled", (r) => r.enabled],
  ],
  "pending-invitations": [
    ["member_id", (r) => r.id],
    ["email", (r) => r.email],
    ["role", (r) => r.role],
    ["status", (r) => r.status],
    ["invited_at", (r) => r.invitedAt],
    ["age_days", (r) => r.ageDays],
    ["link_expired", (r) => r.expired],
    ["client_id", (r) => r.organization.id],
    ["client_name", (r) => r.organization.name],
  ],
  "two-factor": [
    ["client_id", (r) => r.id],
    ["client_name", (r) => r.name],
    ["confirmed_members", (r) => r.confirmedMembers],
    ["with_two_step_login", (r) => r.withTwoFactor],
    ["without_two_step_login", (r) => r.withoutTwoFactor],
    ["adoption_percent", (r) => percent(r.adoption)],
    ["two_step_login_policy", (r) => r.policyEnabled],
  ],
  "policy-compliance": [
    ["client_id", (r) => r.id],
    ["client_name", (r) => r.name],
    ...POLICY_TYPES.map((t): Columns<ReportRows["policy-compliance"]>[number] => [t.toLowerCase(), (r) => r.policies[t]]),
    ["enabled_policies", (r) => r.enabledCount],
  ],
};

export function reportCsvHeaders(report: ReportName): string[] {
  return COLUMNS[report].map(([header]) => header);
}

export function reportToCsv<R extends ReportName>(report: R, rows: ReportRows[R][], header: boolean): string {
  const columns = COLUMNS[report] as Columns<ReportRows[R]>;
  return stringify(
    rows.map((row) => columns.map(([, value]) => value(row))),
    { header, columns: columns.map(([h]) => h), record_delimiter: "windows", cast: { string: neutralizeFormula, boolean: (b) => (b ? "true" : "false") } },
  );
}

export function reportCsvStream(report: ReportName, providerId: string, ordering: ReportOrdering, batchSize = BATCH): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: { value: string | number; id: string } | undefined;
  let first = true;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const rows = await fetchReportRows(report, providerId, ordering, after, batchSize);
        const text = reportToCsv(report, rows.map((r) => r.row), first);
        first = false;
        if (text) controller.enqueue(encoder.encode(text));
        const last = rows.at(-1);
        if (rows.length < batchSize || !last) controller.close();
        else after = { value: last.key, id: last.id };
      },
    },
    { highWaterMark: 1 },
  );
}

/** "northwind-it-services-seat-utilization-2026-11-22.csv" */
export function reportFilename(providerName: string, report: ReportName, now = new Date()): string {
  const slug = providerName
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "-")
    .slice(0, 60);
  return `${slug || "provider"}-${report}-${now.toISOString().slice(0, 10)}.csv`;
}
