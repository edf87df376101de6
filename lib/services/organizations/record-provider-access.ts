// Every time a provider member enters a client's admin console it is logged as
// PROVIDER_ORGANIZATION_VAULT_ACCESSED (PRODUCT.md rule 7) — at most once per member per client per
// five minutes, so reloads and page-to-page navigation do not flood the log.
import type { ActionContext } from "@/lib/actor";
import { transaction } from "@/lib/db/transaction";
import { recordEvent } from "@/lib/events/recorder";

export const PROVIDER_ACCESS_LOG_INTERVAL_MINUTES = 5;

/** Logs the entry unless the same member entered the same client within the interval. True when it logged. */
export async function recordProviderAccess(
  input: { providerId: string; organizationId: string; organizationName: string },
  ctx: ActionContext,
): Promise<boolean> {
  const { providerId, organizationId } = input;
  return transaction(async (tx) => {
    // Two tabs or a double click enter at the same moment: this lock makes the second one wait for
    // the first to commit, so it sees the first's event and skips. Other pairs are not held up.
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended(${`provider-access:${ctx.actor.userId}:${organizationId}`}, 0))) AS l`;
    const recent = await tx.$queryRaw<{ id: bigint }[]>`
      SELECT id FROM events
       WHERE organization_id = ${organizationId}::uuid
         AND occurred_at > clock_timestamp() - make_interval(mins => ${PROVIDER_ACCESS_LOG_INTERVAL_MINUTES})
         AND type = 'PROVIDER_ORGANIZATION_VAULT_ACCESSED'
         AND actor_user_id = ${ctx.actor.userId}::uuid
       LIMIT 1`;
    if (recent.length > 0) return false;
    await recordEvent(tx, {
      type: "PROVIDER_ORGANIZATION_VAULT_ACCESSED",
      actor: { ...ctx.actor, actingProviderId: providerId },
      meta: ctx.meta,
      providerId,
      organizationId,
      target: { type: "ORGANIZATION", id: organizationId, name: input.organizationName },
    });
    return true;
  });
}
