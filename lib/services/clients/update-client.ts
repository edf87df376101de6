// Managing a client: rename, change plan, change seats. Provider Admins may do all of it. Service
// Users may only change seats, and only where that needs no purchase (PRODUCT.md rule 6): within a
// consolidated provider's seat minimum for the plan, otherwise not above the current count (see
// lib/services/billing/seat-purchase.ts). Seats never go below the seats members occupy.
import type { ActionContext } from "@/lib/actor";
import { transaction } from "@/lib/db/transaction";
import { forbidden, unprocessable } from "@/lib/errors";
import { recordEvents, type EventInput } from "@/lib/events/recorder";
import { seatPurchaseReason } from "@/lib/services/billing/seat-purchase";
import { lockOrganization, recordSeatLedger, viaProvider } from "./common";
import type { UpdateClientInput } from "./schemas";

export interface UpdatedClient {
  id: string;
  name: string;
  plan: string;
  seats: number;
  occupiedSeats: number;
}

export async function updateClient(
  providerId: string,
  organizationId: string,
  input: UpdateClientInput,
  role: "PROVIDER_ADMIN" | "SERVICE_USER",
  ctx: ActionContext,
): Promise<UpdatedClient> {
  if (role !== "PROVIDER_ADMIN" && (input.name !== undefined || input.plan !== undefined)) {
    throw forbidden("Only Provider Admins can rename a client or change its plan. Service Users can change its seats.");
  }
  return transaction(async (tx) => {
    const org = await lockOrganization(tx, organizationId, providerId);
    const next = { name: input.name ?? org.name, plan: input.plan ?? org.plan, seats: input.seats ?? org.seats };

    if (next.seats !== org.seats) {
      if (next.seats < org.occupiedSeats) {
        throw unprocessable(
          `${org.name} has ${org.occupiedSeats} occupied seats, so it cannot have fewer than ${org.occupiedSeats}. Remove or revoke members first.`,
          "seats_below_occupied",
          { seats: `At least ${org.occupiedSeats} (occupied seats).` },
        );
      }
      const purchase = role === "SERVICE_USER" ? await seatPurchaseReason(tx, { providerId, plan: org.plan, currentSeats: org.seats, newSeats: next.seats }) : null;
      if (purchase) {
        throw unprocessable(`${org.name}: ${purchase} Ask a Provider Admin to add the seats.`, "purchase_required", { seats: purchase });
      }
    }

    const changed = { name: next.name !== org.name, plan: next.plan !== org.plan, seats: next.seats !== org.seats };
    if (!changed.name && !changed.plan && !changed.seats) {
      return { id: org.id, name: org.name, plan: org.plan, seats: org.seats, occupiedSeats: org.occupiedSeats };
    }

    await tx.organization.update({ where: { id: organizationId }, data: { name: next.name, plan: next.plan, seats: next.seats } });
    if (changed.plan || changed.seats) await recordSeatLedger(tx, { organizationId, providerId, plan: next.plan, seats: next.seats });

    const via = viaProvider(ctx.actor, providerId);
    const target = { type: "ORGANIZATION" as const, id: organizationId, name: next.name };
    const events: EventInput[] = [];
    if (changed.seats) {
      events.push({
        type: "ORGANIZATION_SEATS_CHANGED",
        actor: via,
        meta: ctx.meta,
        organizationId,
        target,
        details: { before: { seats: org.seats }, after: { seats: next.seats }, occupiedSeats: org.occupiedSeats },
      });
    }
    if (changed.name || changed.plan) {
      const before: Record<string, string> = {};
      const after: Record<string, string> = {};
      if (changed.name) [before.name, after.name] = [org.name, next.name];
      if (changed.plan) [before.plan, after.plan] = [org.plan, next.plan];
      events.push({ type: "ORGANIZATION_UPDATED", actor: via, meta: ctx.meta, organizationId, target, details: { before, after } });
    }
    await recordEvents(tx, events);
    return { id: organizationId, name: next.name, plan: next.plan, seats: next.seats, occupiedSeats: org.occupiedSeats };
  });
}
