// Event-type rows for a provider's clients: create, add existing, remove, seats, settings, and a
// provider member entering a client's admin console.
import { expect } from "vitest";
import { PATCH as updateOrganizationRoute } from "@/app/api/v1/organizations/[orgId]/route";
import { DELETE as removeClientRoute, PATCH as updateClientRoute } from "@/app/api/v1/providers/[id]/clients/[orgId]/route";
import { POST as addExistingRoute } from "@/app/api/v1/providers/[id]/clients/existing/route";
import { POST as createClientRoute } from "@/app/api/v1/providers/[id]/clients/route";
import { recordProviderAccess } from "@/lib/services/organizations/record-provider-access";
import { tokenFromMail } from "../../clients/outbox";
import { addProviderUser, createOrganization, createProvider, createUser } from "../../support/factories";
import { call } from "../../support/http";
import { actorOf, expectStatus, HTTP_META, type EventTypeCase, type RefusalCase } from "../event-type-cases";

/** Northwind (admin Alice, service user Carol) managing Contoso Dental (owner Olivia, 10 seats). */
export async function northwindWithClient(options: { clientOwner?: boolean } = {}) {
  const admin = await createUser({ name: "Alice Admin", email: "alice@northwind.test" });
  const { provider } = await createProvider({ name: "Northwind IT Services", admin });
  const serviceUser = await createUser({ name: "Carol Service", email: "carol@northwind.test" });
  await addProviderUser(provider.id, serviceUser, "SERVICE_USER", "CONFIRMED");
  const owner = await createUser({ name: "Olivia Owner", email: "olivia@contoso.test" });
  const { organization: client } = await createOrganization({
    name: "Contoso Dental",
    providerId: provider.id,
    seats: 10,
    owner: options.clientOwner === false ? null : owner,
  });
  return { provider, admin, serviceUser, owner, client };
}

const clientTarget = (client: { id: string }, name: string) => ({ type: "ORGANIZATION" as const, id: client.id, name });

