// Request bodies of the account security routes (API.md "Account security").
import { z } from "zod";
import { normalizeRecoveryCode } from "@/lib/auth/recovery-codes";
import { normalizeTotpCode } from "@/lib/auth/totp";

const text = (missing: string) => z.string({ message: missing }).min(1, missing).max(256, "Use at most 256 characters.");

const totpCodeSchema = z
  .string({ message: "Enter the 6-digit code from your authenticator app." })
  .refine((v) => normalizeTotpCode(v) !== null, "Enter the 6-digit code from your authenticator app.");

/** An authenticator code or a recovery code. */
const secondFactorCodeSchema = z
  .string({ message: "Enter a code from your authenticator app or a recovery code." })
  .refine(
    (v) => normalizeTotpCode(v) !== null || normalizeRecoveryCode(v) !== null,
    "Enter a 6-digit code from your authenticator app or a recovery code (xxxx-xxxx-xxxx).",
  );

export const VerifyTotpBody = z.object({ code: totpCodeSchema });
export const RegenerateRecoveryCodesBody = z.object({ code: secondFactorCodeSchema });
export const DisableTwoFactorBody = z.object({ password: text("Enter your password."), code: secondFactorCodeSchema });
export const ChangePasswordBody = z.object({
  currentPassword: text("Enter your current password."),
  newPassword: text("Enter a new password."),
});
