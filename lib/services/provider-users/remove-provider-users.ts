// Removing members (one or many). Refused as a whole when it would remove the acting member
// themselves (422: another admin must do it) or the provider's last confirmed Provider Admin (409).
// Access ends on the removed member's next request.
import type { ActionContext } from "@/lib/actor";
import { transaction } from "@/lib/db/transaction";
import { unprocessable } from "@/lib/errors";
import { recordEvents } from "@/lib/events/recorder";
import { assertAdminRemains, lockConfirmedAdmins } from "./last-admin";
import { loadMembersForUpdate, memberTarget } from "./memberships";

export async function removeProviderUsers(providerId: string, ids: readonly string[], { actor, meta }: ActionContext): Promise<{ removed: string[] }> {
  return transaction(async (tx) => {
    const admins = await lockConfirmedAdmins(tx, providerId);
    const members = await loadMembersForUpdate(tx, providerId, ids);
    if (members.some((m) => m.userId === actor.userId)) {
      throw unprocessable("You cannot remove yourself from a provider. Ask another Provider Admin to remove you.", "cannot_remove_self");
    }
    assertAdminRemains(admins, new Set(members.map((m) => m.id)), "remove");
    await tx.providerUser.deleteMany({ where: { providerId, id: { in: members.map((m) => m.id) } } });
    await recordEvents(
      tx,
      members.map((m) => ({
        type: "PROVIDER_USER_REMOVED" as const,
        actor,
        meta,
        providerId,
        target: memberTarget(m),
        details: { role: m.role, status: m.status },
      })),
    );
    return { removed: members.map((m) => m.id) };
  });
}
