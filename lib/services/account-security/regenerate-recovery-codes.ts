// New recovery codes for an account with two-step login, confirmed with a current code (an
// authenticator code, or one of the old recovery codes). The old set dies with it.
import type { ActionContext } from "@/lib/actor";
import { transaction } from "@/lib/db/transaction";
import { conflict } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";
import { sendMailSafely } from "@/lib/mail/mailer";
import { recoveryCodeUsedMail } from "@/lib/mail/templates";
import { countingCodeAttempts, invalidCode } from "./attempt-limits";
import { replaceRecoveryCodes } from "./recovery-code-set";
import { consumeSecondFactor, secondFactorFromCode } from "./second-factor";
import { lockSecurityState } from "./security-state";

export async function regenerateRecoveryCodes(input: { code: string }, ctx: ActionContext): Promise<{ recoveryCodes: string[] }> {
  const now = new Date();
  const result = await countingCodeAttempts(ctx.actor.userId, () =>
    transaction(async (tx) => {
      const state = await lockSecurityState(tx, ctx.actor.userId);
      if (!state.totpEnabledAt) throw conflict("Two-step login is off, so there are no recovery codes. Turn it on first.", "two_factor_not_enabled");
      const used = await consumeSecondFactor(tx, state, secondFactorFromCode(input.code), "regenerate_recovery_codes", ctx, now);
      if (!used) throw invalidCode();
      const recoveryCodes = await replaceRecoveryCodes(tx, state);
      await recordEvent(tx, {
        type: "USER_RECOVERY_CODES_REGENERATED",
        actor: ctx.actor,
        meta: ctx.meta,
        target: { type: "USER", id: state.id, name: state.email },
        details: { verifiedWith: used.method, recoveryCodes: recoveryCodes.length },
      });
      return { recoveryCodes, method: used.method, email: state.email };
    }),
  );
  if (result.method === "recovery_code") {
    await sendMailSafely(
      recoveryCodeUsedMail({ to: result.email, at: now, ip: ctx.meta.ip, purpose: "regenerate_recovery_codes", recoveryCodesLeft: result.recoveryCodes.length }),
    );
  }
  return { recoveryCodes: result.recoveryCodes };
}
