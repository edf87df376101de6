import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { checkTotp, matchTotpStep, newTotpSecret, normalizeTotpCode, totpCode, totpStep, totpUrl } from "./totp";

// RFC 6238 Appendix B: SHA-1 with the ASCII key "12345678901234567890", 8-digit codes.
const RFC_SECRET = Secret.fromLatin1("12345678901234567890");
const RFC_VECTORS: [seconds: number, code: string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];
const at = (seconds: number) => new Date(seconds * 1000);

describe("TOTP (RFC 6238)", () => {
  it("the base32 form of the RFC key is what the app stores", () => {
    expect(RFC_SECRET.base32).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  });

  it.each(RFC_VECTORS)("the library computes the RFC's 8-digit SHA-1 code at T=%i", (seconds, code) => {
    const rfc = new TOTP({ algorithm: "SHA1", digits: 8, period: 30, secret: RFC_SECRET });
    expect(rfc.generate({ timestamp: seconds * 1000 })).toBe(code);
  });

  it.each(RFC_VECTORS)("the app's 6-digit code at T=%i is the RFC code truncated to its last 6 digits", (seconds, code) => {
    expect(totpCode(RFC_SECRET.base32, at(seconds))).toBe(code.slice(-6));
    expect(matchTotpStep(RFC_SECRET.base32, code.slice(-6), at(seconds))).toBe(Math.floor(seconds / 30));
  });

  it("steps are 30 seconds long", () => {
    expect(totpStep(at(59))).toBe(1);
    expect(totpStep(at(60))).toBe(2);
    expect(totpCode(RFC_SECRET.base32, at(60))).toBe(totpCode(RFC_SECRET.base32, at(89)));
    expect(totpCode(RFC_SECRET.base32, at(89))).not.toBe(totpCode(RFC_SECRET.base32, at(90)));
  });
});

describe("accepting codes", () => {
  const secret = newTotpSecret();
  const now = at(1_700_000_015);
  const step = totpStep(now);
  const codeAtStep = (s: number) => totpCode(secret, at(s * 30));

  it("makes 160-bit base32 secrets, different each time", () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
  });

  it.each([-1, 0, 1])("accepts the code of step %i relative to now", (offset) => {
    expect(checkTotp(secret, codeAtStep(step + offset), now, null)).toEqual({ ok: true, step: step + offset });
  });

  it.each([-2, 2])("refuses the code of step %i relative to now", (offset) => {
    expect(checkTotp(secret, codeAtStep(step + offset), now, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a code once its step (or a later one) has been accepted", () => {
    const first = checkTotp(secret, codeAtStep(step), now, null);
    expect(first).toEqual({ ok: true, step });
    expect(checkTotp(secret, codeAtStep(step), now, step)).toEqual({ ok: false, reason: "replayed" });
    // An older code still inside the window is no good either once a newer one was used.
    expect(checkTotp(secret, codeAtStep(step - 1), now, step)).toEqual({ ok: false, reason: "replayed" });
    expect(checkTotp(secret, codeAtStep(step + 1), now, step)).toEqual({ ok: true, step: step + 1 });
  });

  it("refuses a code of another secret and anything that is not six digits", () => {
    expect(checkTotp(newTotpSecret(), codeAtStep(step), now, null).ok).toBe(false);
    expect(matchTotpStep(secret, "12345", now)).toBeNull();
    expect(matchTotpStep(secret, "1234567", now)).toBeNull();
    expect(matchTotpStep(secret, "abcdef", now)).toBeNull();
  });

  it("ignores spaces and dashes people type", () => {
    const code = codeAtStep(step);
    expect(normalizeTotpCode(`${code.slice(0, 3)} ${code.slice(3)}`)).toBe(code);
    expect(matchTotpStep(secret, ` ${code.slice(0, 3)}-${code.slice(3)} `, now)).toBe(step);
  });

  it("builds an otpauth URL an authenticator app can read", () => {
    const url = new URL(totpUrl(secret, "ada@example.test"));
    expect(url.protocol).toBe("otpauth:");
    expect(url.host).toBe("totp");
    expect(decodeURIComponent(url.pathname)).toBe("/Provider Portal:ada@example.test");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ secret, issuer: "Provider Portal", algorithm: "SHA1", digits: "6", period: "30" });
  });
});
