// GET /api/health — 200 {status:"ok", db:"ok"} when the database answers, 503 otherwise.
import { sql } from "@/lib/db/client";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await sql().query("SELECT 1");
    return Response.json({ status: "ok", db: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    log.error({ err: (error as Error).message }, "health check: database unavailable");
    return Response.json({ status: "error", db: "unavailable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
