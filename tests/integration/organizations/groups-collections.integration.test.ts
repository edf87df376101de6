// Groups and collections: create, rename, members in and out, access lists with every permission,
// the default collection, tenant isolation of ids in bodies, and their events.
import { describe, expect, it } from "vitest";
import * as groups from "@/app/api/v1/organizations/[orgId]/groups/route";
import * as group from "@/app/api/v1/organizations/[orgId]/groups/[gId]/route";
import * as collections from "@/app/api/v1/organizations/[orgId]/collections/route";
import * as collection from "@/app/api/v1/organizations/[orgId]/collections/[cId]/route";
import { db } from "@/lib/db/client";
import { eventsOf } from "../support/events";
import { call } from "../support/http";
import { addItem, memberOf, orgWorld, secretOf } from "./support";

const path = "/api/v1/organizations/x";

describe("groups", () => {
  it("creates a group with members and collection access, renames it, adds and removes members, deletes it — each change logged", async () => {
    const w = await orgWorld();
    const orgId = w.organization.id;
    const created = await call(groups.POST, "POST", path, {
      as: w.serviceUser,
      params: { orgId },
      body: { name: "  Engineering ", memberIds: [w.user.member.id, w.target.member.id], collections: [{ collectionId: w.shared.id, permission: "EDIT" }] },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ name: "Engineering", memberCount: 2, collectionCount: 1, collections: [{ id: w.shared.id, name: "Shared", permission: "EDIT" }] });
    const gId = created.body.id;
    const [createdEvent] = await eventsOf("GROUP_CREATED");
    expect(createdEvent).toMatchObject({ targetId: gId, targetName: "Engineering", actingProviderId: w.provider.id, details: { memberCount: 2 } });

    const renamed = await call(group.PATCH, "PATCH", path, {
      as: w.admin.user,
      params: { orgId, gId },
      body: { name: "Platform", addMemberIds: [w.admin.member.id], removeMemberIds: [w.target.member.id] },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe("Platform");
    expect(renamed.body.members.map((m: any) => m.id).sort()).toEqual([w.admin.member.id, w.user.member.id].sort());
    const [updated] = await eventsOf("GROUP_UPDATED");
    expect(updated!.details).toEqual({
      name: { from: "Engineering", to: "Platform" },
      membersAdded: 1,
      membersRemoved: 1,
      changed: ["name", "membersAdded", "membersRemoved"],
    });

    const unchanged = await call(group.PATCH, "PATCH", path, { as: w.owner, params: { orgId, gId }, body: { name: "Platform", addMemberIds: [w.admin.member.id] } });
    expect(unchanged.status).toBe(200);
    expect(await eventsOf("GROUP_UPDATED")).toHaveLength(1);

    const list = await call(groups.GET, "GET", path, { as: w.owner, params: { orgId }, query: { q: "plat" } });
    expect(list.body.data).toEqual([expect.objectContaining({ id: gId, name: "Platform", memberCount: 2, collectionCount: 1 })]);

    const deleted = await call(group.DELETE, "DELETE", path, { as: w.owner, params: { orgId, gId } });
    expect(deleted.body).toEqual({ id: gId, deleted: true });
    expect(await db.groupMember.count({ where: { groupId: gId } })).toBe(0);
    expect(await db.collectionGroupAccess.count({ where: { groupId: gId } })).toBe(0);
    expect((await eventsOf("GROUP_DELETED"))[0]).toMatchObject({ targetId: gId, details: { memberCount: 2, collectionCount: 1 } });
  });

  it("refuses duplicate names (409), and members or collections of another organization (400)", async () => {
    const w = await orgWorld();
    const other = await orgWorld();
    const orgId = w.organization.id;
    const dup = await call(groups.POST, "POST", path, { as: w.owner, params: { orgId }, body: { name: "Finance" } });
    expect(dup.status).toBe(409);
    const foreignMember = await call(groups.POST, "POST", path, { as: w.owner, params: { orgId }, body: { name: "X", memberIds: [other.user.member.id] } });
    expect(foreignMember.status).toBe(400);
    expect(foreignMember.body.error.fields).toEqual({ memberIds: `Unknown member: ${other.user.member.id}` });
    const foreignCollection = await call(group.PATCH, "PATCH", path, { as: w.owner, params: { orgId, gId: w.group.id }, body: { collections: [{ collectionId: other.shared.id, permission: "VIEW" }] } });
    expect(foreignCollection.status).toBe(400);
    const bad = await call(groups.POST, "POST", path, { as: w.owner, params: { orgId }, body: { name: "", memberIds: ["nope"] } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["memberIds.0", "name"]);
    expect(await db.group.count({ where: { organizationId: orgId } })).toBe(1);
    expect(await eventsOf("GROUP_CREATED")).toHaveLength(0);
  });
});

describe("collections", () => {
  it("creates a collection with member and group access in every permission, edits the lists, and logs before/after", async () => {
    const w = await orgWorld();
    const orgId = w.organization.id;
    const extra = await Promise.all(["VIEW_EXCEPT_PASSWORDS", "EDIT", "EDIT_EXCEPT_PASSWORDS"].map((p) => memberOf(orgId, "USER", "CONFIRMED", p)));
    const members = [
      { memberId: w.user.member.id, permission: "VIEW" },
      ...extra.map((m, i) => ({ memberId: m.member.id, permission: ["VIEW_EXCEPT_PASSWORDS", "EDIT", "EDIT_EXCEPT_PASSWORDS"][i] })),
    ];
    const res = await call(collections.POST, "POST", path, { as: w.providerAdmin, params: { orgId }, body: { name: "Infrastructure/Servers", members, groups: [{ groupId: w.group.id, permission: "MANAGE" }] } });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ name: "Infrastructure/Servers", isDefault: false, memberCount: 4, groupCount: 1, groups: [{ groupId: w.group.id, name: "Finance", permission: "MANAGE" }] });
    expect(res.body.members.map((m: any) => m.permission).sort()).toEqual(["EDIT", "EDIT_EXCEPT_PASSWORDS", "VIEW", "VIEW_EXCEPT_PASSWORDS"]);
    const cId = res.body.id;
    expect((await eventsOf("COLLECTION_CREATED"))[0]).toMatchObject({ targetId: cId, actingProviderId: w.provider.id });

    const edit = await call(collection.PATCH, "PATCH", path, { as: w.admin.user, params: { orgId, cId }, body: { name: "Servers", members: [{ memberId: w.user.member.id, permission: "EDIT" }], groups: [] } });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ name: "Servers", memberCount: 1, groupCount: 0, members: [{ memberId: w.user.member.id, permission: "EDIT" }] });
    const [updated] = await eventsOf("COLLECTION_UPDATED");
    expect(updated!.details).toMatchObject({
      name: { from: "Infrastructure/Servers", to: "Servers" },
      members: { from: expect.arrayContaining([{ id: w.user.member.id, permission: "VIEW" }]), to: [{ id: w.user.member.id, permission: "EDIT" }] },
      groups: { from: [{ id: w.group.id, permission: "MANAGE" }], to: [] },
    });
    const detail = await call(collection.GET, "GET", path, { as: w.owner, params: { orgId, cId } });
    expect(detail.body.members).toEqual([expect.objectContaining({ memberId: w.user.member.id, email: w.user.member.email, permission: "EDIT" })]);
  });

  it("validates access lists: known permissions, no duplicates, only this organization's members and groups", async () => {
    const w = await orgWorld();
    const other = await orgWorld();
    const orgId = w.organization.id;
    const cases = [
      { body: { name: "A", members: [{ memberId: w.user.member.id, permission: "ADMIN" }] }, status: 400, field: "members.0.permission" },
      { body: { name: "A", members: [{ memberId: w.user.member.id, permission: "VIEW" }, { memberId: w.user.member.id, permission: "EDIT" }] }, status: 400, field: "members" },
      { body: { name: "A", groups: [{ groupId: other.group.id, permission: "VIEW" }] }, status: 400, field: "groups" },
      { body: { name: "Shared" }, status: 409 },
      { body: { name: "x".repeat(201) }, status: 400, field: "name" },
    ];
    for (const c of cases) {
      const res = await call(collections.POST, "POST", path, { as: w.owner, params: { orgId }, body: c.body });
      expect(res.status, JSON.stringify(c.body).slice(0, 80)).toBe(c.status);
      if (c.field) expect(Object.keys(res.body.error.fields)).toContain(c.field);
    }
    expect(await db.collection.count({ where: { organizationId: orgId } })).toBe(2);
  });

  it("keeps the default collection (422 on delete, renaming allowed) and keeps a deleted collection's items in the organization", async () => {
    const w = await orgWorld();
    const orgId = w.organization.id;
    const refuse = await call(collection.DELETE, "DELETE", path, { as: w.owner, params: { orgId, cId: w.defaultCollection.id } });
    expect(refuse.status).toBe(422);
    expect(refuse.body.error.code).toBe("default_collection");
    const rename = await call(collection.PATCH, "PATCH", path, { as: w.owner, params: { orgId, cId: w.defaultCollection.id }, body: { name: "Everyone" } });
    expect(rename.body).toMatchObject({ name: "Everyone", isDefault: true });
    await addItem(orgId, { name: "Second", collectionIds: [w.shared.id], secret: secretOf() });
    const del = await call(collection.DELETE, "DELETE", path, { as: w.owner, params: { orgId, cId: w.shared.id } });
    expect(del.status).toBe(200);
    expect(await db.vaultItem.count({ where: { organizationId: orgId } })).toBe(2);
    expect((await eventsOf("COLLECTION_DELETED"))[0]).toMatchObject({ targetName: "Shared", details: { itemCount: 2 } });
    const list = await call(collections.GET, "GET", path, { as: w.owner, params: { orgId } });
    expect(list.body.data).toEqual([expect.objectContaining({ name: "Everyone", isDefault: true, itemCount: 0 })]);
  });
});
