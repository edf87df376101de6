// Input schemas for the API key routes, shared by the API and the create dialog (zod only: safe to
// import from client components).
import { z } from "zod";
import { cursorSchema, limitSchema } from "@/lib/api/pagination";

export const API_KEY_ROLES = ["PROVIDER_ADMIN", "SERVICE_USER"] as const;

export const createApiKeySchema = z.strictObject({
  name: z
    .string({ message: "Name the key after what uses it, e.g. “PSA sync”." })
    .trim()
    .min(1, "Name the key after what uses it, e.g. “PSA sync”.")
    .max(80, "Key names are at most 80 characters."),
  role: z.enum(API_KEY_ROLES, { message: "Choose Provider Admin or Service User." }),
});
export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;

export const listApiKeysQuerySchema = z.object({ limit: limitSchema, cursor: cursorSchema });
