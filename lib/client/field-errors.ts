// Per-field messages from a zod check in the browser, keyed like the API's `fields` ("a.b"), so a
// form shows its own checks and the server's refusals the same way.
import type { z } from "zod";

export function zodFieldErrors(result: z.ZodSafeParseResult<unknown>): Record<string, string> {
  if (result.success) return {};
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    fields[key] ??= issue.message;
  }
  return fields;
}
