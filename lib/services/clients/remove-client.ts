// Removing a client detaches it from the provider (PRODUCT.md rule 4): it keeps its members, data and
// policies and becomes self-billed. It needs a confirmed Owner, who will be the only one able to
// run it afterwards; otherwise the removal is refused.
import type { ActionContext } from "@/lib/actor";
import { transaction } from "@/lib/db/transaction";
import { unprocessable } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";
import { lockOrganization, recordSeatLedger } from "./common";

export async function removeClient(providerId: string, organizationId: string, ctx: ActionContext): Promise<{ id: string }> {
  return transaction(async (tx) => {
    const org = await lockOrganization(tx, organizationId, providerId);
    const confirmedOwners = await tx.organizationMember.count({
      where: { organizationId, role: "OWNER", status: "CONFIRMED", userId: { not: null } },
    });
    if (confirmedOwners === 0) {
      throw unprocessable(
        `${org.name} has no confirmed Owner, so nobody could run it once your provider lets go of it. Confirm an Owner in its members first, then remove it.`,
        "no_confirmed_owner",
      );
    }
    await tx.organization.update({
      where: { id: organizationId },
      data: { providerId: null, isProviderInternal: false },
    });
    // Client-scoped service users of this provider lose their assignment to it.
    await tx.providerUserClient.deleteMany({ where: { organizationId, providerUser: { providerId } } });
    await recordSeatLedger(tx, { organizationId, providerId: null, plan: org.plan, seats: org.seats });
    await recordEvent(tx, {
      type: "PROVIDER_ORGANIZATION_REMOVED",
      actor: ctx.actor,
      meta: ctx.meta,
      providerId,
      organizationId,
      target: { type: "ORGANIZATION", id: organizationId, name: org.name },
      details: { plan: org.plan, seats: org.seats, occupiedSeats: org.occupiedSeats, confirmedOwners },
    });
    return { id: organizationId };
  });
}
