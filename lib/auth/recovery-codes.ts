// Recovery codes: 10 single-use codes that stand in for an authenticator code.
//
// Each code is 12 characters of Crockford's base32 (60 random bits), shown as "xxxx-xxxx-xxxx".
// They are stored as HMAC-SHA-256 under a key derived from the user's own data key (itself wrapped
// by KEY_ENCRYPTION_KEY), not as a plain hash: 60 bits are too few to survive an offline search of
// a fast unkeyed hash, while without the key a stolen database gives an attacker nothing to search
// against. A keyed hash also finds a code with one indexed comparison, where argon2 would need up
// to ten ~60 ms verifications per attempt. Deriving the key from the user's data key (not the KEK
// itself) keeps the codes valid when the KEK is rotated, because rotation only re-wraps data keys.
import { createHmac, hkdfSync, randomInt } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const LENGTH = 12;
const GROUP = 4;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    let raw = "";
    for (let i = 0; i < LENGTH; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
    return raw.match(new RegExp(`.{${GROUP}}`, "g"))!.join("-");
  });
}

/**
 * The canonical form of what someone typed: case, spaces and dashes ignored, and the letters
 * Crockford's alphabet leaves out read as the digits they look like (o → 0, i and l → 1).
 */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input
    .toLowerCase()
    .replace(/[\s-]/g, "")
    .replace(/o/g, "0")
    .replace(/[il]/g, "1");
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

export function recoveryCodeHash(userDataKey: Buffer, userId: string, normalizedCode: string): string {
  const key = Buffer.from(hkdfSync("sha256", userDataKey, Buffer.alloc(0), "recovery-codes", 32));
  return createHmac("sha256", key).update(`${userId}:${normalizedCode}`, "utf8").digest("hex");
}
