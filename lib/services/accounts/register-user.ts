// Creating an account (sign-up). Email is unique case-insensitively (stored lower-cased).
import type { RequestMeta } from "@/lib/actor";
import { hashPassword } from "@/lib/crypto/password";
import { transaction } from "@/lib/db/transaction";
import { conflict } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";
import { passwordWeakness } from "@/lib/auth/password-policy";
import { unprocessable } from "@/lib/errors";

export interface RegisterInput {
  email: string;
  name: string;
  password: string;
}

export async function registerUser(input: RegisterInput, meta: RequestMeta): Promise<{ id: string; email: string }> {
  const weakness = passwordWeakness(input.password, { email: input.email, name: input.name });
  if (weakness) throw unprocessable(weakness, "weak_password", { password: weakness });
  const passwordHash = await hashPassword(input.password);
  return transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw conflict("An account with this email address already exists. Sign in instead.", "email_taken");
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true, email: true, name: true },
    });
    await recordEvent(tx, {
      type: "USER_REGISTERED",
      actor: { userId: user.id, name: user.name, email: user.email },
      meta,
      target: { type: "USER", id: user.id, name: user.email },
    });
    return { id: user.id, email: user.email };
  });
}
