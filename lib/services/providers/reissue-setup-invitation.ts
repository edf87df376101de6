// Re-issuing a provider's setup link (lost mail, expired link, wrong address): the previous link
// dies in the same transaction. Only while the provider is still waiting for its setup.
import type { ActionContext } from "@/lib/actor";
import { transaction } from "@/lib/db/transaction";
import { notFound, unprocessable } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";
import { issueSetupInvitation, mailSetupInvitation } from "./setup-invitations";

export async function reissueSetupInvitation(providerId: string, input: { ownerEmail?: string }, { actor, meta }: ActionContext) {
  const { provider, email, token, expiresAt } = await transaction(async (tx) => {
    const [provider] = await tx.$queryRaw<{ id: string; name: string; status: "PENDING" | "ACTIVE" }[]>`
      SELECT id::text AS id, name, status::text AS status FROM providers WHERE id = ${providerId}::uuid FOR UPDATE`;
    if (!provider) throw notFound("provider");
    if (provider.status !== "PENDING") {
      throw unprocessable("This provider has already completed its setup, so there is no setup link to re-issue. Its admins invite further people.", "setup_completed");
    }
    const previous = await tx.providerSetupInvitation.findFirst({ where: { providerId }, orderBy: { createdAt: "desc" }, select: { email: true } });
    const email = input.ownerEmail ?? previous?.email;
    if (!email) throw unprocessable("Enter the email address to send the setup link to.", "owner_email_required", { ownerEmail: "Enter an email address." });
    const { token, expiresAt } = await issueSetupInvitation(tx, { providerId, email, createdById: actor.userId });
    await recordEvent(tx, {
      type: "PROVIDER_SETUP_INVITED",
      actor,
      meta,
      providerId,
      target: { type: "PROVIDER", id: provider.id, name: provider.name },
      details: { email, reissued: true, ...(previous && previous.email !== email ? { previousEmail: previous.email } : {}), expiresAt: expiresAt.toISOString() },
    });
    return { provider, email, token, expiresAt };
  });
  const mailed = await mailSetupInvitation({ to: email, providerId, providerName: provider.name, token });
  return { id: providerId, setupInvitation: { email, expiresAt: expiresAt.toISOString(), mailed } };
}
