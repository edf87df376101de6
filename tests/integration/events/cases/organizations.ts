// Event-type rows for a client's admin console: members, groups, collections, policies, import.
// Rows alternate between the organization's own people (their events go to the organization's
// chain) and provider members acting in it (logged "via" the provider, in the provider's chain).
import { POST as collectionsPost } from "@/app/api/v1/organizations/[orgId]/collections/route";
import { DELETE as collectionDelete, PATCH as collectionPatch } from "@/app/api/v1/organizations/[orgId]/collections/[cId]/route";
import { DELETE as groupDelete, PATCH as groupPatch } from "@/app/api/v1/organizations/[orgId]/groups/[gId]/route";
import { POST as groupsPost } from "@/app/api/v1/organizations/[orgId]/groups/route";
import { POST as importPost } from "@/app/api/v1/organizations/[orgId]/import/route";
import { POST as acceptPost } from "@/app/api/v1/organizations/[orgId]/members/[mId]/accept/route";
import { POST as confirmPost } from "@/app/api/v1/organizations/[orgId]/members/[mId]/confirm/route";
import { POST as reinvitePost } from "@/app/api/v1/organizations/[orgId]/members/[mId]/reinvite/route";
import { POST as restorePost } from "@/app/api/v1/organizations/[orgId]/members/[mId]/restore/route";
import { POST as revokePost } from "@/app/api/v1/organizations/[orgId]/members/[mId]/revoke/route";
import { DELETE as memberDelete, PATCH as memberPatch } from "@/app/api/v1/organizations/[orgId]/members/[mId]/route";
import { POST as membersPost } from "@/app/api/v1/organizations/[orgId]/members/route";
import { PUT as policyPut } from "@/app/api/v1/organizations/[orgId]/policies/[type]/route";
import { db } from "@/lib/db/client";
import { defaultSettings } from "@/lib/policies/definitions";
import { inviteMembers } from "@/lib/services/members/invite-members";
import { tokenFromMail } from "../../clients/outbox";
import { bitwardenExport } from "../../organizations/bitwarden-export";
import { addCollection, addGroup, addItem, grantCollection, secretOf } from "../../organizations/support";
import { addMember, createOrganization, createUser } from "../../support/factories";
import { call } from "../../support/http";
import { actorOf, expectStatus, HTTP_META, type EventTypeCase, type RefusalCase } from "../event-type-cases";
import { northwindWithClient } from "./clients";

/** Northwind's client Contoso Dental with an org admin (Ada) and a member, Dana, in the given status. */
async function contoso(dana: "INVITED" | "ACCEPTED" | "CONFIRMED" | "REVOKED" | null = "CONFIRMED") {
  const world = await northwindWithClient();
  const orgAdmin = await createUser({ name: "Ada OrgAdmin", email: "ada@contoso.test" });
  await addMember(world.client.id, orgAdmin, "ADMIN", "CONFIRMED");
  const danaUser = await createUser({ name: "Dana Dev", email: "dana@contoso.test" });
  const danaMember =
    dana === "REVOKED"
      ? await db.organizationMember.create({ data: { organizationId: world.client.id, userId: danaUser.id, email: danaUser.email, role: "USER", status: "REVOKED", statusBeforeRevoke: "CONFIRMED" } })
      : dana
        ? await addMember(world.client.id, dana === "INVITED" ? danaUser.email : danaUser, "USER", dana)
        : null;
  return { ...world, orgId: world.client.id, orgAdmin, danaUser, danaMember: danaMember! };
}

const memberTarget = (member: { id: string; email: string }) => ({ type: "MEMBER" as const, id: member.id, name: member.email });

/** Where an event of someone acting in Contoso goes: the provider's chain via the provider, else the organization's. */
function scopeOf(world: { provider: { id: string }; orgId: string }, viaProvider: boolean) {
  return viaProvider
    ? { providerId: world.provider.id, actingProviderId: world.provider.id, organizationId: world.orgId, chainScope: `provider:${world.provider.id}` }
    : { providerId: null, actingProviderId: null, organizationId: world.orgId, chainScope: `organization:${world.orgId}` };
}

