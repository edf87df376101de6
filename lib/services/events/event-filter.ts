// The event log's filter, as the API takes it in the query string (and the pages build it):
//   from / to         ISO-8601 date-time (or a date, meaning 00:00 UTC); from inclusive, to exclusive
//   type              one or several event types, repeated (type=A&type=B) or comma-separated
//   actorId           the acting user's id
//   organizationId    the client organization (provider log only)
import { z } from "zod";
import { cursorSchema, limitSchema } from "@/lib/api/pagination";
import { ALL_EVENT_TYPES, isEventType, type EventType } from "@/lib/events/catalog";
import { idSchema } from "@/lib/validation";

export interface EventFilter {
  from?: Date;
  to?: Date;
  types?: EventType[];
  actorId?: string;
  organizationId?: string;
}

/** The log being read: a provider's (events with its provider_id) or an organization's (its organization_id). */
export type EventScope = { kind: "provider"; providerId: string } | { kind: "organization"; organizationId: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;

const instantSchema = z
  .string()
  .trim()
  .refine((v) => DATE_ONLY.test(v) || DATE_TIME.test(v), "Use an ISO-8601 date-time such as 2026-11-01T00:00:00Z, or a date such as 2026-11-01.")
  .transform((v) => new Date(DATE_ONLY.test(v) ? `${v}T00:00:00Z` : v))
  .refine((d) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 1970 && d.getUTCFullYear() <= 9999, "Not a valid date.");

const typesSchema = z.union([z.string(), z.array(z.string())]).transform((value, ctx) => {
  const list = [...new Set((Array.isArray(value) ? value : [value]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean))];
  const unknown = list.filter((t) => !isEventType(t));
  if (unknown.length > 0) {
    ctx.addIssue({ code: "custom", message: `Unknown event type: ${unknown.slice(0, 5).join(", ")}.` });
    return z.NEVER;
  }
  return list as EventType[];
});

export const eventQuerySchema = z
  .object({
    from: instantSchema.optional(),
    to: instantSchema.optional(),
    type: typesSchema.optional(),
    actorId: idSchema.optional(),
    organizationId: idSchema.optional(),
    limit: limitSchema,
    cursor: cursorSchema,
    format: z.enum(["json", "csv"], { message: "format must be json or csv" }).default("json"),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { path: ["to"], message: "to must be later than from." });

export type EventQuery = z.output<typeof eventQuerySchema>;

export function filterOf(query: EventQuery): EventFilter {
  const types = query.type?.length ? query.type : undefined;
  return {
    from: query.from,
    to: query.to,
    // Every type at once is no filter at all, and reads faster as none.
    types: types && types.length < ALL_EVENT_TYPES.length ? types : undefined,
    actorId: query.actorId,
    organizationId: query.organizationId,
  };
}
