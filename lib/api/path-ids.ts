// Ids taken from the URL path. A malformed id names nothing, so it is a 404 like any unknown id
// (and never reaches a query that would fail on the uuid cast).
import { isUuid } from "@/lib/authz/context";
import { notFound } from "@/lib/errors";

export function pathId(params: Record<string, string>, key: string, what: string): string {
  const value = params[key] ?? "";
  if (!isUuid(value)) throw notFound(what);
  return value.toLowerCase();
}
