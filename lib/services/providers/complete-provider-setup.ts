// Redeeming a provider setup link (PRODUCT.md rule 1). The signed-in user must be the invited email;
// the link must be the provider's open one (not used, revoked or expired). Completing it names the
// provider, makes it ACTIVE and the user its first CONFIRMED Provider Admin, all in one transaction.
// Any refusal changes nothing.
import type { ActionContext } from "@/lib/actor";
import type { SessionUser } from "@/lib/auth/session";
import { hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/transaction";
import { type AppError, forbidden, gone, notFound, unprocessable } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";
import { setupLinkState, type SetupLinkState } from "./setup-invitations";

export interface CompleteSetupInput {
  token: string;
  name: string;
  businessName?: string | null;
  billingEmail: string;
}

export function setupRefusal(state: Exclude<SetupLinkState, "valid">): AppError {
  switch (state) {
    case "invalid":
      return gone("This setup link is not valid. Check that you opened the whole link from the email, or ask the platform operator for a new one.", "setup_link_invalid");
    case "used":
      return gone("This setup link has already been used: the provider is set up. Sign in to open it, or ask one of its Provider Admins to invite you.", "setup_link_used");
    case "revoked":
      return gone("This setup link was replaced by a newer one. Use the link in the most recent email, or ask the platform operator to send a new one.", "setup_link_revoked");
    case "expired":
      return gone("This setup link has expired. Ask the platform operator to send you a new one.", "setup_link_expired");
    case "provider_disabled":
      return unprocessable("This provider has been disabled by the platform operator, so its setup cannot be completed right now.", "provider_disabled");
  }
}

export async function completeProviderSetup(providerId: string, input: CompleteSetupInput, user: SessionUser, { actor, meta }: ActionContext) {
  return transaction(async (tx) => {
    const [provider] = await tx.$queryRaw<{ id: string; enabled: boolean }[]>`
      SELECT id::text AS id, enabled FROM providers WHERE id = ${providerId}::uuid FOR UPDATE`;
    if (!provider) throw notFound("provider");
    const invitation = await tx.providerSetupInvitation.findFirst({
      where: { providerId, tokenHash: hashToken(input.token) },
      select: { id: true, email: true, expiresAt: true, usedAt: true, revokedAt: true },
    });
    const state = setupLinkState(invitation, provider);
    if (state !== "valid") throw setupRefusal(state);
    if (invitation!.email !== user.email) {
      throw forbidden(`This setup link was sent to ${invitation!.email}. Sign in with that email address to complete the setup.`, "wrong_account");
    }

    await tx.providerSetupInvitation.update({ where: { id: invitation!.id }, data: { usedAt: new Date() } });
    const updated = await tx.provider.update({
      where: { id: providerId },
      data: { name: input.name, businessName: input.businessName ?? null, billingEmail: input.billingEmail, status: "ACTIVE" },
      select: { id: true, name: true, status: true },
    });
    const membership = await tx.providerUser.create({
      data: { providerId, userId: user.id, email: user.email, role: "PROVIDER_ADMIN", status: "CONFIRMED" },
      select: { id: true },
    });
    await recordEvent(tx, {
      type: "PROVIDER_SETUP_COMPLETED",
      actor,
      meta,
      providerId,
      target: { type: "PROVIDER", id: updated.id, name: updated.name },
      details: { name: input.name, businessName: input.businessName ?? null, billingEmail: input.billingEmail, adminMembershipId: membership.id },
    });
    return { id: updated.id, name: updated.name, status: updated.status };
  });
}

export interface SetupLinkPreview {
  state: SetupLinkState;
  /** Only for the holder of a real link. */
  invitation: { email: string; providerName: string; providerType: "MSP" | "RESELLER" } | null;
}

/** For the setup page: the invitation behind a link, or why the link does not work. Changes nothing. */
export async function previewSetupLink(providerId: string, token: string): Promise<SetupLinkPreview> {
  if (!token) return { state: "invalid", invitation: null };
  const invitation = await db.providerSetupInvitation.findFirst({
    where: { providerId, tokenHash: hashToken(token) },
    select: { email: true, expiresAt: true, usedAt: true, revokedAt: true, provider: { select: { name: true, type: true, enabled: true } } },
  });
  const state = setupLinkState(invitation, invitation?.provider ?? null);
  if (!invitation || state === "invalid") return { state, invitation: null };
  return { state, invitation: { email: invitation.email, providerName: invitation.provider.name, providerType: invitation.provider.type } };
}
