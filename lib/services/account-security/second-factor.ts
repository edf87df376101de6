// Checking and using up a second factor (an authenticator code or a recovery code) inside the
// caller's transaction, with the user's security row locked. A TOTP code moves the account's last
// accepted step forward (so it never works twice); a recovery code is marked used and its use is
// recorded as USER_RECOVERY_CODE_USED in the same transaction.
import type { ActionContext } from "@/lib/actor";
import { normalizeRecoveryCode, recoveryCodeHash } from "@/lib/auth/recovery-codes";
import { checkTotp, normalizeTotpCode } from "@/lib/auth/totp";
import type { Tx } from "@/lib/db/client";
import { recordEvent } from "@/lib/events/recorder";
import { decryptTotpSecret, userDataKey, type SecurityState } from "./security-state";

export type SecondFactorMethod = "totp" | "recovery_code";
export type RecoveryCodePurpose = "sign_in" | "disable_two_factor" | "regenerate_recovery_codes";

export interface SecondFactorInput {
  totp?: string;
  recoveryCode?: string;
}

export interface SecondFactorUse {
  method: SecondFactorMethod;
  /** Unused recovery codes left after this one (recovery codes only). */
  recoveryCodesLeft?: number;
}

/** One "code" field that takes either kind: six digits are an authenticator code, anything else a recovery code. */
export function secondFactorFromCode(code: string): SecondFactorInput {
  return normalizeTotpCode(code) ? { totp: code } : { recoveryCode: code };
}

/** Uses up the given factor, or returns null when it is wrong, already used, or the account has no two-step login. */
export async function consumeSecondFactor(
  tx: Tx,
  state: SecurityState,
  input: SecondFactorInput,
  purpose: RecoveryCodePurpose,
  ctx: ActionContext,
  now = new Date(),
): Promise<SecondFactorUse | null> {
  if (!state.totpEnabledAt || !state.totpSecretEnc) return null;
  if (input.totp) return (await consumeTotp(tx, state, input.totp, now)) ? { method: "totp" } : null;
  if (input.recoveryCode) return consumeRecoveryCode(tx, state, input.recoveryCode, purpose, ctx, now);
  return null;
}

async function consumeTotp(tx: Tx, state: SecurityState, code: string, now: Date): Promise<boolean> {
  const secret = decryptTotpSecret(userDataKey(state), state.id, "active", state.totpSecretEnc!);
  const lastStep = state.totpLastStep === null ? null : Number(state.totpLastStep);
  const check = checkTotp(secret, code, now, lastStep);
  if (!check.ok) return false;
  // Conditional on the step still being newer, so two requests racing with one code cannot both pass.
  const { count } = await tx.user.updateMany({
    where: { id: state.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: check.step } }] },
    data: { totpLastStep: check.step },
  });
  if (count === 1) state.totpLastStep = BigInt(check.step);
  return count === 1;
}

async function consumeRecoveryCode(
  tx: Tx,
  state: SecurityState,
  code: string,
  purpose: RecoveryCodePurpose,
  ctx: ActionContext,
  now: Date,
): Promise<SecondFactorUse | null> {
  const normalized = normalizeRecoveryCode(code);
  if (!normalized) return null;
  const codeHash = recoveryCodeHash(userDataKey(state), state.id, normalized);
  const { count } = await tx.userRecoveryCode.updateMany({ where: { userId: state.id, codeHash, usedAt: null }, data: { usedAt: now } });
  if (count !== 1) return null;
  const recoveryCodesLeft = await tx.userRecoveryCode.count({ where: { userId: state.id, usedAt: null } });
  await recordEvent(tx, {
    type: "USER_RECOVERY_CODE_USED",
    actor: ctx.actor,
    meta: ctx.meta,
    target: { type: "USER", id: state.id, name: state.email },
    details: { purpose, recoveryCodesLeft },
  });
  return { method: "recovery_code", recoveryCodesLeft };
}