export const CLIENT_CASES: EventTypeCase[] = [
  {
    type: "PROVIDER_ORGANIZATION_CREATED",
    async act() {
      const { provider, admin } = await northwindWithClient();
      const res = await call(createClientRoute, "POST", `/api/v1/providers/${provider.id}/clients`, {
        as: admin,
        params: { id: provider.id },
        body: {
          name: "Fabrikam Legal",
          billingEmail: "billing@fabrikam.test",
          plan: "TEAMS_MONTHLY",
          seats: 25,
          ownerEmail: "owner@fabrikam.test",
          paymentMethod: { kind: "CARD", label: "Visa", last4: "4242" },
        },
      });
      expectStatus(res, 201);
      return {
        actor: actorOf(admin),
        providerId: provider.id,
        actingProviderId: null,
        organizationId: res.body.id,
        target: clientTarget(res.body, "Fabrikam Legal"),
        details: { plan: "TEAMS_MONTHLY", seats: 25, ownerEmail: "owner@fabrikam.test", paymentMethodKind: "CARD" },
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: "Alice Admin created the client Fabrikam Legal (Teams (monthly), 25 seats)",
        secrets: [tokenFromMail("owner@fabrikam.test").token],
      };
    },
  },
  {
    type: "PROVIDER_ORGANIZATION_ADDED",
    async act() {
      const { provider, admin } = await northwindWithClient();
      const { organization } = await createOrganization({ name: "Tailspin Toys", owner: admin, plan: "TEAMS_ANNUAL", seats: 15 });
      const res = await call(addExistingRoute, "POST", `/api/v1/providers/${provider.id}/clients/existing`, {
        as: admin,
        params: { id: provider.id },
        body: { organizationId: organization.id },
      });
      expectStatus(res, 201);
      return {
        actor: actorOf(admin),
        providerId: provider.id,
        actingProviderId: null,
        organizationId: organization.id,
        target: clientTarget(organization, "Tailspin Toys"),
        details: { plan: "TEAMS_ANNUAL", seats: 15, occupiedSeats: 1 },
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: "Alice Admin added the existing organization Tailspin Toys as a client",
      };
    },
  },
  {
    type: "PROVIDER_ORGANIZATION_REMOVED",
    async act() {
      const { provider, admin, client } = await northwindWithClient();
      const res = await call(removeClientRoute, "DELETE", `/api/v1/providers/${provider.id}/clients/${client.id}`, {
        as: admin,
        params: { id: provider.id, orgId: client.id },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(admin),
        providerId: provider.id,
        actingProviderId: null,
        organizationId: client.id,
        target: clientTarget(client, "Contoso Dental"),
        details: { plan: "TEAMS_MONTHLY", seats: 10, occupiedSeats: 1, confirmedOwners: 1 },
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: "Alice Admin removed the client Contoso Dental from the provider",
      };
    },
  },
  {
    // Entering a client's admin console is logged by its layout (a page, not an API route), with
    // the browser's request metadata.
    type: "PROVIDER_ORGANIZATION_VAULT_ACCESSED",
    async act() {
      const { provider, serviceUser, client } = await northwindWithClient();
      const browser = { ip: "203.0.113.9", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" };
      const logged = await recordProviderAccess(
        { providerId: provider.id, organizationId: client.id, organizationName: client.name },
        { actor: { userId: serviceUser.id, name: serviceUser.name, email: serviceUser.email }, meta: browser },
      );
      expect(logged).toBe(true);
      return {
        actor: actorOf(serviceUser),
        providerId: provider.id,
        actingProviderId: provider.id,
        organizationId: client.id,
        target: clientTarget(client, "Contoso Dental"),
        details: {},
        meta: browser,
        chainScope: `provider:${provider.id}`,
        sentence: "Carol Service opened Contoso Dental's admin console via Northwind IT Services",
      };
    },
  },
  {
    type: "ORGANIZATION_SEATS_CHANGED",
    async act() {
      const { provider, serviceUser, client } = await northwindWithClient();
      const res = await call(updateClientRoute, "PATCH", `/api/v1/providers/${provider.id}/clients/${client.id}`, {
        as: serviceUser,
        params: { id: provider.id, orgId: client.id },
        body: { seats: 6 },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(serviceUser),
        providerId: provider.id,
        actingProviderId: provider.id,
        organizationId: client.id,
        target: clientTarget(client, "Contoso Dental"),
        details: { before: { seats: 10 }, after: { seats: 6 }, occupiedSeats: 1 },
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: "Carol Service changed Contoso Dental's seats from 10 to 6 via Northwind IT Services",
      };
    },
  },
  {
    // The client's own owner, not through the provider: the event goes to the organization's chain.
    type: "ORGANIZATION_UPDATED",
    async act() {
      const { owner, client } = await northwindWithClient();
      const res = await call(updateOrganizationRoute, "PATCH", `/api/v1/organizations/${client.id}`, {
        as: owner,
        params: { orgId: client.id },
        body: { name: "Contoso Dental Group", billingEmail: "ap@contoso.test" },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(owner),
        providerId: null,
        actingProviderId: null,
        organizationId: client.id,
        target: clientTarget(client, "Contoso Dental Group"),
        details: { before: { name: "Contoso Dental", billingEmail: "billing@client.test" }, after: { name: "Contoso Dental Group", billingEmail: "ap@contoso.test" } },
        meta: HTTP_META,
        chainScope: `organization:${client.id}`,
        sentence: "Olivia Owner changed the settings of Contoso Dental Group (name, billing email)",
      };
    },
  },
];

export const CLIENT_REFUSALS: RefusalCase[] = [
  {
    name: "a service user adds seats that would have to be bought (422)",
    status: 422,
    code: "purchase_required",
    async arrange() {
      const { provider, serviceUser, client } = await northwindWithClient();
      return () => call(updateClientRoute, "PATCH", `/api/v1/providers/${provider.id}/clients/${client.id}`, { as: serviceUser, params: { id: provider.id, orgId: client.id }, body: { seats: 40 } });
    },
  },
  {
    name: "an admin removes a client that has no confirmed owner (422)",
    status: 422,
    code: "no_confirmed_owner",
    async arrange() {
      const { provider, admin, client } = await northwindWithClient({ clientOwner: false });
      return () => call(removeClientRoute, "DELETE", `/api/v1/providers/${provider.id}/clients/${client.id}`, { as: admin, params: { id: provider.id, orgId: client.id } });
    },
  },
  {
    name: "an admin adds an organization whose plan a provider cannot manage (422)",
    status: 422,
    code: "plan_not_eligible",
    async arrange() {
      const { provider, admin } = await northwindWithClient();
      const { organization } = await createOrganization({ name: "Family Vault", owner: admin, plan: "FAMILIES", seats: 6 });
      return () => call(addExistingRoute, "POST", `/api/v1/providers/${provider.id}/clients/existing`, { as: admin, params: { id: provider.id }, body: { organizationId: organization.id } });
    },
  },
];
