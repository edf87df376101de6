// Accepting an invitation to a provider: the invited person, signed in with the invited email,
// redeems the link's token → ACCEPTED. An admin then confirms them (only confirmed members get
// access). The token works once: acceptance moves the membership out of INVITED, and a re-invite
// replaces the hash, so older links stop working.
import type { ActionContext } from "@/lib/actor";
import type { SessionUser } from "@/lib/auth/session";
import { hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/transaction";
import { type AppError, forbidden, gone, notFound, unprocessable } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";
import { memberTarget } from "./memberships";

export type InvitationState = "valid" | "invalid" | "used" | "expired" | "provider_disabled";

interface InvitationRow {
  status: "INVITED" | "ACCEPTED" | "CONFIRMED";
  inviteTokenHash: string | null;
  inviteExpiresAt: Date | null;
  provider: { enabled: boolean };
}

/** What a link's token means for this membership, without changing anything. */
export function invitationState(row: InvitationRow | null, token: string, now = new Date()): InvitationState {
  if (!row || !token || row.inviteTokenHash !== hashToken(token)) return "invalid";
  if (row.status !== "INVITED") return "used";
  if (!row.inviteExpiresAt || row.inviteExpiresAt <= now) return "expired";
  if (!row.provider.enabled) return "provider_disabled";
  return "valid";
}

const ROW_SELECT = {
  id: true,
  email: true,
  role: true,
  status: true,
  userId: true,
  inviteTokenHash: true,
  inviteExpiresAt: true,
  provider: { select: { id: true, name: true, enabled: true } },
} as const;

export interface InvitationPreview {
  state: InvitationState;
  /** Only revealed to the holder of the right token. */
  invitation: { email: string; role: "PROVIDER_ADMIN" | "SERVICE_USER"; providerName: string; acceptedBy: string | null } | null;
}

/** For the accept page: the invitation behind a link, or why the link does not work. */
export async function previewProviderInvitation(providerId: string, providerUserId: string, token: string): Promise<InvitationPreview> {
  const row = await db.providerUser.findFirst({ where: { id: providerUserId, providerId }, select: ROW_SELECT });
  const state = invitationState(row, token);
  if (!row || state === "invalid") return { state, invitation: null };
  return { state, invitation: { email: row.email, role: row.role, providerName: row.provider.name, acceptedBy: row.userId } };
}

export function invitationRefusal(state: Exclude<InvitationState, "valid">): AppError {
  switch (state) {
    case "invalid":
      return gone("This invitation link is not valid. It may have been replaced by a newer invitation: use the latest email, or ask a Provider Admin to re-send it.", "invitation_invalid");
    case "used":
      return gone("This invitation has already been accepted. A Provider Admin confirms new members; you will get access once they do.", "invitation_used");
    case "expired":
      return gone("This invitation link has expired. Ask a Provider Admin of the provider to re-send the invitation.", "invitation_expired");
    case "provider_disabled":
      return unprocessable("This provider has been disabled by the platform operator, so its invitations cannot be accepted right now.", "provider_disabled");
  }
}

export async function acceptProviderInvitation(
  providerId: string,
  providerUserId: string,
  token: string,
  user: SessionUser,
  { actor, meta }: ActionContext,
): Promise<{ id: string; status: "ACCEPTED"; providerId: string }> {
  return transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM provider_users WHERE id = ${providerUserId}::uuid AND provider_id = ${providerId}::uuid FOR UPDATE`;
    const row = await tx.providerUser.findFirst({ where: { id: providerUserId, providerId }, select: ROW_SELECT });
    if (!row) throw notFound("invitation");
    const state = invitationState(row, token);
    if (state !== "valid") throw invitationRefusal(state);
    if (row.email !== user.email) {
      throw forbidden(`This invitation was sent to ${row.email}. Sign in with that email address to accept it.`, "wrong_account");
    }
    await tx.providerUser.update({ where: { id: row.id }, data: { status: "ACCEPTED", userId: user.id, inviteExpiresAt: null } });
    await recordEvent(tx, { type: "PROVIDER_USER_ACCEPTED", actor, meta, providerId, target: memberTarget(row), details: { role: row.role } });
    return { id: row.id, status: "ACCEPTED" as const, providerId };
  });
}
