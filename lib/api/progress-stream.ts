// Long-running writes can report progress while they run: when the client sends
// `Accept: application/x-ndjson`, the response is a stream of JSON lines —
// {"progress": {...}} while working, then one {"result": {...}} or {"error": {code, message}}.
// Input is validated before the stream starts, so bad requests still get their normal status codes.
import type { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { mapDbError } from "@/lib/db/errors";
import { log } from "@/lib/log";

export const NDJSON = "application/x-ndjson";

export function wantsProgress(req: NextRequest): boolean {
  return (req.headers.get("accept") ?? "").includes(NDJSON);
}

export function progressStream<P, R>(work: (report: (progress: P) => void) => Promise<R>): Response {
  const encoder = new TextEncoder();
  // A client that goes away does not stop the work (it commits or rolls back as a whole); its lines are dropped.
  let listening = true;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => {
        if (listening) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      };
      try {
        send({ result: await work((progress) => send({ progress })) });
      } catch (error) {
        const known = error instanceof AppError ? error : mapDbError(error);
        if (!known) log.error({ err: error }, "streamed operation failed");
        send({ error: known ? { code: known.code, message: known.message } : { code: "internal_error", message: "Something went wrong on our side. It has been logged." } });
      } finally {
        if (listening) controller.close();
      }
    },
    cancel() {
      listening = false;
    },
  });
  return new Response(body, { status: 200, headers: { "content-type": `${NDJSON}; charset=utf-8`, "cache-control": "no-store", "x-accel-buffering": "no" } });
}
