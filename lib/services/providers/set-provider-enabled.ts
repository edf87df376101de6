// Staff disable or enable a provider (PRODUCT.md rule 8). Disabled: its members lose provider access
// on their next request (access checks read `enabled` every time), and its enabled client
// organizations are disabled with it, marked `disabled_by_provider`. Enabling restores exactly those,
// so an organization that was disabled for its own reasons stays disabled.
import type { ActionContext } from "@/lib/actor";
import { transaction } from "@/lib/db/transaction";
import { notFound } from "@/lib/errors";
import { recordEvents, type EventInput } from "@/lib/events/recorder";

export interface SetEnabledResult {
  id: string;
  enabled: boolean;
  /** Client organizations disabled or re-enabled by this change. */
  organizationsChanged: number;
}

export async function setProviderEnabled(providerId: string, enabled: boolean, { actor, meta }: ActionContext): Promise<SetEnabledResult> {
  return transaction(
    async (tx) => {
      const [provider] = await tx.$queryRaw<{ id: string; name: string; enabled: boolean }[]>`
        SELECT id::text AS id, name, enabled FROM providers WHERE id = ${providerId}::uuid FOR UPDATE`;
      if (!provider) throw notFound("provider");
      if (provider.enabled === enabled) return { id: providerId, enabled, organizationsChanged: 0 };

      await tx.provider.update({ where: { id: providerId }, data: { enabled } });
      const organizations = enabled
        ? await tx.$queryRaw<{ id: string; name: string }[]>`
            UPDATE organizations SET enabled = true, disabled_by_provider = false, updated_at = now()
             WHERE provider_id = ${providerId}::uuid AND disabled_by_provider
            RETURNING id::text AS id, name`
        : await tx.$queryRaw<{ id: string; name: string }[]>`
            UPDATE organizations SET enabled = false, disabled_by_provider = true, updated_at = now()
             WHERE provider_id = ${providerId}::uuid AND enabled
            RETURNING id::text AS id, name`;

      const events: EventInput[] = [
        {
          type: enabled ? "PROVIDER_ENABLED" : "PROVIDER_DISABLED",
          actor,
          meta,
          providerId,
          target: { type: "PROVIDER", id: provider.id, name: provider.name },
          details: { clients: organizations.length },
        },
        ...organizations.map(
          (o): EventInput => ({
            type: enabled ? "ORGANIZATION_ENABLED" : "ORGANIZATION_DISABLED",
            actor,
            meta,
            providerId,
            organizationId: o.id,
            target: { type: "ORGANIZATION", id: o.id, name: o.name },
            details: { reason: enabled ? "provider_enabled" : "provider_disabled" },
          }),
        ),
      ];
      await recordEvents(tx, events);
      return { id: providerId, enabled, organizationsChanged: organizations.length };
    },
    { timeout: 120_000 },
  );
}