export const ORGANIZATION_CASES: EventTypeCase[] = [
  // Members.
  {
    type: "MEMBER_INVITED",
    async act() {
      const w = await contoso(null);
      const res = await call(membersPost, "POST", `/api/v1/organizations/${w.orgId}/members`, {
        as: w.admin,
        params: { orgId: w.orgId },
        body: { emails: ["dana@contoso.test"], role: "USER" },
      });
      expectStatus(res, 201);
      const member = await db.organizationMember.findFirstOrThrow({ where: { organizationId: w.orgId, email: "dana@contoso.test" } });
      return {
        actor: actorOf(w.admin),
        ...scopeOf(w, true),
        target: memberTarget(member),
        details: { role: "USER", seatsOccupied: 3, seats: 10 },
        meta: HTTP_META,
        sentence: "Alice Admin invited dana@contoso.test to Contoso Dental as User via Northwind IT Services",
        secrets: [tokenFromMail("dana@contoso.test").token],
      };
    },
  },
  {
    type: "MEMBER_REINVITED",
    async act() {
      const w = await contoso("INVITED");
      const res = await call(reinvitePost, "POST", `/api/v1/organizations/${w.orgId}/members/${w.danaMember.id}/reinvite`, {
        as: w.owner,
        params: { orgId: w.orgId, mId: w.danaMember.id },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(w.owner),
        ...scopeOf(w, false),
        target: memberTarget(w.danaMember),
        details: { role: "USER" },
        meta: HTTP_META,
        sentence: "Olivia Owner re-sent dana@contoso.test's invitation to Contoso Dental",
        secrets: [tokenFromMail("dana@contoso.test").token],
      };
    },
  },
  {
    type: "MEMBER_ACCEPTED",
    async act() {
      const w = await contoso(null);
      const invited = await inviteMembers(
        { organizationId: w.orgId, emails: ["dana@contoso.test"], role: "USER", canManageOwners: true },
        { actor: { userId: w.owner.id, name: w.owner.name, email: w.owner.email }, meta: HTTP_META },
      );
      const memberId = (invited.results[0] as { memberId: string }).memberId;
      const { token } = tokenFromMail("dana@contoso.test");
      const res = await call(acceptPost, "POST", `/api/v1/organizations/${w.orgId}/members/${memberId}/accept`, {
        as: w.danaUser,
        params: { orgId: w.orgId, mId: memberId },
        body: { token },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(w.danaUser),
        ...scopeOf(w, false),
        target: { type: "MEMBER", id: memberId, name: "dana@contoso.test" },
        details: { role: "USER" },
        meta: HTTP_META,
        sentence: "Dana Dev accepted the invitation to join Contoso Dental",
        secrets: [token],
      };
    },
  },
  {
    type: "MEMBER_CONFIRMED",
    async act() {
      const w = await contoso("ACCEPTED");
      const res = await call(confirmPost, "POST", `/api/v1/organizations/${w.orgId}/members/${w.danaMember.id}/confirm`, {
        as: w.orgAdmin,
        params: { orgId: w.orgId, mId: w.danaMember.id },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(w.orgAdmin),
        ...scopeOf(w, false),
        target: memberTarget(w.danaMember),
        details: { role: "USER" },
        meta: HTTP_META,
        sentence: "Ada OrgAdmin confirmed dana@contoso.test in Contoso Dental as User",
      };
    },
  },
  {
    type: "MEMBER_UPDATED",
    async act() {
      const w = await contoso();
      const res = await call(memberPatch, "PATCH", `/api/v1/organizations/${w.orgId}/members/${w.danaMember.id}`, {
        as: w.owner,
        params: { orgId: w.orgId, mId: w.danaMember.id },
        body: { role: "ADMIN" },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(w.owner),
        ...scopeOf(w, false),
        target: memberTarget(w.danaMember),
        details: { before: { role: "USER" }, after: { role: "ADMIN" } },
        meta: HTTP_META,
        sentence: "Olivia Owner changed dana@contoso.test's role in Contoso Dental from User to Admin",
      };
    },
  },
  {
    type: "MEMBER_REVOKED",
    async act() {
      const w = await contoso();
      const res = await call(revokePost, "POST", `/api/v1/organizations/${w.orgId}/members/${w.danaMember.id}/revoke`, {
        as: w.serviceUser,
        params: { orgId: w.orgId, mId: w.danaMember.id },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(w.serviceUser),
        ...scopeOf(w, true),
        target: memberTarget(w.danaMember),
        details: { role: "USER", previousStatus: "CONFIRMED" },
        meta: HTTP_META,
        sentence: "Carol Service revoked dana@contoso.test's access to Contoso Dental via Northwind IT Services",
      };
    },
  },
  {
    type: "MEMBER_RESTORED",
    async act() {
      const w = await contoso("REVOKED");
      const res = await call(restorePost, "POST", `/api/v1/organizations/${w.orgId}/members/${w.danaMember.id}/restore`, {
        as: w.admin,
        params: { orgId: w.orgId, mId: w.danaMember.id },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(w.admin),
        ...scopeOf(w, true),
        target: memberTarget(w.danaMember),
        details: { role: "USER", status: "CONFIRMED", invitationSent: false },
        meta: HTTP_META,
        sentence: "Alice Admin restored dana@contoso.test's access to Contoso Dental via Northwind IT Services",
      };
    },
  },
  {
    type: "MEMBER_REMOVED",
    async act() {
      const w = await contoso();
      const res = await call(memberDelete, "DELETE", `/api/v1/organizations/${w.orgId}/members/${w.danaMember.id}`, {
        as: w.owner,
        params: { orgId: w.orgId, mId: w.danaMember.id },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(w.owner),
        ...scopeOf(w, false),
        target: memberTarget(w.danaMember),
        details: { role: "USER", status: "CONFIRMED" },
        meta: HTTP_META,
        sentence: "Olivia Owner removed dana@contoso.test from Contoso Dental",
      };
    },
  },

  // Groups and collections.
  {
    type: "GROUP_CREATED",
    async act() {
      const w = await contoso();
      const shared = await addCollection(w.orgId, "Shared");
      const res = await call(groupsPost, "POST", `/api/v1/organizations/${w.orgId}/groups`, {
        as: w.orgAdmin,
        params: { orgId: w.orgId },
        body: { name: "Finance", memberIds: [w.danaMember.id], collections: [{ collectionId: shared.id, permission: "VIEW" }] },
      });
      expectStatus(res, 201);
      return {
        actor: actorOf(w.orgAdmin),
        ...scopeOf(w, false),
        target: { type: "GROUP", id: res.body.id, name: "Finance" },
        details: { memberCount: 1, collections: [{ id: shared.id, permission: "VIEW" }] },
        meta: HTTP_META,
        sentence: 'Ada OrgAdmin created the group "Finance" in Contoso Dental',
      };
    },
  },
  {
    type: "GROUP_UPDATED",
    async act() {
      const w = await contoso();
      const group = await addGroup(w.orgId, "Finance");
      const res = await call(groupPatch, "PATCH", `/api/v1/organizations/${w.orgId}/groups/${group.id}`, {
        as: w.admin,
        params: { orgId: w.orgId, gId: group.id },
        body: { name: "Finance team", addMemberIds: [w.danaMember.id] },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(w.admin),
        ...scopeOf(w, true),
        target: { type: "GROUP", id: group.id, name: "Finance team" },
        details: { name: { from: "Finance", to: "Finance team" }, membersAdded: 1, changed: ["name", "membersAdded"] },
        meta: HTTP_META,
        sentence: 'Alice Admin changed the group "Finance team" in Contoso Dental (name, members added) via Northwind IT Services',
      };
    },
  },
  {
    type: "GROUP_DELETED",
    async act() {
      const w = await contoso();
      const group = await addGroup(w.orgId, "Finance", [w.danaMember.id]);
      const shared = await addCollection(w.orgId, "Shared");
      await grantCollection(shared.id, { groupId: group.id }, "EDIT");
      const res = await call(groupDelete, "DELETE", `/api/v1/organizations/${w.orgId}/groups/${group.id}`, { as: w.owner, params: { orgId: w.orgId, gId: group.id } });
      expectStatus(res, 200);
      return {
        actor: actorOf(w.owner),
        ...scopeOf(w, false),
        target: { type: "GROUP", id: group.id, name: "Finance" },
        details: { memberCount: 1, collectionCount: 1 },
        meta: HTTP_META,
        sentence: 'Olivia Owner deleted the group "Finance" from Contoso Dental',
      };
    },
  },
  {
    type: "COLLECTION_CREATED",
    async act() {
      const w = await contoso();
      const res = await call(collectionsPost, "POST", `/api/v1/organizations/${w.orgId}/collections`, {
        as: w.serviceUser,
        params: { orgId: w.orgId },
        body: { name: "Engineering", members: [{ memberId: w.danaMember.id, permission: "EDIT" }] },
      });
      expectStatus(res, 201);
      return {
        actor: actorOf(w.serviceUser),
        ...scopeOf(w, true),
        target: { type: "COLLECTION", id: res.body.id, name: "Engineering" },
        details: { members: [{ id: w.danaMember.id, permission: "EDIT" }], groups: [] },
        meta: HTTP_META,
        sentence: 'Carol Service created the collection "Engineering" in Contoso Dental via Northwind IT Services',
      };
    },
  },
  {
    type: "COLLECTION_UPDATED",
    async act() {
      const w = await contoso();
      const collection = await addCollection(w.orgId, "Engineering");
      const group = await addGroup(w.orgId, "Developers");
      const res = await call(collectionPatch, "PATCH", `/api/v1/organizations/${w.orgId}/collections/${collection.id}`, {
        as: w.orgAdmin,
        params: { orgId: w.orgId, cId: collection.id },
        body: { name: "Engineering/CI", groups: [{ groupId: group.id, permission: "MANAGE" }] },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(w.orgAdmin),
        ...scopeOf(w, false),
        target: { type: "COLLECTION", id: collection.id, name: "Engineering/CI" },
        details: { name: { from: "Engineering", to: "Engineering/CI" }, groups: { from: [], to: [{ id: group.id, permission: "MANAGE" }] }, changed: ["name", "groups"] },
        meta: HTTP_META,
        sentence: 'Ada OrgAdmin changed the collection "Engineering/CI" in Contoso Dental (name, groups)',
      };
    },
  },
  {
    type: "COLLECTION_DELETED",
    async act() {
      const w = await contoso();
      const shared = await addCollection(w.orgId, "Shared");
      const bankPassword = "S3cret-Bank-Pass!";
      await addItem(w.orgId, { name: "Bank portal", collectionIds: [shared.id], secret: secretOf({ login: { username: "finance@contoso.test", password: bankPassword, totp: null, uris: [] } }) });
      const res = await call(collectionDelete, "DELETE", `/api/v1/organizations/${w.orgId}/collections/${shared.id}`, { as: w.owner, params: { orgId: w.orgId, cId: shared.id } });
      expectStatus(res, 200);
      return {
        actor: actorOf(w.owner),
        ...scopeOf(w, false),
        target: { type: "COLLECTION", id: shared.id, name: "Shared" },
        details: { itemCount: 1 },
        meta: HTTP_META,
        sentence: 'Olivia Owner deleted the collection "Shared" from Contoso Dental',
        secrets: [bankPassword],
      };
    },
  },

  // Policies and vault data.
  {
    type: "POLICY_UPDATED",
    async act() {
      const w = await contoso();
      const res = await call(policyPut, "PUT", `/api/v1/organizations/${w.orgId}/policies/MASTER_PASSWORD`, {
        as: w.admin,
        params: { orgId: w.orgId, type: "MASTER_PASSWORD" },
        body: { enabled: true, settings: { minLength: 14, requireUpper: true } },
      });
      expectStatus(res, 200);
      const policy = await db.policy.findFirstOrThrow({ where: { organizationId: w.orgId, type: "MASTER_PASSWORD" } });
      return {
        actor: actorOf(w.admin),
        ...scopeOf(w, true),
        target: { type: "POLICY", id: policy.id, name: "MASTER_PASSWORD" },
        details: {
          before: { enabled: false, settings: defaultSettings("MASTER_PASSWORD") },
          after: { enabled: true, settings: { ...defaultSettings("MASTER_PASSWORD"), minLength: 14, requireUpper: true } },
        },
        meta: HTTP_META,
        sentence: 'Alice Admin turned on the policy "Master password requirements" in Contoso Dental via Northwind IT Services',
      };
    },
  },
  {
    type: "VAULT_ITEMS_IMPORTED",
    async act() {
      const w = await contoso();
      const file = bitwardenExport(8, { seed: 7 });
      const res = await call(importPost, "POST", `/api/v1/organizations/${w.orgId}/import`, {
        as: w.owner,
        params: { orgId: w.orgId },
        rawBody: file.json,
        headers: { "content-type": "application/json" },
      });
      expectStatus(res, 201);
      const collections = await db.collection.count({ where: { organizationId: w.orgId } });
      return {
        actor: actorOf(w.owner),
        ...scopeOf(w, false),
        target: null,
        // Every collection the items went to was created by this import (the organization had none).
        details: { importJobId: res.body.importJobId, format: "bitwarden-json", imported: 8, byType: file.counts, collections, collectionsCreated: collections },
        meta: HTTP_META,
        sentence: `Olivia Owner imported 8 vault items into Contoso Dental (${collections} collections)`,
        secrets: file.secrets,
      };
    },
  },
];

export const ORGANIZATION_REFUSALS: RefusalCase[] = [
  {
    name: "inviting more people than the organization has free seats (422)",
    status: 422,
    code: "seat_limit",
    async arrange() {
      const { organization, owner } = await createOrganization({ name: "Small Shop", seats: 2 });
      await addMember(organization.id, "taken@small.test", "USER", "INVITED");
      return () => call(membersPost, "POST", `/api/v1/organizations/${organization.id}/members`, { as: owner!, params: { orgId: organization.id }, body: { emails: ["one-too-many@small.test"], role: "USER" } });
    },
  },
  {
    name: "demoting the organization's last confirmed owner (409)",
    status: 409,
    code: "last_owner",
    async arrange() {
      const { organization, owner, ownerMembership } = await createOrganization({ name: "Small Shop" });
      return () =>
        call(memberPatch, "PATCH", `/api/v1/organizations/${organization.id}/members/${ownerMembership!.id}`, {
          as: owner!,
          params: { orgId: organization.id, mId: ownerMembership!.id },
          body: { role: "ADMIN" },
        });
    },
  },
  {
    // The rename is written before the unknown member is found: the rollback must take it back.
    name: "renaming a group while adding a member of another organization (400, after the rename was written)",
    status: 400,
    code: "invalid_request",
    async arrange() {
      const w = await contoso();
      const group = await addGroup(w.orgId, "Finance");
      const { organization: elsewhere } = await createOrganization({ name: "Elsewhere" });
      const stranger = await addMember(elsewhere.id, "stranger@elsewhere.test", "USER", "INVITED");
      return () =>
        call(groupPatch, "PATCH", `/api/v1/organizations/${w.orgId}/groups/${group.id}`, {
          as: w.owner,
          params: { orgId: w.orgId, gId: group.id },
          body: { name: "Finance team", addMemberIds: [stranger.id] },
        });
    },
  },
  {
    name: "deleting the default collection (422)",
    status: 422,
    code: "default_collection",
    async arrange() {
      const w = await contoso();
      const defaultCollection = await addCollection(w.orgId, "Default collection", { isDefault: true });
      return () => call(collectionDelete, "DELETE", `/api/v1/organizations/${w.orgId}/collections/${defaultCollection.id}`, { as: w.owner, params: { orgId: w.orgId, cId: defaultCollection.id } });
    },
  },
  {
    name: "turning on a policy whose required policy is off (422)",
    status: 422,
    code: "policy_dependency",
    async arrange() {
      const w = await contoso();
      return () => call(policyPut, "PUT", `/api/v1/organizations/${w.orgId}/policies/ACCOUNT_RECOVERY`, { as: w.admin, params: { orgId: w.orgId, type: "ACCOUNT_RECOVERY" }, body: { enabled: true } });
    },
  },
  {
    name: "importing a file that is cut off (400)",
    status: 400,
    code: "invalid_import_file",
    async arrange() {
      const w = await contoso();
      return () =>
        call(importPost, "POST", `/api/v1/organizations/${w.orgId}/import`, {
          as: w.owner,
          params: { orgId: w.orgId },
          rawBody: '{"encrypted": false, "items": [{"type": 1, "name": "Cut off',
          headers: { "content-type": "application/json" },
        });
    },
  },
];
