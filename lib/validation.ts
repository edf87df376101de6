// zod building blocks shared by API schemas and forms, so the browser and the server agree.
import { z } from "zod";

export const emailSchema = z
  .string({ message: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(254, "Email addresses are at most 254 characters.")
  .pipe(z.email({ message: "Enter a valid email address." }));

export const nameSchema = z
  .string({ message: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(120, "Names are at most 120 characters.");

export const idSchema = z.uuid({ message: "Not a valid id." });

export const idListSchema = z
  .array(idSchema, { message: "Send ids as a list." })
  .min(1, "Select at least one.")
  .max(500, "At most 500 at a time.");

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** "a@x.com, b@y.com\nc@z.com" or ["a@x.com", ...] → trimmed, non-empty entries (not yet validated). */
export function splitEmails(input: string | string[]): string[] {
  const parts = Array.isArray(input) ? input : [input];
  return parts
    .flatMap((p) => p.split(/[,;\s]+/))
    .map((p) => p.trim())
    .filter(Boolean);
}
