// Provider API key secrets: `pp_<prefix>_<secret>`. The prefix (8 hex characters, 32 random bits) is
// stored in the clear so admins can tell keys apart; the secret part carries 256 random bits. Only a
// SHA-256 of the whole key is stored: like invitation tokens, a full-entropy key has nothing to
// brute-force, so a fast hash and a unique-index lookup are right.
import { randomBytes } from "node:crypto";
import { hashToken } from "./tokens";

const KEY_PATTERN = /^pp_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export interface NewApiKey {
  /** The key as handed to the admin, once. */
  secret: string;
  /** `pp_` and the prefix: what the key list shows. */
  prefix: string;
  hash: string;
}

export function newApiKey(): NewApiKey {
  const prefix = `pp_${randomBytes(4).toString("hex")}`;
  const secret = `${prefix}_${randomBytes(32).toString("base64url")}`;
  return { secret, prefix, hash: hashApiKey(secret) };
}

/** True when the value has the shape of a key (it may still be unknown or revoked). */
export function isApiKeyShaped(value: string): boolean {
  return KEY_PATTERN.test(value);
}

export function hashApiKey(secret: string): string {
  return hashToken(secret);
}
