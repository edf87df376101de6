// Provider settings (admins): name, business name, billing email, and whether members need two-step
// login to open clients (require2fa, enforced in lib/authz/context.ts organizationAccess).
// PROVIDER_UPDATED records the fields that changed, before and after; a save that changes nothing
// writes no event.
import type { ActionContext } from "@/lib/actor";
import { transaction } from "@/lib/db/transaction";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";
import { getProvider } from "./get-provider";

export interface UpdateProviderInput {
  name?: string;
  businessName?: string | null;
  billingEmail?: string;
  require2fa?: boolean;
}

type Field = keyof UpdateProviderInput;
type FieldValue = string | boolean | null;

export async function updateProvider(providerId: string, input: UpdateProviderInput, { actor, meta }: ActionContext) {
  await transaction(async (tx) => {
    const [current] = await tx.$queryRaw<{ name: string; businessName: string | null; billingEmail: string | null; require2fa: boolean }[]>`
      SELECT name, business_name AS "businessName", billing_email AS "billingEmail", require_2fa AS "require2fa"
      FROM providers WHERE id = ${providerId}::uuid FOR UPDATE`;
    if (!current) throw notFound("provider");
    const before: Partial<Record<Field, FieldValue>> = {};
    const after: Partial<Record<Field, FieldValue>> = {};
    for (const field of ["name", "businessName", "billingEmail", "require2fa"] as const) {
      const next = input[field];
      if (next === undefined || next === current[field]) continue;
      before[field] = current[field];
      after[field] = next;
    }
    if (Object.keys(after).length === 0) return;
    const updated = await tx.provider.update({
      where: { id: providerId },
      data: { name: input.name, businessName: input.businessName, billingEmail: input.billingEmail, require2fa: input.require2fa },
      select: { id: true, name: true },
    });
    await recordEvent(tx, {
      type: "PROVIDER_UPDATED",
      actor,
      meta,
      providerId,
      target: { type: "PROVIDER", id: updated.id, name: updated.name },
      details: { before, after },
    });
  });
  return getProvider(providerId);
}
