// Bulk actions on a provider's clients (Provider Admins): disable, enable, apply a policy template —
// on clients picked by id or on every client matching a search. Each client is changed with its
// event in its own transaction (lib/services/clients/client-selection.ts), and answers its own result.
//
// Disabling here is the provider's own switch for one client, beside staff disabling a whole
// provider: the organization's members lose access (organizationAccess requires `enabled`) while
// the provider's members keep theirs, so they can enable it again. It leaves `disabled_by_provider`
// false, which is what keeps the two switches apart: enabling a provider (staff) re-enables only
// clients marked `disabled_by_provider`, never one the provider disabled itself; and a client the
// provider disabled stays out of the staff switch's bookkeeping altogether.
import { z } from "zod";
import type { ActionContext } from "@/lib/actor";
import type { Tx } from "@/lib/db/client";
import { recordEvent } from "@/lib/events/recorder";
import { applyTemplate } from "@/lib/services/policy-templates/apply-template";
import { clientIdsSchema } from "@/lib/services/policy-templates/schemas";
import { idSchema } from "@/lib/validation";
import { forEachClient, type BulkOutcome, type BulkProgress, type ClientSelection } from "./client-selection";
import type { LockedClient } from "./common";

export const BULK_ACTIONS = ["disable", "enable", "apply_template"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export const clientQuerySchema = z.object({ q: z.string().trim().max(120, "At most 120 characters.").optional() }, { message: "query is an object such as {\"q\": \"dental\"}." });

export const bulkClientsSchema = z
  .object({
    action: z.enum(BULK_ACTIONS, { message: "action is disable, enable or apply_template." }),
    templateId: idSchema.optional(),
    organizationIds: clientIdsSchema.optional(),
    /** Every client matching the client list's search (`{}`: all clients). */
    query: clientQuerySchema.optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.organizationIds === undefined) === (v.query === undefined)) {
      ctx.addIssue({ code: "custom", path: ["organizationIds"], message: "Send either organizationIds or query." });
    }
    if (v.action === "apply_template" && !v.templateId) ctx.addIssue({ code: "custom", path: ["templateId"], message: "Choose the template to apply." });
    if (v.action !== "apply_template" && v.templateId) ctx.addIssue({ code: "custom", path: ["templateId"], message: "Only apply_template takes a template." });
  });
export type BulkClientsInput = z.infer<typeof bulkClientsSchema>;

export function selectionOf(input: { organizationIds?: string[]; query?: { q?: string } }): ClientSelection {
  return input.organizationIds ? { organizationIds: input.organizationIds } : { query: input.query ?? {} };
}

/** One client's switch and its event; false when it already was that way. */
export async function setClientEnabled(tx: Tx, client: LockedClient, providerId: string, enabled: boolean, { actor, meta }: ActionContext): Promise<boolean> {
  const [current] = await tx.$queryRaw<{ enabled: boolean }[]>`SELECT enabled FROM organizations WHERE id = ${client.id}::uuid`;
  if (current?.enabled === enabled) return false;
  await tx.$executeRaw`UPDATE organizations SET enabled = ${enabled}, disabled_by_provider = false, updated_at = now() WHERE id = ${client.id}::uuid`;
  await recordEvent(tx, {
    type: enabled ? "PROVIDER_ORGANIZATION_ENABLED" : "PROVIDER_ORGANIZATION_DISABLED",
    actor,
    meta,
    providerId,
    organizationId: client.id,
    target: { type: "ORGANIZATION", id: client.id, name: client.name },
    details: {},
  });
  return true;
}

export async function bulkClients(
  providerId: string,
  input: BulkClientsInput,
  ctx: ActionContext,
  onProgress?: (progress: BulkProgress) => void,
): Promise<BulkOutcome & { action: BulkAction }> {
  const selection = selectionOf(input);
  if (input.action === "apply_template") {
    const { template: _t, ...outcome } = await applyTemplate({ providerId, templateId: input.templateId!, selection, onProgress }, ctx);
    return { action: input.action, ...outcome };
  }
  const enabled = input.action === "enable";
  const outcome = await forEachClient(providerId, selection, (tx, client) => setClientEnabled(tx, client, providerId, enabled, ctx), { onProgress });
  return { action: input.action, ...outcome };
}
