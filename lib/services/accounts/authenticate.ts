// Checking a sign-in attempt: rate limited per email and address, constant-time-ish for unknown
// accounts, and every outcome recorded as an event (USER_LOGGED_IN / USER_LOGIN_FAILED).
import type { RequestMeta } from "@/lib/actor";
import { dummyPasswordHash, verifyPassword } from "@/lib/crypto/password";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import { recordEvent } from "@/lib/events/recorder";
import { blockedFor, limiter, penalize, reset } from "@/lib/rate-limit";
import { normalizeEmail } from "@/lib/validation";

/** Error codes next-auth passes back to the sign-in page as `?error=`. */
export const SIGN_IN_ERRORS = {
  CredentialsSignin: "The email address or password is incorrect.",
  RATE_LIMITED: "Too many failed attempts. Wait a few minutes and try again.",
  TOTP_REQUIRED: "Enter the 6-digit code from your authenticator app.",
  TOTP_INVALID: "That code is not valid. Codes change every 30 seconds; each works once.",
} as const;

export class SignInError extends Error {
  constructor(readonly code: keyof typeof SIGN_IN_ERRORS) {
    super(code);
  }
}

export interface Credentials {
  email: string;
  password: string;
  totp?: string;
  recoveryCode?: string;
}

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
}

function limiters() {
  const e = env();
  return {
    perAccount: limiter("login", { points: e.LOGIN_RATE_LIMIT, duration: e.LOGIN_RATE_WINDOW_SECONDS }),
    perAddress: limiter("login-ip", { points: e.LOGIN_RATE_LIMIT * 5, duration: e.LOGIN_RATE_WINDOW_SECONDS }),
  };
}

export async function authenticate(credentials: Credentials, meta: RequestMeta): Promise<AuthenticatedUser | null> {
  const email = normalizeEmail(credentials.email);
  const { perAccount, perAddress } = limiters();
  const accountKey = `${email}|${meta.ip ?? "unknown"}`;
  const addressKey = meta.ip ?? "unknown";
  if ((await blockedFor(perAccount, accountKey)) > 0 || (await blockedFor(perAddress, addressKey)) > 0) {
    throw new SignInError("RATE_LIMITED");
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), credentials.password);
  if (!user || !passwordOk) {
    await Promise.all([penalize(perAccount, accountKey), penalize(perAddress, addressKey)]);
    await recordLoginFailure(user ? { userId: user.id, name: user.name, email: user.email } : null, email, user ? "wrong_password" : "unknown_account", meta);
    return null;
  }

  await reset(perAccount, accountKey);
  await transaction((tx) =>
    recordEvent(tx, {
      type: "USER_LOGGED_IN",
      actor: { userId: user.id, name: user.name, email: user.email },
      meta,
      target: { type: "USER", id: user.id, name: user.email },
    }),
  );
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

async function recordLoginFailure(
  actor: { userId: string; name: string; email: string } | null,
  email: string,
  reason: string,
  meta: RequestMeta,
): Promise<void> {
  await transaction((tx) =>
    recordEvent(tx, {
      type: "USER_LOGIN_FAILED",
      actor,
      meta,
      target: actor ? { type: "USER", id: actor.userId, name: actor.email } : null,
      details: { email, reason },
    }),
  );
}
