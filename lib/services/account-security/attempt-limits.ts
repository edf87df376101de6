// Guessing limits for the secrets a signed-in session (or a sign-in that got past the password) is
// asked for again. Both count failures per account, not per address: whoever is guessing already
// holds the password or a session, so spreading the attempts over many addresses must not help.
//   - Codes (TOTP or recovery): 5 failures per 15 minutes. With three codes valid at a time that
//     leaves about a 1-in-67,000 chance per window of guessing a TOTP code.
//   - The current password when a signed-in user changes it or turns off two-step login: 10
//     failures per 15 minutes, so a stolen session cannot be used to search for the password.
import { AppError, tooManyRequests, unprocessable } from "@/lib/errors";
import { blockedFor, limiter, penalize, reset } from "@/lib/rate-limit";

const CODE_ATTEMPTS = { points: 5, duration: 900 };
const PASSWORD_ATTEMPTS = { points: 10, duration: 900 };

export const codeLimiter = () => limiter("second-factor", CODE_ATTEMPTS);
const passwordLimiter = () => limiter("reauth-password", PASSWORD_ATTEMPTS);

export const invalidCode = () =>
  unprocessable("That code is not valid. Authenticator codes change every 30 seconds and each works once; recovery codes work once.", "invalid_code", {
    code: "This code is not valid.",
  });

export const invalidPassword = (field: "password" | "currentPassword") =>
  unprocessable("The password is incorrect.", "invalid_password", { [field]: "The password is incorrect." });

async function counted<T>(l: ReturnType<typeof limiter>, key: string, failureCode: string, run: () => Promise<T>): Promise<T> {
  const wait = await blockedFor(l, key);
  if (wait > 0) throw tooManyRequests(wait);
  try {
    const result = await run();
    await reset(l, key);
    return result;
  } catch (error) {
    if (error instanceof AppError && error.code === failureCode) await penalize(l, key);
    throw error;
  }
}

/** Runs `run`, which throws invalidCode() for a wrong code; refuses with 429 once the limit is used up. */
export function countingCodeAttempts<T>(userId: string, run: () => Promise<T>): Promise<T> {
  return counted(codeLimiter(), userId, "invalid_code", run);
}

/** Runs `run`, which throws invalidPassword() for a wrong password; refuses with 429 once the limit is used up. */
export function countingPasswordAttempts<T>(userId: string, run: () => Promise<T>): Promise<T> {
  return counted(passwordLimiter(), userId, "invalid_password", run);
}
