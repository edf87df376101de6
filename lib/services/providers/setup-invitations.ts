// Provider setup links (PRODUCT.md rule 1): 256-bit random tokens, stored only as a hash, single-use,
// expiring after SETUP_TOKEN_TTL_HOURS, redeemable only by the invited email. A provider has at most
// one open link: issuing a new one revokes the others.
import { hashToken, newToken } from "@/lib/crypto/tokens";
import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { sendMailSafely } from "@/lib/mail/mailer";
import { providerSetupInvitationMail } from "@/lib/mail/templates";

export type SetupLinkState = "valid" | "invalid" | "used" | "revoked" | "expired" | "provider_disabled";

export interface SetupInvitationRow {
  email: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

export function setupLinkState(row: SetupInvitationRow | null, provider: { enabled: boolean } | null, now = new Date()): SetupLinkState {
  if (!row || !provider) return "invalid";
  if (row.usedAt) return "used";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now) return "expired";
  if (!provider.enabled) return "provider_disabled";
  return "valid";
}

/** Revokes the provider's open links and writes a new one; returns the token for the mail. */
export async function issueSetupInvitation(tx: Tx, input: { providerId: string; email: string; createdById: string }): Promise<{ token: string; expiresAt: Date }> {
  await tx.providerSetupInvitation.updateMany({
    where: { providerId: input.providerId, usedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  const token = newToken();
  const expiresAt = new Date(Date.now() + env().SETUP_TOKEN_TTL_HOURS * 3_600_000);
  await tx.providerSetupInvitation.create({
    data: { providerId: input.providerId, email: input.email, tokenHash: hashToken(token), expiresAt, createdById: input.createdById },
  });
  return { token, expiresAt };
}

export function mailSetupInvitation(input: { to: string; providerId: string; providerName: string; token: string }): Promise<boolean> {
  return sendMailSafely(providerSetupInvitationMail(input));
}
