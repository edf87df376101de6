// An organization's own settings (name, billing email) as the admin console reads and edits them.
import type { ActionContext } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/transaction";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";

const select = {
  id: true,
  name: true,
  billingEmail: true,
  plan: true,
  seats: true,
  occupiedSeats: true,
  enabled: true,
  createdAt: true,
  updatedAt: true,
  provider: { select: { id: true, name: true } },
} as const;

export async function getOrganization(organizationId: string) {
  const organization = await db.organization.findUnique({ where: { id: organizationId }, select });
  if (!organization) throw notFound("organization");
  return organization;
}

export interface UpdateOrganizationInput {
  organizationId: string;
  name?: string;
  billingEmail?: string;
}

export async function updateOrganization(input: UpdateOrganizationInput, ctx: ActionContext) {
  return transaction(async (tx) => {
    const before = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { name: true, billingEmail: true } });
    if (!before) throw notFound("organization");
    const changes: { name?: string; billingEmail?: string } = {};
    if (input.name !== undefined && input.name !== before.name) changes.name = input.name;
    if (input.billingEmail !== undefined && input.billingEmail !== before.billingEmail) changes.billingEmail = input.billingEmail;
    const organization = await tx.organization.update({ where: { id: input.organizationId }, data: changes, select });
    if (Object.keys(changes).length > 0) {
      const keys = Object.keys(changes) as (keyof typeof changes)[];
      await recordEvent(tx, {
        type: "ORGANIZATION_UPDATED",
        actor: ctx.actor,
        meta: ctx.meta,
        organizationId: input.organizationId,
        target: { type: "ORGANIZATION", id: input.organizationId, name: organization.name },
        details: { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: changes },
      });
    }
    return organization;
  });
}
