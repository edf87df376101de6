// Issuing a fresh set of recovery codes: the old set is deleted in the same transaction, so old
// codes stop working the moment the new ones exist. Only keyed hashes are stored.
import { newRecoveryCodes, normalizeRecoveryCode, recoveryCodeHash } from "@/lib/auth/recovery-codes";
import type { Tx } from "@/lib/db/client";
import { userDataKey, type SecurityState } from "./security-state";

export async function replaceRecoveryCodes(tx: Tx, state: SecurityState): Promise<string[]> {
  const key = userDataKey(state);
  const codes = newRecoveryCodes();
  await tx.userRecoveryCode.deleteMany({ where: { userId: state.id } });
  await tx.userRecoveryCode.createMany({
    data: codes.map((code) => ({ userId: state.id, codeHash: recoveryCodeHash(key, state.id, normalizeRecoveryCode(code)!) })),
  });
  return codes;
}
