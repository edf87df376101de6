// Reading a page's query string: one string per key, and enums that ignore unknown values (a hand-
// edited URL shows the unfiltered list rather than an error page).
export type SearchParams = Record<string, string | string[] | undefined>;

export function stringParam(params: SearchParams, key: string): string | undefined {
  const value = params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() ? first.trim() : undefined;
}

export function enumParam<T extends string>(params: SearchParams, key: string, allowed: readonly T[]): T | undefined {
  const value = stringParam(params, key);
  return allowed.find((a) => a === value);
}

/** The current query with some keys replaced (undefined removes them), for links that keep filters. */
export function withParams(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
