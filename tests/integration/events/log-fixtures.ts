// Test data for event log tests: events written through the real recorder (so they are chained),
// backdated with `at`, and a provider with clients, members and an outsider of every kind.
import type { Actor } from "@/lib/actor";
import { transaction } from "@/lib/db/transaction";
import { recordEvents, type EventInput } from "@/lib/events/recorder";
import { addMember, addProviderUser, createOrganization, createProvider, createUser, type TestUser } from "../support/factories";

export const meta = { ip: "192.0.2.10", userAgent: "vitest" };

export function actorOf(user: TestUser, actingProviderId: string | null = null): Actor {
  return { userId: user.id, name: user.name, email: user.email, actingProviderId };
}

export async function record(inputs: EventInput[]): Promise<void> {
  for (let i = 0; i < inputs.length; i += 1000) {
    const chunk = inputs.slice(i, i + 1000);
    await transaction((tx) => recordEvents(tx, chunk), { timeout: 60_000 });
  }
}

/** A minute-by-minute clock going back from a fixed day, for predictable backdated events. */
export function minutesAgo(minutes: number, from = new Date("2026-06-15T12:00:00.000Z")): Date {
  return new Date(from.getTime() - minutes * 60_000);
}

/**
 * A provider (admin + service user) with two clients, each with an owner and an admin; plus staff,
 * another provider and an outsider. `roles` maps each kind of caller to its user.
 */
export async function providerWorld() {
  const { provider, admin } = await createProvider({ name: "Northwind IT Services" });
  const serviceUser = await createUser({ name: "Carol Service" });
  await addProviderUser(provider.id, serviceUser, "SERVICE_USER", "CONFIRMED");
  const { organization: client, owner: clientOwner } = await createOrganization({ name: "Contoso Dental", providerId: provider.id });
  const orgAdmin = await createUser({ name: "Ada OrgAdmin" });
  await addMember(client.id, orgAdmin, "ADMIN", "CONFIRMED");
  const orgUser = await createUser({ name: "Uma OrgUser" });
  await addMember(client.id, orgUser, "USER", "CONFIRMED");
  const { organization: otherClient } = await createOrganization({ name: "Fabrikam Legal", providerId: provider.id });
  const staff = await createUser({ name: "Sam Staff", isStaff: true });
  const { provider: otherProvider, admin: otherAdmin } = await createProvider({ name: "Other MSP" });
  const { organization: otherOrg, owner: otherOrgOwner } = await createOrganization({ name: "Elsewhere Inc", providerId: otherProvider.id });
  const outsider = await createUser({ name: "Otto Outsider" });
  return { provider, admin: admin!, serviceUser, client, clientOwner: clientOwner!, orgAdmin, orgUser, otherClient, staff, otherProvider, otherAdmin: otherAdmin!, otherOrg, otherOrgOwner: otherOrgOwner!, outsider };
}
