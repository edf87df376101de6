// A Provider Admin creates a new client organization (PRODUCT.md rule 4). One transaction writes
// the organization (with its own wrapped data key), its default collection, the owner's invitation,
// the first seat-ledger row and the events; the invitation mail goes out only after it commits, so
// a failure anywhere leaves nothing behind and mails no one.
import { randomUUID } from "node:crypto";
import type { ActionContext } from "@/lib/actor";
import { newDataKey } from "@/lib/crypto/envelope";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { transaction } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import { recordEvents } from "@/lib/events/recorder";
import { sendMailSafely } from "@/lib/mail/mailer";
import { organizationInvitationMail } from "@/lib/mail/templates";
import { recordSeatLedger, viaProvider } from "./common";
import type { CreateClientInput } from "./schemas";

export const DEFAULT_COLLECTION_NAME = "Default collection";

export interface CreatedClient {
  id: string;
  ownerMemberId: string;
  /** False when the owner's invitation could not be mailed (it can be re-sent from the members page). */
  invitationSent: boolean;
}

export async function createClient(providerId: string, input: CreateClientInput, ctx: ActionContext): Promise<CreatedClient> {
  const organizationId = randomUUID();
  const token = newToken();
  // The id comes first because the data key is bound to it.
  const dataKeyWrapped = newDataKey(organizationId).wrapped;
  const inviteExpiresAt = new Date(Date.now() + env().INVITE_TOKEN_TTL_HOURS * 3_600_000);
  const via = viaProvider(ctx.actor, providerId);

  const created = await transaction(async (tx) => {
    const provider = await tx.provider.findUniqueOrThrow({ where: { id: providerId }, select: { name: true } });
    const organization = await tx.organization.create({
      data: {
        id: organizationId,
        name: input.name,
        billingEmail: input.billingEmail,
        plan: input.plan,
        seats: input.seats,
        providerId,
        dataKeyWrapped,
        paymentMethodKind: input.paymentMethod?.kind ?? null,
        paymentMethodLabel: input.paymentMethod?.label ?? null,
        paymentMethodLast4: input.paymentMethod?.last4 ?? null,
      },
      select: { id: true, name: true },
    });
    const collection = await tx.collection.create({
      data: { organizationId, name: DEFAULT_COLLECTION_NAME, isDefault: true },
      select: { id: true, name: true },
    });
    const owner = await tx.organizationMember.create({
      data: { organizationId, email: input.ownerEmail, role: "OWNER", status: "INVITED", inviteTokenHash: hashToken(token), inviteExpiresAt },
      select: { id: true, email: true },
    });
    await recordSeatLedger(tx, { organizationId, providerId, plan: input.plan, seats: input.seats });
    const target = { type: "ORGANIZATION" as const, id: organization.id, name: organization.name };
    await recordEvents(tx, [
      {
        type: "PROVIDER_ORGANIZATION_CREATED",
        actor: ctx.actor,
        meta: ctx.meta,
        providerId,
        organizationId,
        target,
        details: { plan: input.plan, seats: input.seats, ownerEmail: input.ownerEmail, paymentMethodKind: input.paymentMethod?.kind ?? null },
      },
      { type: "COLLECTION_CREATED", actor: via, meta: ctx.meta, organizationId, target: { type: "COLLECTION", ...collection }, details: { isDefault: true } },
      { type: "MEMBER_INVITED", actor: via, meta: ctx.meta, organizationId, target: { type: "MEMBER", id: owner.id, name: owner.email }, details: { role: "OWNER" } },
    ]);
    return { organization, owner, providerName: provider.name };
  });

  const invitationSent = await sendMailSafely(
    organizationInvitationMail({
      to: created.owner.email,
      organizationName: created.organization.name,
      organizationId,
      memberId: created.owner.id,
      role: "OWNER",
      invitedBy: `${ctx.actor.name} (${created.providerName})`,
      token,
    }),
  );
  return { id: organizationId, ownerMemberId: created.owner.id, invitationSent };
}
