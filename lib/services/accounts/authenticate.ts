// Checking a sign-in attempt: rate limited per email and address, constant-time-ish for unknown
// accounts, and every outcome recorded as an event (USER_LOGGED_IN / USER_LOGIN_FAILED). Accounts
// with two-step login also need an authenticator code or a recovery code after the password; code
// guesses have their own per-account limit (lib/services/account-security/attempt-limits.ts).
// A sign-in is also the moment the plaintext password is at hand: organizations whose MASTER_PASSWORD
// policy says "enforce at sign-in" get it checked against their rules, and a password that misses
// them marks the account as having to change it (users.password_change_required), recorded on the
// USER_LOGGED_IN event. A compliant password clears the mark.
import type { Actor, RequestMeta } from "@/lib/actor";
import { dummyPasswordHash, verifyPassword } from "@/lib/crypto/password";
import { db, type Tx } from "@/lib/db/client";
import { transaction } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import { recordEvent } from "@/lib/events/recorder";
import { sendMailSafely } from "@/lib/mail/mailer";
import { recoveryCodeUsedMail } from "@/lib/mail/templates";
import { blockedFor, limiter, penalize, reset } from "@/lib/rate-limit";
import { codeLimiter } from "@/lib/services/account-security/attempt-limits";
import { consumeSecondFactor, type SecondFactorUse } from "@/lib/services/account-security/second-factor";
import { lockSecurityState } from "@/lib/services/account-security/security-state";
import { enforcedAtSignIn, passwordRuleFailures, passwordRulesForUser } from "@/lib/services/policies/master-password-policy";
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
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true, totpEnabledAt: true },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), credentials.password);
  if (!user || !passwordOk) {
    await Promise.all([penalize(perAccount, accountKey), penalize(perAddress, addressKey)]);
    await recordLoginFailure(user ? { userId: user.id, name: user.name, email: user.email } : null, email, user ? "wrong_password" : "unknown_account", meta);
    return null;
  }

  await reset(perAccount, accountKey);
  const actor: Actor = { userId: user.id, name: user.name, email: user.email };
  const mustChange = await passwordMissesSignInRules(user, credentials.password);
  if (!user.totpEnabledAt) {
    await transaction((tx) => recordLogin(tx, actor, meta, null, mustChange));
    return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
  }
  return signInWithSecondFactor(actor, credentials, meta, mustChange);
}

/** Whether the password misses the rules of an organization that enforces them at sign-in. */
async function passwordMissesSignInRules(user: { id: string; email: string; name: string }, password: string): Promise<boolean> {
  const enforced = enforcedAtSignIn(await passwordRulesForUser(user.id));
  return enforced.sources.length > 0 && passwordRuleFailures(password, enforced, user).needs.length > 0;
}

async function signInWithSecondFactor(actor: Actor, credentials: Credentials, meta: RequestMeta, mustChange: boolean): Promise<AuthenticatedUser> {
  // Without a code this is the normal first half of a two-step sign-in, not a failure.
  if (!credentials.totp && !credentials.recoveryCode) throw new SignInError("TOTP_REQUIRED");
  const codes = codeLimiter();
  if ((await blockedFor(codes, actor.userId)) > 0) throw new SignInError("RATE_LIMITED");
  const now = new Date();
  const outcome = await transaction(async (tx) => {
    const state = await lockSecurityState(tx, actor.userId);
    const used = await consumeSecondFactor(tx, state, { totp: credentials.totp, recoveryCode: credentials.recoveryCode }, "sign_in", { actor, meta }, now);
    if (!used) return null;
    await recordLogin(tx, actor, meta, used, mustChange);
    return { used, sessionVersion: state.sessionVersion };
  });
  if (!outcome) {
    await penalize(codes, actor.userId);
    await recordLoginFailure(actor, actor.email, credentials.totp ? "totp_invalid" : "recovery_code_invalid", meta);
    throw new SignInError("TOTP_INVALID");
  }
  await reset(codes, actor.userId);
  if (outcome.used.method === "recovery_code") {
    await sendMailSafely(
      recoveryCodeUsedMail({ to: actor.email, at: now, ip: meta.ip, purpose: "sign_in", recoveryCodesLeft: outcome.used.recoveryCodesLeft ?? 0 }),
    );
  }
  return { id: actor.userId, email: actor.email, name: actor.name, sessionVersion: outcome.sessionVersion };
}

async function recordLogin(tx: Tx, actor: Actor, meta: RequestMeta, secondFactor: SecondFactorUse | null, passwordChangeRequired: boolean): Promise<void> {
  await tx.user.updateMany({ where: { id: actor.userId, passwordChangeRequired: !passwordChangeRequired }, data: { passwordChangeRequired } });
  const details = { ...(secondFactor ? { secondFactor: secondFactor.method } : {}), ...(passwordChangeRequired ? { passwordChangeRequired } : {}) };
  await recordEvent(tx, {
    type: "USER_LOGGED_IN",
    actor,
    meta,
    target: { type: "USER", id: actor.userId, name: actor.email },
    ...(Object.keys(details).length ? { details } : {}),
  });
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
