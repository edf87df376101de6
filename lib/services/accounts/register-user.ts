// Creating an account (sign-up). Email is unique case-insensitively (stored lower-cased).
// From an organization invitation link, the sign-up also joins: the new password must meet that
// organization's password rules (MASTER_PASSWORD), and the account is created and the invitation
// accepted in one transaction. An invitation that cannot be used (expired, replaced, another
// address) refuses the sign-up; an organization that requires two-step login of the invited role
// gets the account created without joining (two-step login can only be turned on once the account
// exists), and the answer says so.
import type { RequestMeta } from "@/lib/actor";
import { passwordWeakness } from "@/lib/auth/password-policy";
import { hashPassword } from "@/lib/crypto/password";
import { transaction } from "@/lib/db/transaction";
import { AppError, conflict, unprocessable } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";
import {
  acceptInvitationInTransaction,
  checkJoiningPassword,
  invitationForSignUp,
  type InvitationRef,
} from "@/lib/services/organizations/accept-member-invitation";

export interface RegisterInput {
  email: string;
  name: string;
  password: string;
  /** The organization invitation the sign-up came from. */
  invitation?: InvitationRef;
}

export type InvitationOutcome =
  | { joined: true; organizationId: string; memberId: string }
  | { joined: false; organizationId: string; code: string; message: string };

export interface RegisteredUser {
  id: string;
  email: string;
  invitation?: InvitationOutcome;
}

export async function registerUser(input: RegisterInput, meta: RequestMeta): Promise<RegisteredUser> {
  const weakness = passwordWeakness(input.password, { email: input.email, name: input.name });
  if (weakness) throw unprocessable(weakness, "weak_password", { password: weakness });
  const invitation = input.invitation;
  if (invitation) {
    await invitationForSignUp(invitation, input.email);
    await checkJoiningPassword(invitation.organizationId, input.password, input, "password", "Choose a password that meets every rule listed.");
  }
  const passwordHash = await hashPassword(input.password);
  return transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw conflict("An account with this email address already exists. Sign in instead.", "email_taken");
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true, email: true, name: true },
    });
    const actor = { userId: user.id, name: user.name, email: user.email };
    await recordEvent(tx, { type: "USER_REGISTERED", actor, meta, target: { type: "USER", id: user.id, name: user.email } });
    if (!invitation) return { id: user.id, email: user.email };
    try {
      const accepted = await acceptInvitationInTransaction(tx, invitation, user, { actor, meta });
      return { id: user.id, email: user.email, invitation: { joined: true, organizationId: accepted.organizationId, memberId: accepted.memberId } };
    } catch (error) {
      // Refused before anything was written for the invitation: the account stands on its own.
      if (error instanceof AppError && error.code === "two_factor_required") {
        return { id: user.id, email: user.email, invitation: { joined: false, organizationId: invitation.organizationId, code: error.code, message: error.message } };
      }
      throw error;
    }
  });
}
