// Turning two-step login off needs both the current password and a code (authenticator or
// recovery), so neither a stolen session nor a stolen password alone can remove it. The secret,
// any pending secret and all recovery codes are deleted; USER_2FA_DISABLED; the user is mailed
// (one message, which also tells when a recovery code was used for it). Organizations whose policy
// requires two-step login of the user's role revoke the membership in the same transaction, as the
// reference product does (lib/services/policies/two-factor-policy.ts), with their own mail each.
import type { ActionContext } from "@/lib/actor";
import { verifyPassword } from "@/lib/crypto/password";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/transaction";
import { conflict, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";
import { sendMailSafely } from "@/lib/mail/mailer";
import { twoFactorDisabledMail } from "@/lib/mail/templates";
import { revokeMembershipsRequiringTwoFactor } from "@/lib/services/policies/two-factor-policy";
import { countingCodeAttempts, countingPasswordAttempts, invalidCode, invalidPassword } from "./attempt-limits";
import { consumeSecondFactor, secondFactorFromCode, type SecondFactorUse } from "./second-factor";
import { lockSecurityState } from "./security-state";

const notEnabled = () => conflict("Two-step login is already off.", "two_factor_not_enabled");

export interface DisabledTwoFactor {
  /** Organizations whose two-step login policy revoked the account's membership. */
  revokedFrom: { organizationId: string; organizationName: string }[];
}

export async function disableTwoFactor(input: { password: string; code: string }, ctx: ActionContext): Promise<DisabledTwoFactor> {
  const userId = ctx.actor.userId;
  const now = new Date();
  const before = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true, totpEnabledAt: true } });
  if (!before) throw notFound("account");
  if (!before.totpEnabledAt) throw notEnabled();
  // The password is checked before taking the row lock: argon2 is slow, the lock should not be.
  const { email, used, revokedFrom } = await countingPasswordAttempts(userId, async () => {
    if (!(await verifyPassword(before.passwordHash, input.password))) throw invalidPassword("password");
    return countingCodeAttempts(userId, () =>
      transaction(async (tx): Promise<{ email: string; used: SecondFactorUse } & DisabledTwoFactor> => {
        const state = await lockSecurityState(tx, userId);
        if (!state.totpEnabledAt) throw notEnabled();
        if (state.passwordHash !== before.passwordHash) throw invalidPassword("password");
        const used = await consumeSecondFactor(tx, state, secondFactorFromCode(input.code), "disable_two_factor", ctx, now);
        if (!used) throw invalidCode();
        await tx.user.update({
          where: { id: userId },
          data: { totpSecretEnc: null, totpPendingSecretEnc: null, totpEnabledAt: null, totpLastStep: null },
        });
        await tx.userRecoveryCode.deleteMany({ where: { userId } });
        await recordEvent(tx, {
          type: "USER_2FA_DISABLED",
          actor: ctx.actor,
          meta: ctx.meta,
          target: { type: "USER", id: userId, name: state.email },
          details: { verifiedWith: used.method },
        });
        const revokedFrom = await revokeMembershipsRequiringTwoFactor(tx, userId, ctx);
        return { email: state.email, used, revokedFrom };
      }),
    );
  });
  await sendMailSafely(twoFactorDisabledMail({ to: email, at: now, ip: ctx.meta.ip, withRecoveryCode: used.method === "recovery_code" }));
  return { revokedFrom };
}
