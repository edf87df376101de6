// Event-type rows for provider onboarding (staff), provider settings and the provider's people.
import { POST as enableProvider } from "@/app/api/v1/admin/providers/[id]/enable/route";
import { POST as disableProvider } from "@/app/api/v1/admin/providers/[id]/disable/route";
import { POST as reissueSetup } from "@/app/api/v1/admin/providers/[id]/setup-invitation/route";
import { POST as createProviderRoute } from "@/app/api/v1/admin/providers/route";
import { PATCH as updateProviderRoute } from "@/app/api/v1/providers/[id]/route";
import { DELETE as revokeApiKeyRoute } from "@/app/api/v1/providers/[id]/api-keys/[keyId]/route";
import { POST as createApiKeyRoute } from "@/app/api/v1/providers/[id]/api-keys/route";
import { POST as completeSetup } from "@/app/api/v1/providers/[id]/setup/route";
import { POST as acceptInvitation } from "@/app/api/v1/providers/[id]/users/[puId]/accept/route";
import { POST as confirmUser } from "@/app/api/v1/providers/[id]/users/[puId]/confirm/route";
import { POST as reinviteUser } from "@/app/api/v1/providers/[id]/users/[puId]/reinvite/route";
import { DELETE as removeUser, PATCH as changeRole } from "@/app/api/v1/providers/[id]/users/[puId]/route";
import { PUT as putScope } from "@/app/api/v1/providers/[id]/users/[puId]/scope/route";
import { POST as inviteUsers } from "@/app/api/v1/providers/[id]/users/invite/route";
import { db } from "@/lib/db/client";
import { createProvider as createProviderService } from "@/lib/services/providers/create-provider";
import { setProviderEnabled } from "@/lib/services/providers/set-provider-enabled";
import { inviteProviderUsers } from "@/lib/services/provider-users/invite-provider-users";
import { tokenFromMail } from "../../clients/outbox";
import { addProviderUser, createOrganization, createProvider, createUser } from "../../support/factories";
import { call } from "../../support/http";
import { actorOf, expectStatus, HTTP_META, type EventTypeCase, type RefusalCase } from "../event-type-cases";

const staffUser = () => createUser({ name: "Sam Staff", email: "sam.staff@example.test", isStaff: true });

async function northwind() {
  const admin = await createUser({ name: "Alice Admin", email: "alice@northwind.test" });
  const { provider, adminMembership } = await createProvider({ name: "Northwind IT Services", admin });
  return { provider, admin, adminMembership: adminMembership! };
}

const staffContext = (staff: { id: string; name: string; email: string }) => ({ actor: { userId: staff.id, name: staff.name, email: staff.email }, meta: HTTP_META });
const providerTarget = (provider: { id: string }, name: string) => ({ type: "PROVIDER" as const, id: provider.id, name });
const memberTarget = (membership: { id: string; email: string }) => ({ type: "PROVIDER_USER" as const, id: membership.id, name: membership.email });

