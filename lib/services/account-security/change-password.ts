// Changing the password of the signed-in account: the current password (argon2id) proves it is the
// owner, the new one must pass the strength check and the strictest password rules of the
// organizations the account belongs to (MASTER_PASSWORD policies), and the session version is bumped in the same
// transaction, which ends every session issued before. The caller hands the acting browser a new
// session at the returned version (lib/auth/session.ts issueSessionCookie).
import type { ActionContext } from "@/lib/actor";
import { passwordWeakness } from "@/lib/auth/password-policy";
import { hashPassword, verifyPassword } from "@/lib/crypto/password";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/transaction";
import { conflict, notFound, unprocessable } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";
import { sendMailSafely } from "@/lib/mail/mailer";
import { passwordChangedMail } from "@/lib/mail/templates";
import { passwordPolicyRefusal, passwordRulesForUser } from "@/lib/services/policies/master-password-policy";
import { countingPasswordAttempts, invalidPassword } from "./attempt-limits";
import { lockSecurityState } from "./security-state";

export interface ChangedPassword {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
}

export async function changePassword(input: { currentPassword: string; newPassword: string }, ctx: ActionContext): Promise<ChangedPassword> {
  const userId = ctx.actor.userId;
  const before = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, passwordHash: true } });
  if (!before) throw notFound("account");
  await countingPasswordAttempts(userId, async () => {
    if (!(await verifyPassword(before.passwordHash, input.currentPassword))) throw invalidPassword("currentPassword");
  });
  const weakness = passwordWeakness(input.newPassword, { email: before.email, name: before.name });
  if (weakness) throw unprocessable(weakness, "weak_password", { newPassword: weakness });
  const refusal = passwordPolicyRefusal(
    input.newPassword,
    await passwordRulesForUser(userId),
    { email: before.email, name: before.name },
    "newPassword",
    "Choose a password that meets every rule listed above the form.",
  );
  if (refusal) throw refusal;
  if (input.newPassword === input.currentPassword) {
    throw unprocessable("Choose a password different from your current one.", "password_unchanged", {
      newPassword: "This is your current password.",
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = new Date();
  const changed = await transaction(async (tx) => {
    const state = await lockSecurityState(tx, userId);
    // Another request changed it after we checked the current password: that check no longer holds.
    if (state.passwordHash !== before.passwordHash) {
      throw conflict("Your password was changed in the meantime. Reload the page and try again.", "password_changed_concurrently");
    }
    const user = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 }, passwordChangeRequired: false },
      select: { id: true, email: true, name: true, sessionVersion: true },
    });
    await recordEvent(tx, {
      type: "USER_PASSWORD_CHANGED",
      actor: ctx.actor,
      meta: ctx.meta,
      target: { type: "USER", id: userId, name: user.email },
      details: { otherSessionsEnded: true },
    });
    return user;
  });
  await sendMailSafely(passwordChangedMail({ to: changed.email, at: now, ip: ctx.meta.ip }));
  return changed;
}
