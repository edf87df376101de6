// Staff turn an MSP into a provider: the provider starts PENDING and its future first admin gets a
// setup link by mail (sent after the transaction commits).
import type { ActionContext } from "@/lib/actor";
import { transaction } from "@/lib/db/transaction";
import type { ProviderType } from "@/lib/db/generated/client.ts";
import { recordEvent } from "@/lib/events/recorder";
import { issueSetupInvitation, mailSetupInvitation } from "./setup-invitations";

export interface CreateProviderInput {
  name: string;
  ownerEmail: string;
  type?: ProviderType;
}

export async function createProvider(input: CreateProviderInput, { actor, meta }: ActionContext) {
  const { provider, token, expiresAt } = await transaction(async (tx) => {
    const provider = await tx.provider.create({
      data: { name: input.name, type: input.type ?? "MSP", status: "PENDING" },
      select: { id: true, name: true, type: true, status: true },
    });
    const { token, expiresAt } = await issueSetupInvitation(tx, { providerId: provider.id, email: input.ownerEmail, createdById: actor.userId });
    await recordEvent(tx, {
      type: "PROVIDER_SETUP_INVITED",
      actor,
      meta,
      providerId: provider.id,
      target: { type: "PROVIDER", id: provider.id, name: provider.name },
      details: { email: input.ownerEmail, type: provider.type, expiresAt: expiresAt.toISOString() },
    });
    return { provider, token, expiresAt };
  });
  const mailed = await mailSetupInvitation({ to: input.ownerEmail, providerId: provider.id, providerName: provider.name, token });
  return { id: provider.id, name: provider.name, type: provider.type, status: provider.status, setupInvitation: { email: input.ownerEmail, expiresAt: expiresAt.toISOString(), mailed } };
}
