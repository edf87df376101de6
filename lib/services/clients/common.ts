// Pieces every client service shares: loading a client locked and scoped to its provider, the seat
// ledger that billing prorates from, and the actor as seen from inside the client organization.
import type { Actor } from "@/lib/actor";
import { isUuid } from "@/lib/authz/context";
import type { Tx } from "@/lib/db/client";
import type { OrganizationPlan } from "@/lib/db/generated/client.ts";
import { notFound } from "@/lib/errors";

export interface LockedClient {
  id: string;
  name: string;
  plan: OrganizationPlan;
  seats: number;
  occupiedSeats: number;
  providerId: string | null;
  isProviderInternal: boolean;
}

/**
 * The organization with its row locked for the rest of the transaction (seat checks, detaching and
 * adding race with member invitations and with each other otherwise). With `providerId`, an
 * organization of another provider — or none — is a 404, like any other tenant's id.
 */
export async function lockOrganization(tx: Tx, organizationId: string, providerId?: string): Promise<LockedClient> {
  if (!isUuid(organizationId)) throw notFound(providerId ? "client" : "organization");
  const rows = await tx.$queryRaw<
    { id: string; name: string; plan: OrganizationPlan; seats: number; occupied_seats: number; provider_id: string | null; is_provider_internal: boolean }[]
  >`SELECT id, name, plan, seats, occupied_seats, provider_id, is_provider_internal FROM organizations WHERE id = ${organizationId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row || (providerId !== undefined && row.provider_id !== providerId)) throw notFound(providerId ? "client" : "organization");
  return {
    id: row.id,
    name: row.name,
    plan: row.plan,
    seats: row.seats,
    occupiedSeats: row.occupied_seats,
    providerId: row.provider_id,
    isProviderInternal: row.is_provider_internal,
  };
}

/** One row per change of seats, plan or managing provider: what billing prorates by day. */
export async function recordSeatLedger(tx: Tx, entry: { organizationId: string; providerId: string | null; plan: OrganizationPlan; seats: number }): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO seat_ledger (organization_id, provider_id, plan, seats, effective_at)
    VALUES (${entry.organizationId}::uuid, ${entry.providerId}::uuid, ${entry.plan}::"OrganizationPlan", ${entry.seats}, clock_timestamp())`;
}

/** A provider member's action inside a client organization is logged "via" the provider (rule 7). */
export function viaProvider(actor: Actor, providerId: string): Actor {
  return { ...actor, actingProviderId: providerId };
}
