// Applying a template to clients: each client in its own transaction (its row locked), through
// writePolicy — the one write path for policies — so every client gets the same enforcement
// (two-step login revocations and their mails after commit), POLICY_UPDATED events logged via the
// provider, and dependency checks as when an admin saves the policy by hand. A client that refuses
// (e.g. account recovery without single organization) fails alone and keeps its policies as they
// were; the others keep theirs applied. One POLICY_TEMPLATE_APPLIED event sums the run up.
import type { ActionContext } from "@/lib/actor";
import type { Tx } from "@/lib/db/client";
import type { PolicyType } from "@/lib/db/generated/enums";
import { transaction } from "@/lib/db/transaction";
import { recordEvent } from "@/lib/events/recorder";
import { POLICY_REQUIRES } from "@/lib/policies/definitions";
import { forEachClient, type BulkOutcome, type BulkProgress, type ClientSelection } from "@/lib/services/clients/client-selection";
import { viaProvider } from "@/lib/services/clients/common";
import { writePolicy } from "@/lib/services/policies/policies";
import { inSyncAmong } from "./drift";
import { getTemplate, type TemplatePolicy } from "./templates";

const REQUIRED = new Set(Object.values(POLICY_REQUIRES));
const DEPENDENT = new Set(Object.keys(POLICY_REQUIRES) as PolicyType[]);

/**
 * The order writes must happen in for the dependency checks to pass: turn off dependents before what
 * they require, and turn on what is required before its dependents.
 */
export function writeOrder(policies: TemplatePolicy[]): TemplatePolicy[] {
  const rank = (p: TemplatePolicy) => (p.enabled ? (REQUIRED.has(p.type) ? 2 : 3) : DEPENDENT.has(p.type) ? 0 : 1);
  return [...policies].sort((a, b) => rank(a) - rank(b));
}

export async function applyPolicies(tx: Tx, organizationId: string, providerId: string, policies: TemplatePolicy[], ctx: ActionContext): Promise<boolean> {
  const actor = viaProvider(ctx.actor, providerId);
  let changed = false;
  for (const p of writeOrder(policies)) {
    const write = await writePolicy(tx, { organizationId, type: p.type, enabled: p.enabled, settings: p.settings }, { actor, meta: ctx.meta });
    changed ||= write.changed;
  }
  return changed;
}

export async function applyTemplate(
  input: { providerId: string; templateId: string; selection: ClientSelection; onProgress?: (progress: BulkProgress) => void },
  ctx: ActionContext,
): Promise<BulkOutcome & { template: { id: string; name: string } }> {
  const template = await getTemplate(input.providerId, input.templateId);
  const outcome = await forEachClient(input.providerId, input.selection, (tx, client) => applyPolicies(tx, client.id, input.providerId, template.policies, ctx), {
    skip: (batch) => inSyncAmong(batch.map((c) => c.id), template.policies),
    onProgress: input.onProgress,
  });
  const scope = "organizationIds" in input.selection ? "selected" : input.selection.query.q ? "search" : "all";
  await transaction((tx) =>
    recordEvent(tx, {
      type: "POLICY_TEMPLATE_APPLIED",
      actor: ctx.actor,
      meta: ctx.meta,
      providerId: input.providerId,
      target: { type: "POLICY_TEMPLATE", id: template.id, name: template.name },
      details: { scope, clients: outcome.total, applied: outcome.applied, unchanged: outcome.unchanged, failed: outcome.failed },
    }),
  );
  return { template: { id: template.id, name: template.name }, ...outcome };
}
