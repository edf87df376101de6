// Production bootstrap: create a platform staff account, or make an existing account staff.
// Run from the command line (npm run staff:create), so the actor is the system.
import { SYSTEM_META } from "@/lib/actor";
import { passwordWeakness } from "@/lib/auth/password-policy";
import { hashPassword } from "@/lib/crypto/password";
import { transaction } from "@/lib/db/transaction";
import { unprocessable } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";

export async function grantStaff(input: { email: string; name?: string; password?: string }): Promise<{ id: string; created: boolean }> {
  if (input.password !== undefined) {
    const weakness = passwordWeakness(input.password, { email: input.email });
    if (weakness) throw unprocessable(weakness, "weak_password");
  }
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  return transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, isStaff: true, name: true } });
    if (existing) {
      if (!existing.isStaff) await tx.user.update({ where: { id: existing.id }, data: { isStaff: true } });
      await recordEvent(tx, {
        type: "STAFF_GRANTED",
        actor: null,
        meta: SYSTEM_META,
        target: { type: "USER", id: existing.id, name: input.email },
        details: { created: false },
      });
      return { id: existing.id, created: false };
    }
    if (!passwordHash) throw unprocessable("A new account needs a password.", "password_required");
    const user = await tx.user.create({
      data: { email: input.email, name: input.name ?? input.email.split("@")[0]!, passwordHash, isStaff: true },
      select: { id: true },
    });
    await recordEvent(tx, {
      type: "STAFF_GRANTED",
      actor: null,
      meta: SYSTEM_META,
      target: { type: "USER", id: user.id, name: input.email },
      details: { created: true },
    });
    return { id: user.id, created: true };
  });
}
