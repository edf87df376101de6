// Revoking an API key takes effect on the key's next request. Revoking a revoked key changes nothing
// and logs nothing.
import type { ActionContext } from "@/lib/actor";
import { transaction } from "@/lib/db/transaction";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";
import { getApiKey } from "./list-api-keys";
import type { ApiKeyView } from "./views";

export async function revokeApiKey(providerId: string, keyId: string, { actor, meta }: ActionContext): Promise<ApiKeyView> {
  await transaction(async (tx) => {
    const key = await tx.providerApiKey.findFirst({ where: { id: keyId, providerId }, select: { id: true, name: true, prefix: true, role: true } });
    if (!key) throw notFound("API key");
    const { count } = await tx.providerApiKey.updateMany({ where: { id: keyId, providerId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) return;
    await recordEvent(tx, {
      type: "PROVIDER_API_KEY_REVOKED",
      actor,
      meta,
      providerId,
      target: { type: "PROVIDER_API_KEY", id: key.id, name: key.name },
      details: { prefix: key.prefix, role: key.role },
    });
  });
  return getApiKey(providerId, keyId);
}
