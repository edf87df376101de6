// Ends every session of the signed-in account, this one included, by bumping the session version
// that lib/auth/session.ts checks on every request.
import type { ActionContext } from "@/lib/actor";
import { transaction } from "@/lib/db/transaction";
import { recordEvent } from "@/lib/events/recorder";

export async function signOutEverywhere(ctx: ActionContext): Promise<void> {
  await transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: ctx.actor.userId },
      data: { sessionVersion: { increment: 1 } },
      select: { id: true, email: true },
    });
    await recordEvent(tx, {
      type: "USER_SIGNED_OUT_EVERYWHERE",
      actor: ctx.actor,
      meta: ctx.meta,
      target: { type: "USER", id: user.id, name: user.email },
    });
  });
}
