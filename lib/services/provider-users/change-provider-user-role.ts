// Changing a member's role. Demoting the last confirmed Provider Admin is refused (409); the change
// applies on the member's next request because access is read from the database on every request.
// Only Service Users can be limited to assigned clients: promoting a client-scoped Service User to
// Provider Admin clears the scope (and the assignments) in the same transaction.
import type { ActionContext } from "@/lib/actor";
import { transaction } from "@/lib/db/transaction";
import type { ProviderUserRole } from "@/lib/db/generated/client.ts";
import { recordEvent } from "@/lib/events/recorder";
import { assertAdminRemains, lockConfirmedAdmins } from "./last-admin";
import { loadMembersForUpdate, memberTarget, toView, type ProviderUserView } from "./memberships";

export async function changeProviderUserRole(
  providerId: string,
  providerUserId: string,
  role: ProviderUserRole,
  { actor, meta }: ActionContext,
): Promise<ProviderUserView> {
  return transaction(async (tx) => {
    // Admins first, then the member: every membership change takes row locks in this order.
    const admins = await lockConfirmedAdmins(tx, providerId);
    const [member] = await loadMembersForUpdate(tx, providerId, [providerUserId]);
    if (member!.role === role) return toView(member!);
    if (role !== "PROVIDER_ADMIN") assertAdminRemains(admins, new Set([member!.id]), "demote");
    const clearScope = role === "PROVIDER_ADMIN" && member!.clientScoped;
    await tx.providerUser.update({ where: { id: member!.id }, data: clearScope ? { role, clientScoped: false } : { role } });
    if (clearScope) await tx.providerUserClient.deleteMany({ where: { providerUserId: member!.id } });
    await recordEvent(tx, {
      type: "PROVIDER_USER_UPDATED",
      actor,
      meta,
      providerId,
      target: memberTarget(member!),
      details: { oldRole: member!.role, newRole: role, status: member!.status, ...(clearScope ? { clientScopeCleared: true } : {}) },
    });
    return toView(clearScope ? { ...member!, role, clientScoped: false, _count: { clients: 0 } } : { ...member!, role });
  });
}
