// The cross-client reports (Provider Admins): names, sorts and the query every report route takes.
import { z } from "zod";
import { cursorSchema, limitSchema } from "@/lib/api/pagination";

export const REPORT_NAMES = ["seat-utilization", "pending-invitations", "two-factor", "policy-compliance"] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export const REPORT_TITLES: Record<ReportName, string> = {
  "seat-utilization": "Seat utilisation",
  "pending-invitations": "Pending invitations",
  "two-factor": "Two-step login adoption",
  "policy-compliance": "Policy compliance",
};

/** Each report's sorts, the first being its default; each sort walks an index (see the report). */
export const REPORT_SORTS = {
  "seat-utilization": ["utilization", "name", "seats"],
  "pending-invitations": ["invited"],
  "two-factor": ["name", "created"],
  "policy-compliance": ["name", "created"],
} as const satisfies Record<ReportName, readonly [string, ...string[]]>;

export type ReportSort<R extends ReportName = ReportName> = (typeof REPORT_SORTS)[R][number];

const ALL_SORTS = [...new Set(Object.values(REPORT_SORTS).flat())] as [string, ...string[]];

export const reportNameSchema = z.enum(REPORT_NAMES);

export const reportQuerySchema = z.object({
  sort: z.enum(ALL_SORTS, { message: `Choose one of: ${ALL_SORTS.join(", ")}.` }).optional(),
  order: z.enum(["asc", "desc"], { message: "Choose asc or desc." }).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
  format: z.enum(["json", "csv"], { message: "Choose json or csv." }).optional(),
});
export type ReportQuery = z.output<typeof reportQuerySchema>;

/** Lowest utilisation, oldest invitation, names A–Z, creation oldest first. */
export function defaultReportOrder(sort: string): "asc" | "desc" {
  return sort === "seats" ? "desc" : "asc";
}
