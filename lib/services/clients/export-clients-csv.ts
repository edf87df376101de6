// The client list as CSV (name, plan, seats, occupied, status, created) for a selection: ids picked
// on the page, or every client matching a search. Streamed: each batch of the keyset walk is read
// only when the previous one has been sent, so memory stays flat at 100,000 clients.
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { notFound } from "@/lib/errors";
import { neutralizeFormula } from "@/lib/services/events/export-events-csv";
import { idSchema } from "@/lib/validation";
import { likePattern } from "./list-clients";
import { PLAN_LABELS, type Plan } from "./schemas";

const BATCH = 1000;

export const exportClientsQuerySchema = z.object({
  q: z.string().trim().max(120, "At most 120 characters.").optional(),
  /** Repeated `ids=` parameters; without them, every client matching `q`. */
  ids: z
    .union([idSchema, z.array(idSchema)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]))
    .refine((v) => v === undefined || v.length <= 1000, "At most 1000 ids; export a search for more."),
});
export type ExportClientsQuery = z.infer<typeof exportClientsQuerySchema>;

interface Row {
  id: string;
  name: string;
  plan: Plan;
  seats: number;
  occupied_seats: number;
  enabled: boolean;
  created: string;
}

const COLUMNS = ["name", "plan", "seats", "occupied", "status", "created"];

function toCsv(rows: Row[], header: boolean): string {
  return stringify(
    rows.map((r) => [r.name, PLAN_LABELS[r.plan] ?? r.plan, r.seats, r.occupied_seats, r.enabled ? "Active" : "Disabled", r.created]),
    { header, columns: COLUMNS, record_delimiter: "windows", cast: { string: neutralizeFormula } },
  );
}

/** Checks the ids first (404 when one is not this provider's client), then streams. */
export async function exportClientsCsv(providerId: string, query: ExportClientsQuery): Promise<ReadableStream<Uint8Array>> {
  const ids = query.ids ? [...new Set(query.ids.map((id) => id.toLowerCase()))] : undefined;
  if (ids) {
    const [counted] = await db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM organizations WHERE id = ANY(${ids}::uuid[]) AND provider_id = ${providerId}::uuid`;
    if (counted?.count !== ids.length) throw notFound("client");
  }
  const filter = ids ? Prisma.sql`AND id = ANY(${ids}::uuid[])` : query.q ? Prisma.sql`AND name ILIKE ${likePattern(query.q)} ESCAPE '\\'` : Prisma.empty;
  const encoder = new TextEncoder();
  let after: Row | null = null;
  let first = true;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const keyset = after ? Prisma.sql`AND (name, id) > (${after.name}::text, ${after.id}::uuid)` : Prisma.empty;
        const rows: Row[] = await db.$queryRaw<Row[]>`
          SELECT id::text AS id, name, plan, seats, occupied_seats, enabled,
                 to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created
            FROM organizations
           WHERE provider_id = ${providerId}::uuid ${filter} ${keyset}
           ORDER BY name, id LIMIT ${BATCH}`;
        const text = toCsv(rows, first);
        first = false;
        if (text) controller.enqueue(encoder.encode(text));
        if (rows.length < BATCH) controller.close();
        else after = rows.at(-1)!;
      },
    },
    { highWaterMark: 1 },
  );
}
