// The TWO_FACTOR_AUTHENTICATION organization policy: turning it on revokes the Users without
// two-step login (owners and admins exempt) in the same transaction, with events naming the reason
// and mail after the commit; while it is on, such members cannot be confirmed, restored, made Users
// or join; turning two-step login off revokes the memberships that require it.
import { describe, expect, it } from "vitest";
import * as me2fa from "@/app/api/v1/me/2fa/route";
import * as acceptRoute from "@/app/api/v1/organizations/[orgId]/members/[mId]/accept/route";
import * as confirmRoute from "@/app/api/v1/organizations/[orgId]/members/[mId]/confirm/route";
import * as restoreRoute from "@/app/api/v1/organizations/[orgId]/members/[mId]/restore/route";
import * as memberRoute from "@/app/api/v1/organizations/[orgId]/members/[mId]/route";
import * as bulkConfirmRoute from "@/app/api/v1/organizations/[orgId]/members/confirm/route";
import { SYSTEM_META } from "@/lib/actor";
import { hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/transaction";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";
import { writePolicy } from "@/lib/services/policies/policies";
import { codeAt, enrol, freezeClock } from "../account-security/support";
import { createOrganization, createUser } from "../support/factories";
import { eventsOf } from "../support/events";
import { call } from "../support/http";
import { mailsTo, orgWorld } from "../organizations/support";
import { member, putPolicy, withTwoFactor } from "./support";

const memberPath = "/api/v1/organizations/x/members/y";

async function statusOf(id: string) {
  return db.organizationMember.findUniqueOrThrow({ where: { id }, select: { status: true, statusBeforeRevoke: true } });
}

describe("turning the two-step login policy on", () => {
  it("revokes Users without two-step login, keeps owners, admins, enrolled and invited members, logs why and mails how to regain access", async () => {
    const w = await orgWorld();
    const enrolled = await member(w.organization.id, "USER", "CONFIRMED", { twoFactor: true });
    const adminWithout = w.admin; // an Admin without two-step login: exempt
    const seatsBefore = (await db.organization.findUniqueOrThrow({ where: { id: w.organization.id } })).occupiedSeats;

    const res = await putPolicy(w.providerAdmin, w.organization.id, "TWO_FACTOR_AUTHENTICATION", true);
    expect(res.status, res.text).toBe(200);
    const expectedRevoked = [w.user, w.target, w.accepted].map((m) => m.member);
    expect(res.body.revokedMembers.map((m: { id: string }) => m.id).sort()).toEqual(expectedRevoked.map((m) => m.id).sort());

    for (const m of expectedRevoked) expect(await statusOf(m.id)).toEqual({ status: "REVOKED", statusBeforeRevoke: m.status });
    for (const kept of [w.ownerMembership, adminWithout.member, enrolled.member, w.invited.member]) {
      expect((await statusOf(kept.id)).status).toBe(kept.status);
    }
    expect((await statusOf(w.revoked.member.id)).statusBeforeRevoke).toBe("CONFIRMED");
    expect((await db.organization.findUniqueOrThrow({ where: { id: w.organization.id } })).occupiedSeats).toBe(seatsBefore - 3);

    const revokedEvents = await eventsOf("MEMBER_REVOKED");
    expect(revokedEvents.map((e) => e.targetId).sort()).toEqual(expectedRevoked.map((m) => m.id).sort());
    for (const e of revokedEvents) {
      expect(e).toMatchObject({ organizationId: w.organization.id, actorUserId: w.providerAdmin.id, actingProviderId: w.provider.id });
      expect(e.details).toMatchObject({ role: "USER", reason: "two_factor_policy", cause: "policy_enabled" });
    }
    expect(await eventsOf("POLICY_UPDATED")).toHaveLength(1);

    for (const m of [w.user, w.target, w.accepted]) {
      const [mail] = mailsTo(m.user.email);
      expect(mail?.subject).toBe("Your access to Contoso was revoked: two-step login required");
      expect(mail?.text).toMatch(/turn on two-step login in your account settings/);
      expect(mail?.text).toMatch(/ask an owner or admin of the organization to restore your access/);
      expect(mail?.links).toEqual(["http://localhost:3000/account"]);
    }
    for (const other of [w.owner, adminWithout.user, enrolled.user]) expect(mailsTo(other.email)).toHaveLength(0);
  });

  it("revokes nobody when saved again while on, and restores nobody when turned off", async () => {
    const w = await orgWorld();
    await putPolicy(w.owner, w.organization.id, "TWO_FACTOR_AUTHENTICATION", true);
    const again = await putPolicy(w.owner, w.organization.id, "TWO_FACTOR_AUTHENTICATION", true);
    expect(again.body.revokedMembers).toEqual([]);
    const off = await putPolicy(w.owner, w.organization.id, "TWO_FACTOR_AUTHENTICATION", false);
    expect(off.body.revokedMembers).toEqual([]);
    expect(await eventsOf("MEMBER_REVOKED")).toHaveLength(3);
    expect((await statusOf(w.user.member.id)).status).toBe("REVOKED");
  });

  it("enforces inside writePolicy, the write path policy templates share: revocations and mail only once the caller commits", async () => {
    const w = await orgWorld();
    const ctx = { actor: { userId: w.providerAdmin.id, name: w.providerAdmin.name, email: w.providerAdmin.email, actingProviderId: w.provider.id }, meta: SYSTEM_META };
    const input = { organizationId: w.organization.id, type: "TWO_FACTOR_AUTHENTICATION" as const, enabled: true, settings: {} };

    await expect(
      transaction(async (tx) => {
        await lockOrganization(tx, w.organization.id);
        const written = await writePolicy(tx, input, ctx);
        expect(written.revokedMembers).toHaveLength(3);
        throw new Error("the template run failed on another client");
      }),
    ).rejects.toThrow("another client");
    expect((await statusOf(w.user.member.id)).status).toBe("CONFIRMED");
    expect(await eventsOf("MEMBER_REVOKED")).toHaveLength(0);
    expect(mailsTo(w.user.user.email)).toHaveLength(0);

    await transaction(async (tx) => {
      await lockOrganization(tx, w.organization.id);
      await writePolicy(tx, input, ctx);
    });
    expect((await statusOf(w.user.member.id)).status).toBe("REVOKED");
    expect(mailsTo(w.user.user.email)).toHaveLength(1);
  });
});

describe("while the two-step login policy is on", () => {
  it("refuses to confirm a User without two-step login (422 naming the reason), and confirms once they enrol", async () => {
    const w = await orgWorld();
    await putPolicy(w.owner, w.organization.id, "TWO_FACTOR_AUTHENTICATION", true);
    const pending = await member(w.organization.id, "USER", "ACCEPTED");
    // Added after the policy went on (as data from before acceptance was checked would be).
    const confirm = () => call(confirmRoute.POST, "POST", `${memberPath}/confirm`, { as: w.owner, params: { orgId: w.organization.id, mId: pending.member.id } });
    const refused = await confirm();
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("two_factor_required");
    expect(refused.body.error.message).toMatch(/requires two-step login.*account settings/);
    expect((await statusOf(pending.member.id)).status).toBe("ACCEPTED");
    await withTwoFactor(pending.user);
    expect((await confirm()).status).toBe(200);
    expect((await statusOf(pending.member.id)).status).toBe("CONFIRMED");
  });

  it("confirms owners and admins without two-step login (exempt), and reports per member in bulk", async () => {
    const w = await orgWorld();
    await putPolicy(w.owner, w.organization.id, "TWO_FACTOR_AUTHENTICATION", true);
    const admin = await member(w.organization.id, "ADMIN", "ACCEPTED");
    const user = await member(w.organization.id, "USER", "ACCEPTED");
    const res = await call(bulkConfirmRoute.POST, "POST", "/api/v1/organizations/x/members/confirm", {
      as: w.providerAdmin,
      params: { orgId: w.organization.id },
      body: { ids: [admin.member.id, user.member.id] },
    });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      expect.objectContaining({ id: admin.member.id, ok: true }),
      expect.objectContaining({ id: user.member.id, ok: false, error: expect.objectContaining({ code: "two_factor_required" }) }),
    ]);
  });

  it("refuses to restore a User without two-step login until they enrol, then restores their previous status", async () => {
    const w = await orgWorld();
    await putPolicy(w.owner, w.organization.id, "TWO_FACTOR_AUTHENTICATION", true);
    const restore = () => call(restoreRoute.POST, "POST", `${memberPath}/restore`, { as: w.admin.user, params: { orgId: w.organization.id, mId: w.user.member.id } });
    const refused = await restore();
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("two_factor_required");
    expect((await statusOf(w.user.member.id)).status).toBe("REVOKED");
    await withTwoFactor(w.user.user);
    const restored = await restore();
    expect(restored.status, restored.text).toBe(200);
    expect((await statusOf(w.user.member.id)).status).toBe("CONFIRMED");
  });

  it("restores a revoked invitation (no account yet: checked when they accept)", async () => {
    const w = await orgWorld();
    const invited = await db.organizationMember.create({
      data: { organizationId: w.organization.id, email: "later@contoso.test", role: "USER", status: "REVOKED", statusBeforeRevoke: "INVITED" },
    });
    await putPolicy(w.owner, w.organization.id, "TWO_FACTOR_AUTHENTICATION", true);
    const res = await call(restoreRoute.POST, "POST", `${memberPath}/restore`, { as: w.owner, params: { orgId: w.organization.id, mId: invited.id } });
    expect(res.status).toBe(200);
    expect((await statusOf(invited.id)).status).toBe("INVITED");
  });

  it("refuses to make an admin without two-step login a User, but allows it with the policy off", async () => {
    const w = await orgWorld();
    const demote = () => call(memberRoute.PATCH, "PATCH", memberPath, { as: w.owner, params: { orgId: w.organization.id, mId: w.admin.member.id }, body: { role: "USER" } });
    await putPolicy(w.owner, w.organization.id, "TWO_FACTOR_AUTHENTICATION", true);
    const refused = await demote();
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("two_factor_required");
    await putPolicy(w.owner, w.organization.id, "TWO_FACTOR_AUTHENTICATION", false);
    expect((await demote()).status).toBe(200);
  });

  it("refuses an invited User without two-step login at acceptance, telling them to enrol; admins and enrolled Users join", async () => {
    const w = await orgWorld();
    await putPolicy(w.owner, w.organization.id, "TWO_FACTOR_AUTHENTICATION", true);
    const invite = async (role: "USER" | "ADMIN", email: string) =>
      db.organizationMember.create({
        data: { organizationId: w.organization.id, email, role, status: "INVITED", inviteTokenHash: hashToken(`token-${email}`), inviteExpiresAt: new Date(Date.now() + 3_600_000) },
      });
    const accept = (user: { id: string }, row: { id: string; email: string }) =>
      call(acceptRoute.POST, "POST", `${memberPath}/accept`, { as: user, params: { orgId: w.organization.id, mId: row.id }, body: { token: `token-${row.email}` } });

    const newUser = await createUser();
    const userInvite = await invite("USER", newUser.email);
    const refused = await accept(newUser, userInvite);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("two_factor_required");
    expect(refused.body.error.message).toBe("Contoso requires its members to use two-step login. Turn it on in your account settings, then open this invitation again to join.");
    expect((await statusOf(userInvite.id)).status).toBe("INVITED");
    expect(await eventsOf("MEMBER_ACCEPTED")).toHaveLength(0);
    await withTwoFactor(newUser);
    expect((await accept(newUser, userInvite)).status).toBe(200);

    const newAdmin = await createUser();
    const adminInvite = await invite("ADMIN", newAdmin.email);
    expect((await accept(newAdmin, adminInvite)).status).toBe(200);
  });
});

