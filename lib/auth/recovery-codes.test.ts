import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newRecoveryCodes, normalizeRecoveryCode, recoveryCodeHash, RECOVERY_CODE_COUNT } from "./recovery-codes";

describe("recovery codes", () => {
  it("issues 10 distinct codes of 12 base32 characters in groups of four", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
  });

  it("reads codes typed with other case, spaces, or look-alike letters", () => {
    expect(normalizeRecoveryCode("ab12-cd34-ef56")).toBe("ab12cd34ef56");
    expect(normalizeRecoveryCode(" AB12 CD34 EF56 ")).toBe("ab12cd34ef56");
    expect(normalizeRecoveryCode("abI2-cdO4-eFL6")).toBe("ab12cd04ef16");
    expect(normalizeRecoveryCode("ab12-cd34-ef5")).toBeNull();
    expect(normalizeRecoveryCode("ab12-cd34-ef5u")).toBeNull();
    expect(normalizeRecoveryCode("123456")).toBeNull();
  });

  it("hashes under the user's key: same code, other user or other key → another hash", () => {
    const key = randomBytes(32);
    const hash = recoveryCodeHash(key, "user-1", "ab12cd34ef56");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(recoveryCodeHash(key, "user-1", "ab12cd34ef56")).toBe(hash);
    expect(recoveryCodeHash(key, "user-2", "ab12cd34ef56")).not.toBe(hash);
    expect(recoveryCodeHash(randomBytes(32), "user-1", "ab12cd34ef56")).not.toBe(hash);
    expect(hash).not.toContain("ab12cd34ef56");
  });
});