export const PROVIDER_CASES: EventTypeCase[] = [
  // Onboarding: staff invite an MSP, its owner completes the setup.
  {
    type: "PROVIDER_SETUP_INVITED",
    async act() {
      const staff = await staffUser();
      const res = await call(createProviderRoute, "POST", "/api/v1/admin/providers", { as: staff, body: { name: "Northwind IT Services", ownerEmail: "owner@northwind.test", type: "MSP" } });
      expectStatus(res, 201);
      const providerId: string = res.body.id;
      return {
        actor: actorOf(staff),
        providerId,
        actingProviderId: null,
        organizationId: null,
        target: providerTarget({ id: providerId }, "Northwind IT Services"),
        details: { email: "owner@northwind.test", type: "MSP", expiresAt: res.body.setupInvitation.expiresAt },
        meta: HTTP_META,
        chainScope: `provider:${providerId}`,
        sentence: "Sam Staff invited owner@northwind.test to set up the provider Northwind IT Services",
      };
    },
  },
  {
    type: "PROVIDER_SETUP_COMPLETED",
    async act() {
      const staff = await staffUser();
      const { id: providerId } = await createProviderService({ name: "Northwind", ownerEmail: "owner@northwind.test" }, staffContext(staff));
      const owner = await createUser({ name: "Olga Owner", email: "owner@northwind.test" });
      const { token } = tokenFromMail("owner@northwind.test");
      const res = await call(completeSetup, "POST", `/api/v1/providers/${providerId}/setup`, {
        as: owner,
        params: { id: providerId },
        body: { token, name: "Northwind IT Services", businessName: "Northwind IT Services LLC", billingEmail: "ap@northwind.test" },
      });
      expectStatus(res, 200);
      const membership = await db.providerUser.findFirstOrThrow({ where: { providerId, userId: owner.id } });
      return {
        actor: actorOf(owner),
        providerId,
        actingProviderId: null,
        organizationId: null,
        target: providerTarget({ id: providerId }, "Northwind IT Services"),
        details: { name: "Northwind IT Services", businessName: "Northwind IT Services LLC", billingEmail: "ap@northwind.test", adminMembershipId: membership.id },
        meta: HTTP_META,
        chainScope: `provider:${providerId}`,
        sentence: "Olga Owner completed the setup of Northwind IT Services",
      };
    },
  },
  {
    type: "PROVIDER_UPDATED",
    async act() {
      const { provider, admin } = await northwind();
      const res = await call(updateProviderRoute, "PATCH", `/api/v1/providers/${provider.id}`, {
        as: admin,
        params: { id: provider.id },
        body: { name: "Northwind Managed IT", billingEmail: "ap@northwind.test" },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(admin),
        providerId: provider.id,
        actingProviderId: null,
        organizationId: null,
        target: providerTarget(provider, "Northwind Managed IT"),
        details: { before: { name: "Northwind IT Services", billingEmail: "billing@provider.test" }, after: { name: "Northwind Managed IT", billingEmail: "ap@northwind.test" } },
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: "Alice Admin changed the settings of Northwind Managed IT (name, billing email)",
      };
    },
  },

  // Staff disable and enable a provider; its enabled clients go with it.
  {
    type: "PROVIDER_DISABLED",
    async act() {
      const staff = await staffUser();
      const { provider } = await northwind();
      await createOrganization({ name: "Contoso Dental", providerId: provider.id });
      await createOrganization({ name: "Fabrikam Legal", providerId: provider.id });
      await createOrganization({ name: "Already Off", providerId: provider.id, enabled: false });
      const res = await call(disableProvider, "POST", `/api/v1/admin/providers/${provider.id}/disable`, { as: staff, params: { id: provider.id } });
      expectStatus(res, 200);
      return {
        actor: actorOf(staff),
        providerId: provider.id,
        actingProviderId: null,
        organizationId: null,
        target: providerTarget(provider, "Northwind IT Services"),
        details: { clients: 2 },
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: "Sam Staff disabled the provider Northwind IT Services and disabled 2 clients with it",
      };
    },
  },
  {
    type: "PROVIDER_ENABLED",
    async act() {
      const staff = await staffUser();
      const { provider } = await northwind();
      await createOrganization({ name: "Contoso Dental", providerId: provider.id });
      await setProviderEnabled(provider.id, false, staffContext(staff));
      const res = await call(enableProvider, "POST", `/api/v1/admin/providers/${provider.id}/enable`, { as: staff, params: { id: provider.id } });
      expectStatus(res, 200);
      return {
        actor: actorOf(staff),
        providerId: provider.id,
        actingProviderId: null,
        organizationId: null,
        target: providerTarget(provider, "Northwind IT Services"),
        details: { clients: 1 },
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: "Sam Staff enabled the provider Northwind IT Services and enabled 1 client with it",
      };
    },
  },
  {
    type: "ORGANIZATION_DISABLED",
    async act() {
      const staff = await staffUser();
      const { provider } = await northwind();
      const { organization } = await createOrganization({ name: "Contoso Dental", providerId: provider.id });
      const res = await call(disableProvider, "POST", `/api/v1/admin/providers/${provider.id}/disable`, { as: staff, params: { id: provider.id } });
      expectStatus(res, 200);
      return {
        actor: actorOf(staff),
        providerId: provider.id,
        actingProviderId: null,
        organizationId: organization.id,
        target: { type: "ORGANIZATION", id: organization.id, name: "Contoso Dental" },
        details: { reason: "provider_disabled" },
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: "Sam Staff disabled Contoso Dental together with its provider",
      };
    },
  },
  {
    type: "ORGANIZATION_ENABLED",
    async act() {
      const staff = await staffUser();
      const { provider } = await northwind();
      const { organization } = await createOrganization({ name: "Contoso Dental", providerId: provider.id });
      await setProviderEnabled(provider.id, false, staffContext(staff));
      const res = await call(enableProvider, "POST", `/api/v1/admin/providers/${provider.id}/enable`, { as: staff, params: { id: provider.id } });
      expectStatus(res, 200);
      return {
        actor: actorOf(staff),
        providerId: provider.id,
        actingProviderId: null,
        organizationId: organization.id,
        target: { type: "ORGANIZATION", id: organization.id, name: "Contoso Dental" },
        details: { reason: "provider_enabled" },
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: "Sam Staff enabled Contoso Dental together with its provider",
      };
    },
  },

  // The provider's people: invite, re-invite, accept, confirm, change role, remove.
  {
    type: "PROVIDER_USER_INVITED",
    async act() {
      const { provider, admin } = await northwind();
      const res = await call(inviteUsers, "POST", `/api/v1/providers/${provider.id}/users/invite`, {
        as: admin,
        params: { id: provider.id },
        body: { emails: ["bob@northwind.test"], role: "SERVICE_USER" },
      });
      expectStatus(res, 201);
      const membership = await db.providerUser.findFirstOrThrow({ where: { providerId: provider.id, email: "bob@northwind.test" } });
      return {
        actor: actorOf(admin),
        providerId: provider.id,
        actingProviderId: null,
        organizationId: null,
        target: memberTarget(membership),
        details: { role: "SERVICE_USER" },
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: "Alice Admin invited bob@northwind.test as Service User",
        secrets: [tokenFromMail("bob@northwind.test").token],
      };
    },
  },
  {
    type: "PROVIDER_USER_REINVITED",
    async act() {
      const { provider, admin } = await northwind();
      const membership = await addProviderUser(provider.id, "bob@northwind.test", "PROVIDER_ADMIN", "INVITED");
      const res = await call(reinviteUser, "POST", `/api/v1/providers/${provider.id}/users/${membership.id}/reinvite`, {
        as: admin,
        params: { id: provider.id, puId: membership.id },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(admin),
        providerId: provider.id,
        actingProviderId: null,
        organizationId: null,
        target: memberTarget(membership),
        details: { role: "PROVIDER_ADMIN" },
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: "Alice Admin re-sent the invitation to bob@northwind.test",
        secrets: [tokenFromMail("bob@northwind.test").token],
      };
    },
  },
  {
    type: "PROVIDER_USER_ACCEPTED",
    async act() {
      const { provider, admin } = await northwind();
      const invited = await inviteProviderUsers(provider.id, { emails: ["bob@northwind.test"], role: "SERVICE_USER" }, { actor: { userId: admin.id, name: admin.name, email: admin.email }, meta: HTTP_META });
      const puId = (invited.data[0] as { id: string }).id;
      const bob = await createUser({ name: "Bob Builder", email: "bob@northwind.test" });
      const { token } = tokenFromMail("bob@northwind.test");
      const res = await call(acceptInvitation, "POST", `/api/v1/providers/${provider.id}/users/${puId}/accept`, {
        as: bob,
        params: { id: provider.id, puId },
        body: { token },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(bob),
        providerId: provider.id,
        actingProviderId: null,
        organizationId: null,
        target: { type: "PROVIDER_USER", id: puId, name: "bob@northwind.test" },
        details: { role: "SERVICE_USER" },
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: "Bob Builder accepted their invitation to the provider",
        secrets: [token],
      };
    },
  },
  {
    type: "PROVIDER_USER_CONFIRMED",
    async act() {
      const { provider, admin } = await northwind();
      const bob = await createUser({ name: "Bob Builder", email: "bob@northwind.test" });
      const membership = await addProviderUser(provider.id, bob, "SERVICE_USER", "ACCEPTED");
      const res = await call(confirmUser, "POST", `/api/v1/providers/${provider.id}/users/${membership.id}/confirm`, {
        as: admin,
        params: { id: provider.id, puId: membership.id },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(admin),
        providerId: provider.id,
        actingProviderId: null,
        organizationId: null,
        target: memberTarget(membership),
        details: { role: "SERVICE_USER" },
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: "Alice Admin confirmed bob@northwind.test as Service User",
      };
    },
  },
  {
    type: "PROVIDER_USER_UPDATED",
    async act() {
      const { provider, admin } = await northwind();
      const bob = await createUser({ name: "Bob Builder", email: "bob@northwind.test" });
      const membership = await addProviderUser(provider.id, bob, "SERVICE_USER", "CONFIRMED");
      const res = await call(changeRole, "PATCH", `/api/v1/providers/${provider.id}/users/${membership.id}`, {
        as: admin,
        params: { id: provider.id, puId: membership.id },
        body: { role: "PROVIDER_ADMIN" },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(admin),
        providerId: provider.id,
        actingProviderId: null,
        organizationId: null,
        target: memberTarget(membership),
        details: { oldRole: "SERVICE_USER", newRole: "PROVIDER_ADMIN", status: "CONFIRMED" },
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: "Alice Admin changed bob@northwind.test's role from Service User to Provider Admin",
      };
    },
  },
  {
    type: "PROVIDER_USER_SCOPE_UPDATED",
    async act() {
      const { provider, admin } = await northwind();
      const bob = await createUser({ name: "Bob Builder", email: "bob@northwind.test" });
      const membership = await addProviderUser(provider.id, bob, "SERVICE_USER", "CONFIRMED");
      const { organization: contoso } = await createOrganization({ name: "Contoso Dental", providerId: provider.id });
      const res = await call(putScope, "PUT", `/api/v1/providers/${provider.id}/users/${membership.id}/scope`, {
        as: admin,
        params: { id: provider.id, puId: membership.id },
        body: { clientScoped: true, organizationIds: [contoso.id] },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(admin),
        providerId: provider.id,
        actingProviderId: null,
        organizationId: null,
        target: memberTarget(membership),
        details: { clientScoped: true, added: 1, removed: 0, clients: 1 },
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: "Alice Admin limited bob@northwind.test to 1 client (1 added, 0 removed)",
      };
    },
  },
  {
    type: "PROVIDER_USER_REMOVED",
    async act() {
      const { provider, admin } = await northwind();
      const bob = await createUser({ name: "Bob Builder", email: "bob@northwind.test" });
      const membership = await addProviderUser(provider.id, bob, "SERVICE_USER", "CONFIRMED");
      const res = await call(removeUser, "DELETE", `/api/v1/providers/${provider.id}/users/${membership.id}`, {
        as: admin,
        params: { id: provider.id, puId: membership.id },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(admin),
        providerId: provider.id,
        actingProviderId: null,
        organizationId: null,
        target: memberTarget(membership),
        details: { role: "SERVICE_USER", status: "CONFIRMED" },
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: "Alice Admin removed bob@northwind.test from the provider",
      };
    },
  },
  // API keys for PSA/RMM automation: the secret never reaches the log, only its prefix.
  {
    type: "PROVIDER_API_KEY_CREATED",
    async act() {
      const { provider, admin } = await northwind();
      const res = await call(createApiKeyRoute, "POST", `/api/v1/providers/${provider.id}/api-keys`, { as: admin, params: { id: provider.id }, body: { name: "PSA sync", role: "SERVICE_USER" } });
      expectStatus(res, 201);
      return {
        actor: actorOf(admin),
        providerId: provider.id,
        actingProviderId: null,
        organizationId: null,
        target: { type: "PROVIDER_API_KEY", id: res.body.id, name: "PSA sync" },
        details: { prefix: res.body.prefix, role: "SERVICE_USER" },
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: 'Alice Admin created the API key "PSA sync"',
        secrets: [res.body.secret],
      };
    },
  },
  {
    type: "PROVIDER_API_KEY_REVOKED",
    async act() {
      const { provider, admin } = await northwind();
      const created = await call(createApiKeyRoute, "POST", `/api/v1/providers/${provider.id}/api-keys`, { as: admin, params: { id: provider.id }, body: { name: "RMM agent", role: "PROVIDER_ADMIN" } });
      expectStatus(created, 201);
      const res = await call(revokeApiKeyRoute, "DELETE", `/api/v1/providers/${provider.id}/api-keys/${created.body.id}`, { as: admin, params: { id: provider.id, keyId: created.body.id } });
      expectStatus(res, 200);
      return {
        actor: actorOf(admin),
        providerId: provider.id,
        actingProviderId: null,
        organizationId: null,
        target: { type: "PROVIDER_API_KEY", id: created.body.id, name: "RMM agent" },
        details: { prefix: created.body.prefix, role: "PROVIDER_ADMIN" },
        meta: HTTP_META,
        chainScope: `provider:${provider.id}`,
        sentence: 'Alice Admin revoked the API key "RMM agent"',
        secrets: [created.body.secret],
      };
    },
  },
];

export const PROVIDER_REFUSALS: RefusalCase[] = [
  {
    name: "an admin limits a Service User to another provider's client (422)",
    status: 422,
    code: "not_provider_clients",
    async arrange() {
      const { provider, admin } = await northwind();
      const bob = await createUser({ name: "Bob Builder", email: "bob@northwind.test" });
      const membership = await addProviderUser(provider.id, bob, "SERVICE_USER", "CONFIRMED");
      const { organization: contoso } = await createOrganization({ name: "Contoso Dental", providerId: provider.id });
      const other = await createProvider({ name: "Other MSP" });
      const { organization: foreign } = await createOrganization({ name: "Foreign Client", providerId: other.provider.id });
      return () =>
        call(putScope, "PUT", `/api/v1/providers/${provider.id}/users/${membership.id}/scope`, {
          as: admin,
          params: { id: provider.id, puId: membership.id },
          body: { clientScoped: true, organizationIds: [contoso.id, foreign.id] },
        });
    },
  },
  {
    name: "an admin limits a Provider Admin to selected clients (422)",
    status: 422,
    code: "admin_not_scoped",
    async arrange() {
      const { provider, admin } = await northwind();
      const bob = await createUser({ name: "Bob Builder", email: "bob@northwind.test" });
      const membership = await addProviderUser(provider.id, bob, "PROVIDER_ADMIN", "CONFIRMED");
      const { organization: contoso } = await createOrganization({ name: "Contoso Dental", providerId: provider.id });
      return () =>
        call(putScope, "PUT", `/api/v1/providers/${provider.id}/users/${membership.id}/scope`, {
          as: admin,
          params: { id: provider.id, puId: membership.id },
          body: { clientScoped: true, organizationIds: [contoso.id] },
        });
    },
  },
  {
    name: "staff re-issue the setup link of a provider that is already set up (422)",
    status: 422,
    code: "setup_completed",
    async arrange() {
      const staff = await staffUser();
      const { provider } = await northwind();
      return () => call(reissueSetup, "POST", `/api/v1/admin/providers/${provider.id}/setup-invitation`, { as: staff, params: { id: provider.id }, body: {} });
    },
  },
  {
    name: "someone else completes a provider's setup with its link (403)",
    status: 403,
    code: "wrong_account",
    async arrange() {
      const staff = await staffUser();
      const { id: providerId } = await createProviderService({ name: "Northwind", ownerEmail: "owner@northwind.test" }, staffContext(staff));
      const intruder = await createUser({ name: "Ivan Intruder" });
      const { token } = tokenFromMail("owner@northwind.test");
      return () =>
        call(completeSetup, "POST", `/api/v1/providers/${providerId}/setup`, {
          as: intruder,
          params: { id: providerId },
          body: { token, name: "Hijacked", billingEmail: "ap@intruder.test" },
        });
    },
  },
  {
    name: "an admin demotes the provider's last confirmed Provider Admin (409)",
    status: 409,
    code: "last_admin",
    async arrange() {
      const { provider, admin, adminMembership } = await northwind();
      return () =>
        call(changeRole, "PATCH", `/api/v1/providers/${provider.id}/users/${adminMembership.id}`, {
          as: admin,
          params: { id: provider.id, puId: adminMembership.id },
          body: { role: "SERVICE_USER" },
        });
    },
  },
];
