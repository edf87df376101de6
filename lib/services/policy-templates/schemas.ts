// Input schemas for policy templates, shared by the API and the browser form (zod only: safe to
// import from client components). The shape is checked here (400); each policy's settings are
// checked against its type's own schema by the service (also 400, naming the field), so a template can
// never hold settings an organization's policy page would refuse.
import { z } from "zod";
import type { PolicyType } from "@/lib/db/generated/enums";
import { POLICY_TYPES } from "@/lib/policies/definitions";
import { cursorSchema, limitSchema } from "@/lib/api/pagination";
import { idSchema, nameSchema } from "@/lib/validation";

const policyTypeSchema = z.enum(POLICY_TYPES as [PolicyType, ...PolicyType[]], { message: "Not a policy type." });

export const templatePolicyInputSchema = z.object({
  type: policyTypeSchema,
  enabled: z.boolean({ message: "Choose on or off." }),
  settings: z.record(z.string(), z.unknown(), { message: "Settings are an object." }).optional(),
});

export const createTemplateSchema = z.object({
  name: nameSchema,
  policies: z.array(templatePolicyInputSchema, { message: "Send the template's policies as a list." }).max(POLICY_TYPES.length, "Each policy type at most once."),
});
export type CreateTemplateInput = z.infer<typeof createTemplateSchema>;

export const updateTemplateSchema = createTemplateSchema.partial().refine((v) => v.name !== undefined || v.policies !== undefined, "Send a name or policies.");
export type UpdateTemplateInput = z.infer<typeof updateTemplateSchema>;

/** At most this many clients by id per request; "all" (or a search) has no limit and runs in batches. */
export const MAX_SELECTED_CLIENTS = 1000;

export const clientIdsSchema = z
  .array(idSchema, { message: "Send organizationIds as a list of client ids." })
  .min(1, "Select at least one client.")
  .max(MAX_SELECTED_CLIENTS, `At most ${MAX_SELECTED_CLIENTS} clients by id; use all clients (or a search) for more.`);

export const applyTemplateSchema = z
  .object({ organizationIds: clientIdsSchema.optional(), all: z.literal(true, { message: "all must be true." }).optional() })
  .refine((v) => (v.organizationIds === undefined) !== (v.all === undefined), { message: "Send either organizationIds or all: true.", path: ["organizationIds"] });
export type ApplyTemplateInput = z.infer<typeof applyTemplateSchema>;

export const DRIFT_STATUSES = ["all", "drifted", "in_sync"] as const;
export type DriftStatus = (typeof DRIFT_STATUSES)[number];

export const driftQuerySchema = z.object({
  status: z.enum(DRIFT_STATUSES, { message: "status is all, drifted or in_sync." }).default("all"),
  q: z.string().trim().max(120, "At most 120 characters.").optional().transform((v) => v || undefined),
  limit: limitSchema,
  cursor: cursorSchema,
});
export type DriftQuery = z.infer<typeof driftQuerySchema>;
