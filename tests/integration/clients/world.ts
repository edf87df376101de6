// A provider with every kind of person around it, for the client tests: its admin, a confirmed
// service user, a member still waiting for confirmation, another provider with its own admin and
// client, a client owner who is not a provider member, an outsider and platform staff.
import { addProviderUser, createOrganization, createProvider, createUser } from "../support/factories";

export async function clientWorld() {
  const { provider, admin } = await createProvider({ name: "Acme MSP" });
  const serviceUser = await createUser({ name: "Sam Service" });
  await addProviderUser(provider.id, serviceUser, "SERVICE_USER", "CONFIRMED");
  const pending = await createUser({ name: "Pat Pending" });
  await addProviderUser(provider.id, pending, "SERVICE_USER", "ACCEPTED");
  const other = await createProvider({ name: "Other MSP" });
  const clientOwner = await createUser({ name: "Olivia Owner" });
  const { organization: client } = await createOrganization({ name: "Contoso Dental", providerId: provider.id, owner: clientOwner, seats: 10 });
  const { organization: otherClient } = await createOrganization({ name: "Other Client", providerId: other.provider.id });
  const outsider = await createUser({ name: "Otto Outsider" });
  const staff = await createUser({ name: "Stella Staff", isStaff: true });
  return { provider, admin: admin!, serviceUser, pending, otherProvider: other.provider, otherAdmin: other.admin!, clientOwner, client, otherClient, outsider, staff };
}

export type ClientWorld = Awaited<ReturnType<typeof clientWorld>>;

export const newClientBody = (overrides: Record<string, unknown> = {}) => ({
  name: "Fabrikam Legal",
  billingEmail: "billing@fabrikam.test",
  plan: "TEAMS_MONTHLY",
  seats: 25,
  ownerEmail: "owner@fabrikam.test",
  paymentMethod: { kind: "CARD", label: "Visa", last4: "4242" },
  ...overrides,
});
