// Reading list filters from a page's search params: one string each, enums checked, and a stale or
// tampered cursor falls back to the first page instead of an error page.
import { AppError } from "@/lib/errors";

export type SearchParams = Record<string, string | string[] | undefined>;

export function stringParam(value: string | string[] | undefined, max = 200): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim().slice(0, max);
  return trimmed ? trimmed : undefined;
}

export function enumParam<T extends string>(value: string | string[] | undefined, allowed: readonly T[]): T | undefined {
  const v = stringParam(value);
  return v && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
}

export async function withCursorFallback<T>(cursor: string | undefined, load: (cursor: string | undefined) => Promise<T>): Promise<{ page: T; cursor: string | undefined }> {
  try {
    return { page: await load(cursor), cursor };
  } catch (error) {
    if (cursor && error instanceof AppError && error.code === "invalid_cursor") return { page: await load(undefined), cursor: undefined };
    throw error;
  }
}
