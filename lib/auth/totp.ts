// Time-based one-time passwords (RFC 6238) as authenticator apps compute them: HMAC-SHA-1, 30-second
// steps, 6 digits. The arithmetic is otpauth's; this module fixes the parameters and turns a code
// into the time step it belongs to, which the caller stores so no code is ever accepted twice.
import { Secret, TOTP } from "otpauth";

const TOTP_PERIOD_SECONDS = 30;
const TOTP_DIGITS = 6;
/** Steps either side of now that still count (clock drift, typing time). */
const TOTP_WINDOW = 1;
const ISSUER = "Provider Portal";
/** 160 bits, the HMAC-SHA-1 key size RFC 4226 recommends. */
const SECRET_BYTES = 20;

export function newTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

function totpFor(secretBase32: string, accountName = ""): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: accountName,
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The otpauth:// URL an authenticator app reads from the QR code. */
export function totpUrl(secretBase32: string, accountName: string): string {
  return totpFor(secretBase32, accountName).toString();
}

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for a time (what the authenticator shows then). */
export function totpCode(secretBase32: string, at: Date): string {
  return totpFor(secretBase32).generate({ timestamp: at.getTime() });
}

/** Six digits, ignoring the spaces and dashes people type or paste ("123 456"). */
export function normalizeTotpCode(code: string): string | null {
  const digits = code.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** The time step `code` belongs to within ±TOTP_WINDOW of `now`, or null when it matches none. */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
  const normalized = normalizeTotpCode(code);
  if (!normalized) return null;
  const delta = totpFor(secretBase32).validate({ token: normalized, timestamp: now.getTime(), window: TOTP_WINDOW });
  return delta === null ? null : totpStep(now) + delta;
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "invalid" | "replayed" };

/**
 * Accepts a code once: its step must be later than the last accepted one, so a code seen by an
 * onlooker (or an earlier code still inside the window) cannot be used again. The caller stores
 * the returned step with a conditional update, which also settles two concurrent uses.
 */
export function checkTotp(secretBase32: string, code: string, now: Date, lastAcceptedStep: number | null): TotpCheck {
  const step = matchTotpStep(secretBase32, code, now);
  if (step === null) return { ok: false, reason: "invalid" };
  if (lastAcceptedStep !== null && step <= lastAcceptedStep) return { ok: false, reason: "replayed" };
  return { ok: true, step };
}
