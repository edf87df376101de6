// Organization members: invitations and the seat limit, confirmation, roles, revoke/restore,
// removal, re-invitation, bulk actions and the "always a confirmed Owner" rule — including races.
import { describe, expect, it } from "vitest";
import * as members from "@/app/api/v1/organizations/[orgId]/members/route";
import * as bulkConfirm from "@/app/api/v1/organizations/[orgId]/members/confirm/route";
import * as bulkRevoke from "@/app/api/v1/organizations/[orgId]/members/revoke/route";
import * as bulkRestore from "@/app/api/v1/organizations/[orgId]/members/restore/route";
import * as bulkReinvite from "@/app/api/v1/organizations/[orgId]/members/reinvite/route";
import * as member from "@/app/api/v1/organizations/[orgId]/members/[mId]/route";
import * as confirm from "@/app/api/v1/organizations/[orgId]/members/[mId]/confirm/route";
import * as revoke from "@/app/api/v1/organizations/[orgId]/members/[mId]/revoke/route";
import * as restore from "@/app/api/v1/organizations/[orgId]/members/[mId]/restore/route";
import * as reinvite from "@/app/api/v1/organizations/[orgId]/members/[mId]/reinvite/route";
import { hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import { addMember, createOrganization, createProvider, createUser } from "../support/factories";
import { eventsOf } from "../support/events";
import { call } from "../support/http";
import { addCollection, dump, grantCollection, mailsTo, memberOf, orgWorld } from "./support";

const path = "/api/v1/organizations/x/members";
const occupied = async (id: string) => (await db.organization.findUniqueOrThrow({ where: { id }, select: { occupiedSeats: true } })).occupiedSeats;

describe("inviting members", () => {
  it("invites several people at once: INVITED rows with hashed tokens, one mail each with the accept link, one event each", async () => {
    const w = await orgWorld();
    const res = await call(members.POST, "POST", path, {
      as: w.owner,
      params: { orgId: w.organization.id },
      body: { emails: "Nora@Example.test, liam@example.test\nnora@example.test", role: "ADMIN" },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.results).toEqual([
      { email: "nora@example.test", result: "invited", memberId: expect.any(String), mailSent: true },
      { email: "liam@example.test", result: "invited", memberId: expect.any(String), mailSent: true },
    ]);
    const nora = await db.organizationMember.findUniqueOrThrow({ where: { id: res.body.results[0].memberId } });
    expect(nora).toMatchObject({ status: "INVITED", role: "ADMIN", userId: null, organizationId: w.organization.id });
    const [mail] = mailsTo("nora@example.test");
    const link = new URL(mail!.links[0]!);
    expect(link.pathname).toBe(`/invitations/organization/${w.organization.id}/${nora.id}`);
    const token = link.searchParams.get("token")!;
    expect(nora.inviteTokenHash).toBe(hashToken(token));
    expect(JSON.stringify(nora)).not.toContain(token);
    const hours = (nora.inviteExpiresAt!.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(119);
    expect(hours).toBeLessThanOrEqual(120);
    const events = await eventsOf("MEMBER_INVITED");
    expect(events.map((e) => e.targetName)).toEqual(["nora@example.test", "liam@example.test"]);
    expect(events[0]).toMatchObject({ organizationId: w.organization.id, actorUserId: w.owner.id, actingProviderId: null, details: expect.objectContaining({ role: "ADMIN" }) });
    expect(dump(events)).not.toContain(token);
  });

  it("logs a provider member's invitation with the provider's id", async () => {
    const w = await orgWorld();
    const res = await call(members.POST, "POST", path, { as: w.serviceUser, params: { orgId: w.organization.id }, body: { emails: ["via@example.test"], role: "USER" } });
    expect(res.status).toBe(201);
    const [event] = await eventsOf("MEMBER_INVITED");
    expect(event).toMatchObject({ actorUserId: w.serviceUser.id, actingProviderId: w.provider.id, providerId: w.provider.id });
  });

  it("skips addresses that are already members and refuses when every address is one (409)", async () => {
    const w = await orgWorld();
    const res = await call(members.POST, "POST", path, { as: w.owner, params: { orgId: w.organization.id }, body: { emails: [w.target.user.email, "fresh@example.test"], role: "USER" } });
    expect(res.status).toBe(201);
    expect(res.body.results).toEqual([
      { email: w.target.user.email, result: "already_member", memberId: w.target.member.id, status: "CONFIRMED" },
      expect.objectContaining({ email: "fresh@example.test", result: "invited" }),
    ]);
    const again = await call(members.POST, "POST", path, { as: w.owner, params: { orgId: w.organization.id }, body: { emails: [w.revoked.user.email], role: "USER" } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("already_member");
  });

  it("answers 400 with fields for bad addresses or roles, and writes nothing", async () => {
    const w = await orgWorld();
    const before = await db.organizationMember.count();
    const res = await call(members.POST, "POST", path, { as: w.owner, params: { orgId: w.organization.id }, body: { emails: ["ok@example.test", "not-an-email"], role: "BOSS" } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toMatchObject({ "emails.1": expect.any(String), role: expect.any(String) });
    const none = await call(members.POST, "POST", path, { as: w.owner, params: { orgId: w.organization.id }, body: { emails: "", role: "USER" } });
    expect(none.status).toBe(400);
    expect(await db.organizationMember.count()).toBe(before);
  });

  it("lets only owners and provider members invite Owners", async () => {
    const w = await orgWorld();
    const byAdmin = await call(members.POST, "POST", path, { as: w.admin.user, params: { orgId: w.organization.id }, body: { emails: ["boss@example.test"], role: "OWNER" } });
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.body.error.code).toBe("owner_required");
    for (const as of [w.owner, w.providerAdmin]) {
      const res = await call(members.POST, "POST", path, { as, params: { orgId: w.organization.id }, body: { emails: [`owner-${as.id}@example.test`], role: "OWNER" } });
      expect(res.status).toBe(201);
    }
  });
});

describe("the seat limit (invited + accepted + confirmed ≤ seats)", () => {
  it("counts every member but revoked ones, fills up exactly, and refuses one more with 422 naming the numbers", async () => {
    const { organization, owner } = await createOrganization({ seats: 4 });
    await memberOf(organization.id, "USER", "ACCEPTED");
    await memberOf(organization.id, "USER", "REVOKED");
    expect(await occupied(organization.id)).toBe(2);
    const tooMany = await call(members.POST, "POST", path, { as: owner, params: { orgId: organization.id }, body: { emails: ["a@example.test", "b@example.test", "c@example.test"], role: "USER" } });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error).toMatchObject({ code: "seat_limit", message: expect.stringContaining("2 of 4 seats are taken") });
    expect(await db.organizationMember.count({ where: { organizationId: organization.id } })).toBe(3);
    expect(await eventsOf("MEMBER_INVITED")).toHaveLength(0);
    const fits = await call(members.POST, "POST", path, { as: owner, params: { orgId: organization.id }, body: { emails: ["a@example.test", "b@example.test"], role: "USER" } });
    expect(fits.status).toBe(201);
    expect(fits.body.seats).toEqual({ total: 4, occupied: 4 });
    const oneMore = await call(members.POST, "POST", path, { as: owner, params: { orgId: organization.id }, body: { emails: ["c@example.test"], role: "USER" } });
    expect(oneMore.status).toBe(422);
  });

  it("holds under concurrent invitations: with one seat left, exactly one of several racing invites wins", async () => {
    const { organization, owner } = await createOrganization({ seats: 3 });
    await memberOf(organization.id, "USER", "CONFIRMED");
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        call(members.POST, "POST", path, { as: owner, params: { orgId: organization.id }, body: { emails: [`racer${i}@example.test`], role: "USER" } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 422, 422, 422, 422]);
    expect(await occupied(organization.id)).toBe(3);
    expect(await db.organizationMember.count({ where: { organizationId: organization.id } })).toBe(3);
  });

  it("applies to restoring a revoked member too", async () => {
    const { organization, owner } = await createOrganization({ seats: 2 });
    const revoked = await memberOf(organization.id, "USER", "REVOKED");
    await memberOf(organization.id, "USER", "INVITED");
    const res = await call(restore.POST, "POST", path, { as: owner, params: { orgId: organization.id, mId: revoked.member.id } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("seat_limit");
    expect((await db.organizationMember.findUniqueOrThrow({ where: { id: revoked.member.id } })).status).toBe("REVOKED");
  });
});

describe("confirming", () => {
  it("confirms only members who accepted, and logs MEMBER_CONFIRMED", async () => {
    const w = await orgWorld();
    const notYet = await call(confirm.POST, "POST", path, { as: w.owner, params: { orgId: w.organization.id, mId: w.invited.member.id } });
    expect(notYet.status).toBe(422);
    expect(notYet.body.error).toMatchObject({ code: "not_accepted", message: expect.stringContaining("has not accepted") });
    const ok = await call(confirm.POST, "POST", path, { as: w.admin.user, params: { orgId: w.organization.id, mId: w.accepted.member.id } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: w.accepted.member.id, status: "CONFIRMED" });
    const [event] = await eventsOf("MEMBER_CONFIRMED");
    expect(event).toMatchObject({ targetId: w.accepted.member.id, actorUserId: w.admin.user.id });
    const twice = await call(confirm.POST, "POST", path, { as: w.owner, params: { orgId: w.organization.id, mId: w.accepted.member.id } });
    expect(twice.status).toBe(422);
  });

  it("confirms in bulk with a result per member", async () => {
    const w = await orgWorld();
    const second = await memberOf(w.organization.id, "ADMIN", "ACCEPTED");
    const res = await call(bulkConfirm.POST, "POST", path, {
      as: w.owner,
      params: { orgId: w.organization.id },
      body: { ids: [w.accepted.member.id, w.invited.member.id, second.member.id, w.otherOwner.id] },
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: any) => [r.id, r.ok, r.error?.code])).toEqual([
      [w.accepted.member.id, true, undefined],
      [w.invited.member.id, false, "not_accepted"],
      [second.member.id, true, undefined],
      [w.otherOwner.id, false, "not_found"],
    ]);
    expect(await eventsOf("MEMBER_CONFIRMED")).toHaveLength(2);
  });
});

describe("roles and owners", () => {
  it("changes a role and logs the old and new role", async () => {
    const w = await orgWorld();
    const res = await call(member.PATCH, "PATCH", path, { as: w.admin.user, params: { orgId: w.organization.id, mId: w.target.member.id }, body: { role: "ADMIN" } });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe("ADMIN");
    const [event] = await eventsOf("MEMBER_UPDATED");
    expect(event!.details).toEqual({ before: { role: "USER" }, after: { role: "ADMIN" } });
  });

  it("does not let admins promote to Owner or touch an Owner", async () => {
    const w = await orgWorld();
    const second = await memberOf(w.organization.id, "OWNER", "CONFIRMED");
    const promote = await call(member.PATCH, "PATCH", path, { as: w.admin.user, params: { orgId: w.organization.id, mId: w.target.member.id }, body: { role: "OWNER" } });
    expect(promote.status).toBe(403);
    const demote = await call(member.PATCH, "PATCH", path, { as: w.admin.user, params: { orgId: w.organization.id, mId: second.member.id }, body: { role: "USER" } });
    expect(demote.status).toBe(403);
    for (const route of [revoke.POST, member.DELETE]) {
      const res = await call(route, route === member.DELETE ? "DELETE" : "POST", path, { as: w.admin.user, params: { orgId: w.organization.id, mId: second.member.id } });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("owner_required");
    }
    const byProvider = await call(member.PATCH, "PATCH", path, { as: w.providerAdmin, params: { orgId: w.organization.id, mId: second.member.id }, body: { role: "ADMIN" } });
    expect(byProvider.status).toBe(200);
  });

  it("refuses to demote, revoke or remove the last confirmed Owner (409), even the provider", async () => {
    const w = await orgWorld();
    const mId = w.ownerMembership.id;
    const demote = await call(member.PATCH, "PATCH", path, { as: w.providerAdmin, params: { orgId: w.organization.id, mId }, body: { role: "ADMIN" } });
    expect(demote.status).toBe(409);
    expect(demote.body.error).toMatchObject({ code: "last_owner", message: expect.stringContaining("only confirmed owner") });
    expect((await call(revoke.POST, "POST", path, { as: w.providerAdmin, params: { orgId: w.organization.id, mId } })).status).toBe(409);
    expect((await call(member.DELETE, "DELETE", path, { as: w.serviceUser, params: { orgId: w.organization.id, mId } })).status).toBe(409);
    // An invited or accepted owner does not count: the confirmed one still cannot go.
    await memberOf(w.organization.id, "OWNER", "ACCEPTED");
    expect((await call(member.DELETE, "DELETE", path, { as: w.providerAdmin, params: { orgId: w.organization.id, mId } })).status).toBe(409);
    expect(await db.organizationMember.findUniqueOrThrow({ where: { id: mId } })).toMatchObject({ role: "OWNER", status: "CONFIRMED" });
    expect(await eventsOf("MEMBER_UPDATED")).toHaveLength(0);
  });

  it("keeps a confirmed Owner when two owners are demoted or removed at the same moment", async () => {
    for (const attempt of ["demote", "remove", "revoke"] as const) {
      const w = await orgWorld();
      const second = await memberOf(w.organization.id, "OWNER", "CONFIRMED");
      const ids = [w.ownerMembership.id, second.member.id];
      const results = await Promise.all(
        ids.map((mId) =>
          attempt === "demote"
            ? call(member.PATCH, "PATCH", path, { as: w.providerAdmin, params: { orgId: w.organization.id, mId }, body: { role: "USER" } })
            : attempt === "remove"
              ? call(member.DELETE, "DELETE", path, { as: w.providerAdmin, params: { orgId: w.organization.id, mId } })
              : call(revoke.POST, "POST", path, { as: w.providerAdmin, params: { orgId: w.organization.id, mId } }),
        ),
      );
      expect(results.map((r) => r.status).sort(), attempt).toEqual([200, 409]);
      expect(await db.organizationMember.count({ where: { organizationId: w.organization.id, role: "OWNER", status: "CONFIRMED" } }), attempt).toBe(1);
    }
  });

  it("refuses bulk removal of every owner member by member", async () => {
    const w = await orgWorld();
    const second = await memberOf(w.organization.id, "OWNER", "CONFIRMED");
    const res = await call(members.DELETE, "DELETE", path, { as: w.providerAdmin, params: { orgId: w.organization.id }, body: { ids: [w.ownerMembership.id, second.member.id, w.target.member.id] } });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: any) => r.ok)).toEqual([true, false, true]);
    expect(res.body.results[1].error.code).toBe("last_owner");
    expect(await db.organizationMember.count({ where: { organizationId: w.organization.id, role: "OWNER", status: "CONFIRMED" } })).toBe(1);
  });
});

describe("revoking, restoring and removing", () => {
  it("revokes (freeing the seat) and restores to the status before revocation", async () => {
    const w = await orgWorld();
    const seats = await occupied(w.organization.id);
    const res = await call(revoke.POST, "POST", path, { as: w.owner, params: { orgId: w.organization.id, mId: w.accepted.member.id } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "REVOKED", statusBeforeRevoke: "ACCEPTED" });
    expect(await occupied(w.organization.id)).toBe(seats - 1);
    const back = await call(restore.POST, "POST", path, { as: w.owner, params: { orgId: w.organization.id, mId: w.accepted.member.id } });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: "ACCEPTED", statusBeforeRevoke: null });
    expect(await occupied(w.organization.id)).toBe(seats);
    expect((await eventsOf("MEMBER_REVOKED"))[0]!.details).toMatchObject({ previousStatus: "ACCEPTED" });
    expect((await eventsOf("MEMBER_RESTORED"))[0]!.details).toMatchObject({ status: "ACCEPTED" });
    const notRevoked = await call(restore.POST, "POST", path, { as: w.owner, params: { orgId: w.organization.id, mId: w.accepted.member.id } });
    expect(notRevoked.status).toBe(422);
  });

  it("kills a revoked invitation's link and sends a new one on restore", async () => {
    const w = await orgWorld();
    const email = w.invited.member.email;
    await call(reinvite.POST, "POST", path, { as: w.owner, params: { orgId: w.organization.id, mId: w.invited.member.id } });
    await call(revoke.POST, "POST", path, { as: w.owner, params: { orgId: w.organization.id, mId: w.invited.member.id } });
    expect((await db.organizationMember.findUniqueOrThrow({ where: { id: w.invited.member.id } })).inviteTokenHash).toBeNull();
    await call(restore.POST, "POST", path, { as: w.owner, params: { orgId: w.organization.id, mId: w.invited.member.id } });
    const restored = await db.organizationMember.findUniqueOrThrow({ where: { id: w.invited.member.id } });
    expect(restored.status).toBe("INVITED");
    const latest = mailsTo(email).at(-1)!;
    expect(restored.inviteTokenHash).toBe(hashToken(new URL(latest.links[0]!).searchParams.get("token")!));
  });

  it("does not let members revoke or remove themselves", async () => {
    const w = await orgWorld();
    const second = await memberOf(w.organization.id, "OWNER", "CONFIRMED");
    const self = await call(member.DELETE, "DELETE", path, { as: second.user, params: { orgId: w.organization.id, mId: second.member.id } });
    expect(self.status).toBe(422);
    expect(self.body.error.code).toBe("cannot_remove_self");
    const selfRevoke = await call(revoke.POST, "POST", path, { as: w.admin.user, params: { orgId: w.organization.id, mId: w.admin.member.id } });
    expect(selfRevoke.body.error.code).toBe("cannot_revoke_self");
  });

  it("removes a member with their group memberships and collection access, freeing the seat", async () => {
    const w = await orgWorld();
    const collection = await addCollection(w.organization.id, "Ops");
    await grantCollection(collection.id, { memberId: w.target.member.id }, "EDIT");
    const seats = await occupied(w.organization.id);
    const res = await call(member.DELETE, "DELETE", path, { as: w.admin.user, params: { orgId: w.organization.id, mId: w.target.member.id } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: w.target.member.id, removed: true });
    expect(await db.groupMember.count({ where: { memberId: w.target.member.id } })).toBe(0);
    expect(await db.collectionMemberAccess.count({ where: { memberId: w.target.member.id } })).toBe(0);
    expect(await occupied(w.organization.id)).toBe(seats - 1);
    const [event] = await eventsOf("MEMBER_REMOVED");
    expect(event).toMatchObject({ targetId: w.target.member.id, targetName: w.target.member.email, details: { role: "USER", status: "CONFIRMED" } });
  });

  it("bulk revokes and restores", async () => {
    const w = await orgWorld();
    const revoked = await call(bulkRevoke.POST, "POST", path, { as: w.owner, params: { orgId: w.organization.id }, body: { ids: [w.target.member.id, w.revoked.member.id] } });
    expect(revoked.body.results.map((r: any) => r.ok)).toEqual([true, false]);
    const restored = await call(bulkRestore.POST, "POST", path, { as: w.owner, params: { orgId: w.organization.id }, body: { ids: [w.target.member.id, w.revoked.member.id] } });
    expect(restored.body.results.map((r: any) => [r.ok, r.member?.status])).toEqual([
      [true, "CONFIRMED"],
      [true, "CONFIRMED"],
    ]);
  });
});

describe("re-inviting", () => {
  it("issues a new link (the old one stops working) and logs MEMBER_REINVITED; only for invited members", async () => {
    const w = await orgWorld();
    await call(reinvite.POST, "POST", path, { as: w.owner, params: { orgId: w.organization.id, mId: w.invited.member.id } });
    const first = await db.organizationMember.findUniqueOrThrow({ where: { id: w.invited.member.id } });
    const res = await call(bulkReinvite.POST, "POST", path, { as: w.admin.user, params: { orgId: w.organization.id }, body: { ids: [w.invited.member.id, w.target.member.id] } });
    expect(res.body.results.map((r: any) => [r.ok, r.error?.code])).toEqual([
      [true, undefined],
      [false, "not_invited"],
    ]);
    const second = await db.organizationMember.findUniqueOrThrow({ where: { id: w.invited.member.id } });
    expect(second.inviteTokenHash).not.toBe(first.inviteTokenHash);
    const mails = mailsTo(w.invited.member.email);
    expect(mails).toHaveLength(2);
    expect(second.inviteTokenHash).toBe(hashToken(new URL(mails[1]!.links[0]!).searchParams.get("token")!));
    expect(await eventsOf("MEMBER_REINVITED")).toHaveLength(2);
  });
});

describe("listing members", () => {
  it("searches by email or name, filters by status and role, pages by keyset, and sums seats and statuses", async () => {
    const { organization, owner } = await createOrganization({ seats: 100 });
    for (let i = 0; i < 23; i++) await addMember(organization.id, `person${String(i).padStart(2, "0")}@example.test`, i % 3 === 0 ? "ADMIN" : "USER", "INVITED");
    const named = await createUser({ name: "Zelda Quartermaine", email: "zq@example.test" });
    await addMember(organization.id, named, "USER", "CONFIRMED");
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await call(members.GET, "GET", path, { as: owner, params: { orgId: organization.id }, query: { limit: "10", ...(cursor ? { cursor } : {}) } });
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((m: any) => m.email));
      cursor = res.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(seen).toEqual([...seen].sort());
    const byName = await call(members.GET, "GET", path, { as: owner, params: { orgId: organization.id }, query: { q: "quarter" } });
    expect(byName.body.data.map((m: any) => m.email)).toEqual(["zq@example.test"]);
    expect(byName.body.data[0]).toMatchObject({ name: "Zelda Quartermaine", status: "CONFIRMED", twoFactorEnabled: false });
    const admins = await call(members.GET, "GET", path, { as: owner, params: { orgId: organization.id }, query: { role: "ADMIN", status: "INVITED" } });
    expect(admins.body.data).toHaveLength(8);
    expect(admins.body.summary).toEqual({ seats: 100, occupiedSeats: 25, byStatus: { INVITED: 23, ACCEPTED: 0, CONFIRMED: 2, REVOKED: 0 }, confirmedOwners: 1 });
    expect(JSON.stringify(admins.body)).not.toMatch(/token/i);
    const bad = await call(members.GET, "GET", path, { as: owner, params: { orgId: organization.id }, query: { cursor: "garbage", status: "SLEEPING" } });
    expect(bad.status).toBe(400);
  });

  it("shows a member only in their own organization", async () => {
    const { provider } = await createProvider();
    const a = await createOrganization({ providerId: provider.id });
    const b = await createOrganization({ providerId: provider.id });
    const res = await call(members.GET, "GET", path, { as: a.owner!, params: { orgId: a.organization.id } });
    expect(res.body.data.map((m: any) => m.id)).toEqual([a.ownerMembership!.id]);
    expect(res.body.data.map((m: any) => m.id)).not.toContain(b.ownerMembership!.id);
  });
});
