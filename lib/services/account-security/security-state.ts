// The sign-in security columns of one user, read under a row lock so that enrolment, code use,
// password change and disabling cannot interleave for the same account. Also the user's own data
// key (envelope scheme of lib/crypto/envelope.ts, wrapped by KEY_ENCRYPTION_KEY), created on first
// need, and the TOTP secret encrypted under it.
import type { Tx } from "@/lib/db/client";
import { decrypt, encrypt, newDataKey, unwrapDataKey, type Bytes } from "@/lib/crypto/envelope";
import { notFound } from "@/lib/errors";

export interface SecurityState {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  sessionVersion: number;
  dataKeyWrapped: Uint8Array | null;
  totpSecretEnc: Uint8Array | null;
  totpPendingSecretEnc: Uint8Array | null;
  totpEnabledAt: Date | null;
  totpLastStep: bigint | null;
}

export async function lockSecurityState(tx: Tx, userId: string): Promise<SecurityState> {
  await tx.$queryRaw`SELECT 1 FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
  const state = await tx.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      passwordHash: true,
      sessionVersion: true,
      dataKeyWrapped: true,
      totpSecretEnc: true,
      totpPendingSecretEnc: true,
      totpEnabledAt: true,
      totpLastStep: true,
    },
  });
  if (!state) throw notFound("account");
  return state;
}

/** Binds a user's data key to the user (and keeps it apart from organizations' keys). */
const keyOwner = (userId: string) => `user:${userId}`;

/** The user's data key; a new one is created and stored when they have none yet (row lock held). */
export async function ensureUserDataKey(tx: Tx, state: SecurityState): Promise<Buffer> {
  if (state.dataKeyWrapped) return unwrapDataKey(state.dataKeyWrapped, keyOwner(state.id));
  const { key, wrapped } = newDataKey(keyOwner(state.id));
  await tx.user.update({ where: { id: state.id }, data: { dataKeyWrapped: wrapped } });
  state.dataKeyWrapped = wrapped;
  return key;
}

export function userDataKey(state: Pick<SecurityState, "id" | "dataKeyWrapped">): Buffer {
  if (!state.dataKeyWrapped) throw new Error(`User ${state.id} has no data key`);
  return unwrapDataKey(state.dataKeyWrapped, keyOwner(state.id));
}

// The column is part of the associated data, so a pending secret cannot be passed off as the
// active one by copying bytes between columns.
type SecretSlot = "active" | "pending";
const secretAad = (userId: string, slot: SecretSlot) => `totp-secret:${slot}:${userId}`;

export function encryptTotpSecret(key: Buffer, userId: string, slot: SecretSlot, secretBase32: string): Bytes {
  return encrypt(key, Buffer.from(secretBase32, "utf8"), secretAad(userId, slot));
}

export function decryptTotpSecret(key: Buffer, userId: string, slot: SecretSlot, blob: Uint8Array): string {
  return decrypt(key, blob, secretAad(userId, slot)).toString("utf8");
}
