// Serializes changes that must see a consistent organization: the seat limit (invite, restore) and
// "always a confirmed owner" (demote, revoke, remove). Every such change locks the organization row
// first, so of two racing requests the second one waits and then re-checks against the first one's
// committed result. The occupied-seat trigger updates the same row, so it never deadlocks with this.
import type { Tx } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

export interface LockedOrganization {
  id: string;
  name: string;
  seats: number;
  occupiedSeats: number;
}

export async function lockOrganization(tx: Tx, organizationId: string): Promise<LockedOrganization> {
  const rows = await tx.$queryRaw<{ name: string; seats: number; occupied_seats: number }[]>`
    SELECT name, seats, occupied_seats FROM organizations WHERE id = ${organizationId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw notFound("organization");
  return { id: organizationId, name: row.name, seats: row.seats, occupiedSeats: row.occupied_seats };
}
