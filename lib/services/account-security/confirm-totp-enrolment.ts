// Step 2 of turning on two-step login: a code from the pending secret proves the authenticator
// works; the secret becomes active (its step counts as used), 10 recovery codes are issued and
// returned this once, USER_2FA_ENABLED is recorded and the user is told by mail.
import type { ActionContext } from "@/lib/actor";
import { checkTotp } from "@/lib/auth/totp";
import { transaction } from "@/lib/db/transaction";
import { conflict } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";
import { sendMailSafely } from "@/lib/mail/mailer";
import { twoFactorEnabledMail } from "@/lib/mail/templates";
import { countingCodeAttempts, invalidCode } from "./attempt-limits";
import { replaceRecoveryCodes } from "./recovery-code-set";
import { decryptTotpSecret, encryptTotpSecret, lockSecurityState, userDataKey } from "./security-state";

export async function confirmTotpEnrolment(input: { code: string }, ctx: ActionContext): Promise<{ recoveryCodes: string[] }> {
  const now = new Date();
  const { recoveryCodes, email } = await countingCodeAttempts(ctx.actor.userId, () =>
    transaction(async (tx) => {
      const state = await lockSecurityState(tx, ctx.actor.userId);
      if (state.totpEnabledAt) throw conflict("Two-step login is already on.", "two_factor_enabled");
      if (!state.totpPendingSecretEnc) {
        throw conflict("There is no authenticator waiting to be confirmed. Start setting up two-step login again.", "no_pending_enrolment");
      }
      const key = userDataKey(state);
      const secret = decryptTotpSecret(key, state.id, "pending", state.totpPendingSecretEnc);
      const check = checkTotp(secret, input.code, now, null);
      if (!check.ok) throw invalidCode();
      await tx.user.update({
        where: { id: state.id },
        data: {
          totpSecretEnc: encryptTotpSecret(key, state.id, "active", secret),
          totpPendingSecretEnc: null,
          totpEnabledAt: now,
          totpLastStep: check.step,
        },
      });
      const codes = await replaceRecoveryCodes(tx, state);
      await recordEvent(tx, {
        type: "USER_2FA_ENABLED",
        actor: ctx.actor,
        meta: ctx.meta,
        target: { type: "USER", id: state.id, name: state.email },
        details: { method: "totp", recoveryCodes: codes.length },
      });
      return { recoveryCodes: codes, email: state.email };
    }),
  );
  await sendMailSafely(twoFactorEnabledMail({ to: email, at: now, ip: ctx.meta.ip }));
  return { recoveryCodes };
}
