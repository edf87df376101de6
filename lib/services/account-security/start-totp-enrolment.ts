// Step 1 of turning on two-step login: a new secret, kept as *pending* (encrypted under the user's
// data key) until a code from it is confirmed. Starting again replaces the pending secret, so only
// the authenticator set up last can be confirmed.
import QRCode from "qrcode";
import type { ActionContext } from "@/lib/actor";
import { newTotpSecret, totpUrl } from "@/lib/auth/totp";
import { transaction } from "@/lib/db/transaction";
import { conflict } from "@/lib/errors";
import { encryptTotpSecret, ensureUserDataKey, lockSecurityState } from "./security-state";

export interface TotpEnrolment {
  /** Base32, for typing into an authenticator by hand. */
  secret: string;
  otpauthUrl: string;
  /** The otpauth URL as a QR code (a PNG data: URL) for scanning. */
  qrCode: string;
}

export async function startTotpEnrolment(ctx: ActionContext): Promise<TotpEnrolment> {
  const secret = newTotpSecret();
  const email = await transaction(async (tx) => {
    const state = await lockSecurityState(tx, ctx.actor.userId);
    if (state.totpEnabledAt) {
      throw conflict("Two-step login is already on. To move it to another authenticator, turn it off first and set it up again.", "two_factor_enabled");
    }
    const key = await ensureUserDataKey(tx, state);
    await tx.user.update({ where: { id: state.id }, data: { totpPendingSecretEnc: encryptTotpSecret(key, state.id, "pending", secret) } });
    return state.email;
  });
  const otpauthUrl = totpUrl(secret, email);
  const qrCode = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: "M", margin: 1, width: 208 });
  return { secret, otpauthUrl, qrCode };
}
