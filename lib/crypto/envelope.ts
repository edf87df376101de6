// Envelope encryption for secrets at rest (vault item fields, TOTP secrets).
// Each organization (and each user) has its own random 256-bit data key; data keys are stored
// wrapped (encrypted) by the application's key-encryption key (KEY_ENCRYPTION_KEY), so rotating the
// KEK means re-wrapping small keys, not re-encrypting every item.
// Blob layout: version (1 byte) | nonce (12) | GCM tag (16) | ciphertext. AES-256-GCM throughout.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptionError extends Error {
  constructor() {
    super("Could not decrypt: wrong key, or the data was altered.");
  }
}

/** Bytes as Prisma's Bytes columns want them. */
export type Bytes = Uint8Array<ArrayBuffer>;

export function encrypt(key: Buffer, plaintext: Buffer, associatedData: string): Bytes {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return new Uint8Array(Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag(), body]));
}

export function decrypt(key: Buffer, blob: Uint8Array, associatedData: string): Buffer {
  const data = Buffer.from(blob);
  if (data.length < 1 + NONCE_BYTES + TAG_BYTES || data[0] !== VERSION) throw new DecryptionError();
  const nonce = data.subarray(1, 1 + NONCE_BYTES);
  const tag = data.subarray(1 + NONCE_BYTES, 1 + NONCE_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, nonce);
    decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data.subarray(1 + NONCE_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new DecryptionError();
  }
}

function keyEncryptionKey(): Buffer {
  return Buffer.from(env().KEY_ENCRYPTION_KEY, "base64");
}

/** A fresh data key and its wrapped form (the only form that is stored). `owner` binds it to its row. */
export function newDataKey(owner: string): { key: Buffer; wrapped: Bytes } {
  const key = randomBytes(32);
  return { key, wrapped: encrypt(keyEncryptionKey(), key, `data-key:${owner}`) };
}

export function unwrapDataKey(wrapped: Uint8Array, owner: string): Buffer {
  return decrypt(keyEncryptionKey(), wrapped, `data-key:${owner}`);
}

export function encryptJson(key: Buffer, value: unknown, associatedData: string): Bytes {
  return encrypt(key, Buffer.from(JSON.stringify(value), "utf8"), associatedData);
}

export function decryptJson<T>(key: Buffer, blob: Uint8Array, associatedData: string): T {
  return JSON.parse(decrypt(key, blob, associatedData).toString("utf8")) as T;
}
