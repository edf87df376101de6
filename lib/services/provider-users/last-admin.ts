// The safety net of PRODUCT.md rule 2: a provider always keeps at least one confirmed Provider Admin.
// The platform cannot recover a locked-out provider, so removing or demoting the last one is refused.
import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { conflict } from "@/lib/errors";

/**
 * Locks the provider's confirmed admin memberships for the rest of the transaction and returns their
 * ids. Two concurrent demotions of two different admins both try to lock the same rows: the second
 * waits, and once the first commits PostgreSQL re-checks the WHERE clause, so the demoted row drops
 * out and the second transaction sees the true number of admins left. Ordered to avoid deadlocks.
 */
export async function lockConfirmedAdmins(tx: Tx, providerId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM provider_users
     WHERE provider_id = ${providerId}::uuid AND role = 'PROVIDER_ADMIN' AND status = 'CONFIRMED'
     ORDER BY id
       FOR UPDATE`;
  return rows.map((r) => r.id);
}

/** Refuses (409) when taking away `leaving` would leave the provider without a confirmed admin. */
export function assertAdminRemains(confirmedAdminIds: readonly string[], leaving: ReadonlySet<string>, action: "remove" | "demote"): void {
  const affected = confirmedAdminIds.filter((id) => leaving.has(id));
  if (affected.length === 0) return;
  if (confirmedAdminIds.length - affected.length > 0) return;
  const verb = action === "remove" ? "removed" : "made a Service User";
  throw conflict(
    `A provider must always keep at least one confirmed Provider Admin, so ${affected.length === 1 ? "its last one" : "all of its admins"} cannot be ${verb}. ` +
      "Invite or promote another Provider Admin and confirm them first, then try again.",
    "last_admin",
  );
}

/** Confirmed Provider Admins of a provider (the failover banner shows while there is exactly one). */
export function confirmedAdminCount(providerId: string): Promise<number> {
  return db.providerUser.count({ where: { providerId, role: "PROVIDER_ADMIN", status: "CONFIRMED" } });
}