describe("turning two-step login off while an organization requires it", () => {
  it("revokes the memberships it covers in the same transaction, with events and mail, and says so", async () => {
    freezeClock();
    const user = await createUser({ name: "Pat Policy" });
    const { secret } = await enrol(user);
    const { organization: strict, owner: strictOwner } = await createOrganization({ name: "Strict Co" });
    const { organization: relaxed } = await createOrganization({ name: "Relaxed Co" });
    const { organization: adminOrg, owner: adminOrgOwner } = await createOrganization({ name: "Admin Co" });
    const inStrict = await member(strict.id, "USER", "CONFIRMED", { user });
    const inRelaxed = await member(relaxed.id, "USER", "CONFIRMED", { user });
    const asAdmin = await member(adminOrg.id, "ADMIN", "CONFIRMED", { user });
    await putPolicy(strictOwner!, strict.id, "TWO_FACTOR_AUTHENTICATION", true);
    await putPolicy(adminOrgOwner!, adminOrg.id, "TWO_FACTOR_AUTHENTICATION", true);

    const res = await call(me2fa.DELETE, "DELETE", "/api/v1/me/2fa", { as: user, body: { password: "Test-Password-Long-1", code: codeAt(secret, 1) } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ enabled: false, revokedFrom: [{ organizationId: strict.id, organizationName: "Strict Co" }] });

    expect(await statusOf(inStrict.member.id)).toEqual({ status: "REVOKED", statusBeforeRevoke: "CONFIRMED" });
    expect((await statusOf(inRelaxed.member.id)).status).toBe("CONFIRMED");
    expect((await statusOf(asAdmin.member.id)).status).toBe("CONFIRMED");
    const [event] = await eventsOf("MEMBER_REVOKED");
    expect(event).toMatchObject({ organizationId: strict.id, actorUserId: user.id, targetId: inStrict.member.id });
    expect(event!.details).toMatchObject({ reason: "two_factor_policy", cause: "two_factor_disabled" });
    expect(mailsTo(user.email).map((m) => m.subject)).toContain("Your access to Strict Co was revoked: two-step login required");
  });

  it("revokes nothing when the wrong code refuses turning it off", async () => {
    freezeClock();
    const user = await createUser();
    await enrol(user);
    const { organization, owner } = await createOrganization();
    const m = await member(organization.id, "USER", "CONFIRMED", { user });
    await putPolicy(owner!, organization.id, "TWO_FACTOR_AUTHENTICATION", true);
    const res = await call(me2fa.DELETE, "DELETE", "/api/v1/me/2fa", { as: user, body: { password: "Test-Password-Long-1", code: "000000" } });
    expect(res.status).toBe(422);
    expect((await statusOf(m.member.id)).status).toBe("CONFIRMED");
    expect(await eventsOf("MEMBER_REVOKED")).toHaveLength(0);
  });
});
