// JSON responses in the API.md shape. Dates become ISO strings and bigints decimal strings.
import type { AppError } from "@/lib/errors";

function replacer(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data, replacer), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

export function created(data: unknown): Response {
  return json(data, 201);
}

export function errorResponse(error: AppError): Response {
  const body = { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
  return json(body, error.status, error.headers);
}

/** A file download (CSV export): the body may be a stream, sent as it is produced. */
export function download(body: BodyInit, filename: string, contentType = "text/csv; charset=utf-8"): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${filename.replace(/["\\\r\n]/g, "")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
