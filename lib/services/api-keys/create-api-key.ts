// A Provider Admin creates an API key: the secret is returned once, only its hash is stored. The key
// acts with the chosen role through the creating admin's membership (see ./standing.ts).
import type { ActionContext } from "@/lib/actor";
import { newApiKey } from "@/lib/crypto/api-keys";
import { transaction } from "@/lib/db/transaction";
import { conflict, forbidden, notFound, unprocessable } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";
import { getApiKey } from "./list-api-keys";
import type { CreateApiKeyInput } from "./schemas";
import type { ApiKeyView } from "./views";

/** Active (not revoked) keys a provider may hold at once. */
export const MAX_ACTIVE_API_KEYS = 50;

export async function createApiKey(providerId: string, input: CreateApiKeyInput, { actor, meta }: ActionContext): Promise<ApiKeyView & { secret: string }> {
  const key = newApiKey();
  const id = await transaction(async (tx) => {
    // The provider row lock serializes key creation, so the name and count checks hold under concurrency.
    const [provider] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM providers WHERE id = ${providerId}::uuid FOR UPDATE`;
    if (!provider) throw notFound("provider");
    const membership = await tx.providerUser.findFirst({
      where: { providerId, userId: actor.userId, status: "CONFIRMED", role: "PROVIDER_ADMIN" },
      select: { id: true },
    });
    if (!membership) throw forbidden("Only confirmed Provider Admins of this provider can create API keys.");
    const active = await tx.providerApiKey.count({ where: { providerId, revokedAt: null } });
    if (active >= MAX_ACTIVE_API_KEYS) {
      throw unprocessable(`This provider already has ${MAX_ACTIVE_API_KEYS} active API keys. Revoke keys you no longer use first.`, "too_many_api_keys");
    }
    const taken = await tx.providerApiKey.findFirst({
      where: { providerId, revokedAt: null, name: { equals: input.name, mode: "insensitive" } },
      select: { id: true },
    });
    if (taken) throw conflict(`An active API key is already named “${input.name}”. Choose another name.`, "api_key_name_taken");
    const row = await tx.providerApiKey.create({
      data: {
        providerId,
        name: input.name,
        prefix: key.prefix,
        keyHash: key.hash,
        role: input.role,
        createdById: actor.userId,
        createdByMembershipId: membership.id,
      },
      select: { id: true },
    });
    await recordEvent(tx, {
      type: "PROVIDER_API_KEY_CREATED",
      actor,
      meta,
      providerId,
      target: { type: "PROVIDER_API_KEY", id: row.id, name: input.name },
      details: { prefix: key.prefix, role: input.role },
    });
    return row.id;
  });
  return { ...(await getApiKey(providerId, id)), secret: key.secret };
}
