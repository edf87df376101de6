// Keyset paging for lists that grow without bound. The cursor is opaque to clients: base64url JSON
// of the last row's sort key. A tampered cursor is a 400, not a 500.
import { z } from "zod";
import { badRequest } from "@/lib/errors";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export const limitSchema = z.coerce
  .number({ message: "limit must be a number" })
  .int("limit must be a whole number")
  .min(1, "limit must be at least 1")
  .max(MAX_LIMIT, `limit must be at most ${MAX_LIMIT}`)
  .default(DEFAULT_LIMIT);

export const cursorSchema = z.string().max(2048).optional();

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

export function decodeCursor<T extends z.ZodType>(cursor: string | undefined, shape: T): z.output<T> | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  throw badRequest("The cursor is invalid. Start again from the first page.", { cursor: "invalid cursor" }, "invalid_cursor");
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Given limit+1 rows, the page and the cursor of its last row when there are more. */
export function pageOf<R, T>(rows: R[], limit: number, toItem: (row: R) => T, keyOf: (row: R) => unknown[]): Page<T> {
  const hasMore = rows.length > limit;
  const slice = hasMore ? rows.slice(0, limit) : rows;
  const last = slice.at(-1);
  return { data: slice.map(toItem), nextCursor: hasMore && last ? encodeCursor(keyOf(last)) : null };
}
