// Provider people (PRODUCT.md rules 2 and 3): invite, re-invite, accept, confirm, change role,
// remove — and the last confirmed Provider Admin safety net, also under concurrent requests.
import { beforeEach, describe, expect, it } from "vitest";
import { GET as getProviderRoute } from "@/app/api/v1/providers/[id]/route";
import { DELETE as bulkRemoveRoute, GET as listRoute } from "@/app/api/v1/providers/[id]/users/route";
import { POST as inviteRoute } from "@/app/api/v1/providers/[id]/users/invite/route";
import { POST as bulkConfirmRoute } from "@/app/api/v1/providers/[id]/users/confirm/route";
import { POST as bulkReinviteRoute } from "@/app/api/v1/providers/[id]/users/reinvite/route";
import { DELETE as removeRoute, PATCH as patchRoute } from "@/app/api/v1/providers/[id]/users/[puId]/route";
import { POST as acceptRoute } from "@/app/api/v1/providers/[id]/users/[puId]/accept/route";
import { POST as confirmRoute } from "@/app/api/v1/providers/[id]/users/[puId]/confirm/route";
import { POST as reinviteRoute } from "@/app/api/v1/providers/[id]/users/[puId]/reinvite/route";
import { hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import { removeProviderUsers } from "@/lib/services/provider-users/remove-provider-users";
import { addProviderUser, createProvider, createUser, type TestUser } from "../support/factories";
import { eventsOf } from "../support/events";
import { call } from "../support/http";
import { clearOutbox, latestLink, mailsTo, membership, providerWithCast } from "./helpers";

beforeEach(() => clearOutbox());

const usersPath = (providerId: string, rest = "") => `/api/v1/providers/${providerId}/users${rest}`;

function invite(as: TestUser, providerId: string, body: unknown) {
  return call(inviteRoute, "POST", usersPath(providerId, "/invite"), { as, params: { id: providerId }, body });
}
function accept(as: TestUser | null, providerId: string, puId: string, token: string) {
  return call(acceptRoute, "POST", usersPath(providerId, `/${puId}/accept`), { as, params: { id: providerId, puId }, body: { token } });
}
function setRole(as: TestUser, providerId: string, puId: string, role: string) {
  return call(patchRoute, "PATCH", usersPath(providerId, `/${puId}`), { as, params: { id: providerId, puId }, body: { role } });
}
function remove(as: TestUser, providerId: string, puId: string) {
  return call(removeRoute, "DELETE", usersPath(providerId, `/${puId}`), { as, params: { id: providerId, puId } });
}

describe("listing people", () => {
  it("filters by status and role, searches email and name, and pages by email", async () => {
    const cast = await providerWithCast();
    const id = cast.provider.id;
    const list = (query: Record<string, string>) => call(listRoute, "GET", usersPath(id), { as: cast.admin, params: { id }, query });
    const all = await list({});
    expect(all.status).toBe(200);
    expect(all.body.data).toHaveLength(4);
    expect(all.body.data.find((m: any) => m.id === cast.adminMembership.id)).toEqual({
      id: cast.adminMembership.id,
      email: cast.admin.email,
      name: cast.admin.name,
      role: "PROVIDER_ADMIN",
      status: "CONFIRMED",
      userId: cast.admin.id,
      invitedAt: expect.any(String),
      inviteExpiresAt: null,
      twoFactorEnabled: false,
      clientAccess: { scoped: false, clients: 0 },
    });
    expect(all.body.data.find((m: any) => m.id === cast.invitedMembership.id)).toMatchObject({ name: null, userId: null, status: "INVITED" });
    expect((await list({ status: "ACCEPTED" })).body.data.map((m: any) => m.id)).toEqual([cast.acceptedMembership.id]);
    expect((await list({ role: "PROVIDER_ADMIN" })).body.data.map((m: any) => m.id)).toEqual([cast.adminMembership.id]);
    expect((await list({ q: "sam serv" })).body.data.map((m: any) => m.id)).toEqual([cast.serviceMembership.id]);
    expect((await list({ q: "INVITED-" })).body.data.map((m: any) => m.id)).toEqual([cast.invitedMembership.id]);
    const first = await list({ limit: "3" });
    const second = await list({ limit: "3", cursor: first.body.nextCursor });
    expect([...first.body.data, ...second.body.data].map((m: any) => m.email)).toEqual(all.body.data.map((m: any) => m.email));
    expect(second.body.nextCursor).toBeNull();
    expect((await list({ status: "REVOKED" })).status).toBe(400);
  });
});

describe("inviting", () => {
  it("invites many addresses at once, reporting invalid, repeated and existing ones per address", async () => {
    const cast = await providerWithCast("Acme MSP");
    const id = cast.provider.id;
    const res = await invite(cast.admin, id, {
      emails: `New.One@example.test, new-two@example.test\nnot-an-email; NEW.ONE@example.test ${cast.serviceUser.email}\n${cast.invitedMembership.email}`,
      role: "SERVICE_USER",
    });
    expect(res.status).toBe(201);
    expect(res.body.invited).toBe(2);
    expect(res.body.data).toEqual([
      { email: "new.one@example.test", result: "invited", id: expect.any(String), mailed: true },
      { email: "new-two@example.test", result: "invited", id: expect.any(String), mailed: true },
      { email: "not-an-email", result: "invalid", message: "Not a valid email address." },
      { email: "new.one@example.test", result: "duplicate", message: expect.any(String) },
      { email: cast.serviceUser.email, result: "already_member", message: expect.stringContaining("confirmed member") },
      { email: cast.invitedMembership.email, result: "already_member", message: expect.stringContaining("Re-invite") },
    ]);

    const created = await db.providerUser.findUniqueOrThrow({ where: { id: res.body.data[0].id } });
    expect(created).toMatchObject({ providerId: id, email: "new.one@example.test", role: "SERVICE_USER", status: "INVITED", userId: null });
    const mail = mailsTo("new.one@example.test");
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("Join Acme MSP on Provider Portal");
    const link = latestLink("new.one@example.test");
    expect(link.path).toBe(`/invitations/provider/${id}/${created.id}`);
    expect(created.inviteTokenHash).toBe(hashToken(link.token));
    expect(Math.abs(created.inviteExpiresAt!.getTime() - (Date.now() + 120 * 3_600_000))).toBeLessThan(60_000);

    const events = await eventsOf("PROVIDER_USER_INVITED");
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actorUserId: cast.admin.id, providerId: id, targetType: "PROVIDER_USER", targetId: created.id, targetName: created.email, details: { role: "SERVICE_USER" } });
  });

  it("answers 400 with fields for no addresses, an unknown role, or more than 200 addresses", async () => {
    const { provider, admin } = await createProvider();
    const empty = await invite(admin!, provider.id, { emails: " , ", role: "SERVICE_USER" });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.emails).toBeDefined();
    const badRole = await invite(admin!, provider.id, { emails: ["a@example.test"], role: "OWNER" });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error.fields.role).toBeDefined();
    const many = await invite(admin!, provider.id, { emails: Array.from({ length: 201 }, (_, i) => `p${i}@example.test`), role: "SERVICE_USER" });
    expect(many.status).toBe(400);
    expect(await db.providerUser.count()).toBe(1);
  });
});

describe("re-inviting", () => {
  it("sends a new link and kills the old one", async () => {
    const { provider, admin } = await createProvider();
    const res = await invite(admin!, provider.id, { emails: ["late@example.test"], role: "PROVIDER_ADMIN" });
    const puId = res.body.data[0].id;
    const oldToken = latestLink("late@example.test").token;
    const again = await call(reinviteRoute, "POST", usersPath(provider.id, `/${puId}/reinvite`), { as: admin!, params: { id: provider.id, puId } });
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual([{ id: puId, email: "late@example.test", mailed: true }]);
    const newToken = latestLink("late@example.test").token;
    expect(newToken).not.toBe(oldToken);
    const late = await createUser({ email: "late@example.test" });
    const old = await accept(late, provider.id, puId, oldToken);
    expect(old.status).toBe(410);
    expect(old.body.error.code).toBe("invitation_invalid");
    expect((await accept(late, provider.id, puId, newToken)).status).toBe(200);
    expect(await eventsOf("PROVIDER_USER_REINVITED")).toEqual([expect.objectContaining({ actorUserId: admin!.id, targetId: puId })]);
  });

  it("re-invites several at once, and refuses (422) anyone who already accepted, changing nothing", async () => {
    const cast = await providerWithCast();
    const id = cast.provider.id;
    const second = await addProviderUser(id, "second@example.test", "SERVICE_USER", "INVITED");
    const ok = await call(bulkReinviteRoute, "POST", usersPath(id, "/reinvite"), { as: cast.admin, params: { id }, body: { ids: [cast.invitedMembership.id, second.id] } });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toHaveLength(2);
    expect(mailsTo("second@example.test")).toHaveLength(1);
    const before = await db.providerUser.findMany({ orderBy: { id: "asc" } });
    const refused = await call(bulkReinviteRoute, "POST", usersPath(id, "/reinvite"), {
      as: cast.admin,
      params: { id },
      body: { ids: [second.id, cast.acceptedMembership.id] },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: "not_invited", message: expect.stringContaining(cast.accepted.email) });
    expect(await db.providerUser.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });
});

describe("accepting", () => {
  async function invited() {
    const { provider, admin } = await createProvider();
    const res = await invite(admin!, provider.id, { emails: ["joiner@example.test"], role: "SERVICE_USER" });
    return { provider, admin: admin!, puId: res.body.data[0].id as string, token: latestLink("joiner@example.test").token };
  }

  it("makes the invited user ACCEPTED (not yet allowed in) and logs it with the user as actor", async () => {
    const { provider, puId, token } = await invited();
    const joiner = await createUser({ email: "joiner@example.test" });
    const res = await accept(joiner, provider.id, puId, token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: puId, status: "ACCEPTED", providerId: provider.id });
    expect(await membership(puId)).toMatchObject({ status: "ACCEPTED", userId: joiner.id });
    expect(await eventsOf("PROVIDER_USER_ACCEPTED")).toEqual([expect.objectContaining({ actorUserId: joiner.id, providerId: provider.id, targetId: puId })]);
    const blocked = await call(getProviderRoute, "GET", `/api/v1/providers/${provider.id}`, { as: joiner, params: { id: provider.id } });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe("membership_pending");
  });

  it("refuses another account (403), a reused link (410), an expired one (410), a forged one (410) and another provider's membership id (404)", async () => {
    const { provider, puId, token } = await invited();
    const stranger = await createUser({ email: "stranger@example.test" });
    const wrong = await accept(stranger, provider.id, puId, token);
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toMatchObject({ code: "wrong_account", message: expect.stringContaining("joiner@example.test") });
    expect(await membership(puId)).toMatchObject({ status: "INVITED", userId: null });

    const joiner = await createUser({ email: "joiner@example.test" });
    const forged = await accept(joiner, provider.id, puId, "forged-token");
    expect(forged.status).toBe(410);
    expect(forged.body.error.code).toBe("invitation_invalid");

    await db.providerUser.update({ where: { id: puId }, data: { inviteExpiresAt: new Date(Date.now() - 1000) } });
    const expired = await accept(joiner, provider.id, puId, token);
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe("invitation_expired");
    await db.providerUser.update({ where: { id: puId }, data: { inviteExpiresAt: new Date(Date.now() + 60_000) } });

    expect((await accept(joiner, provider.id, puId, token)).status).toBe(200);
    const reused = await accept(joiner, provider.id, puId, token);
    expect(reused.status).toBe(410);
    expect(reused.body.error.code).toBe("invitation_used");

    const other = await createProvider();
    expect((await accept(joiner, other.provider.id, puId, token)).status).toBe(404);
    expect((await accept(null, provider.id, puId, token)).status).toBe(401);
    expect(await eventsOf("PROVIDER_USER_ACCEPTED")).toHaveLength(1);
  });
});

describe("confirming", () => {
  it("confirms an ACCEPTED member, who then has access, and mails them", async () => {
    const cast = await providerWithCast();
    const id = cast.provider.id;
    const puId = cast.acceptedMembership.id;
    const res = await call(confirmRoute, "POST", usersPath(id, `/${puId}/confirm`), { as: cast.admin, params: { id, puId } });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([expect.objectContaining({ id: puId, status: "CONFIRMED" })]);
    expect(await eventsOf("PROVIDER_USER_CONFIRMED")).toEqual([expect.objectContaining({ actorUserId: cast.admin.id, targetId: puId })]);
    expect(mailsTo(cast.accepted.email)[0]!.subject).toContain("You now have access");
    expect((await call(getProviderRoute, "GET", `/api/v1/providers/${id}`, { as: cast.accepted, params: { id } })).status).toBe(200);
  });

  it("refuses (422) to confirm anyone not ACCEPTED; a bulk confirm with one such member changes nothing", async () => {
    const cast = await providerWithCast();
    const id = cast.provider.id;
    for (const pu of [cast.invitedMembership, cast.serviceMembership]) {
      const res = await call(confirmRoute, "POST", usersPath(id, `/${pu.id}/confirm`), { as: cast.admin, params: { id, puId: pu.id } });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe("not_accepted");
    }
    const bulk = await call(bulkConfirmRoute, "POST", usersPath(id, "/confirm"), {
      as: cast.admin,
      params: { id },
      body: { ids: [cast.acceptedMembership.id, cast.invitedMembership.id] },
    });
    expect(bulk.status).toBe(422);
    expect(bulk.body.error.message).toContain(cast.invitedMembership.email);
    expect(await membership(cast.acceptedMembership.id)).toMatchObject({ status: "ACCEPTED" });
    expect(await eventsOf("PROVIDER_USER_CONFIRMED")).toHaveLength(0);
  });

  it("confirms several at once", async () => {
    const cast = await providerWithCast();
    const id = cast.provider.id;
    const another = await createUser();
    const anotherMembership = await addProviderUser(id, another, "PROVIDER_ADMIN", "ACCEPTED");
    const res = await call(bulkConfirmRoute, "POST", usersPath(id, "/confirm"), {
      as: cast.admin,
      params: { id },
      body: { ids: [cast.acceptedMembership.id, anotherMembership.id] },
    });
    expect(res.status).toBe(200);
    expect(await db.providerUser.count({ where: { providerId: id, status: "CONFIRMED" } })).toBe(4);
    expect(await eventsOf("PROVIDER_USER_CONFIRMED")).toHaveLength(2);
  });
});

describe("changing roles", () => {
  it("promotes and demotes with PROVIDER_USER_UPDATED naming old and new role; the same role is a no-op", async () => {
    const cast = await providerWithCast();
    const id = cast.provider.id;
    const puId = cast.serviceMembership.id;
    const res = await setRole(cast.admin, id, puId, "PROVIDER_ADMIN");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: puId, role: "PROVIDER_ADMIN" });
    expect(await eventsOf("PROVIDER_USER_UPDATED")).toEqual([
      expect.objectContaining({ actorUserId: cast.admin.id, targetId: puId, details: { oldRole: "SERVICE_USER", newRole: "PROVIDER_ADMIN", status: "CONFIRMED" } }),
    ]);
    expect((await setRole(cast.admin, id, puId, "PROVIDER_ADMIN")).status).toBe(200);
    expect(await eventsOf("PROVIDER_USER_UPDATED")).toHaveLength(1);
    expect((await setRole(cast.admin, id, puId, "BOSS")).status).toBe(400);
  });

  it("refuses (409) to demote the last confirmed Provider Admin, saying why and what to do", async () => {
    const cast = await providerWithCast();
    const id = cast.provider.id;
    const res = await setRole(cast.admin, id, cast.adminMembership.id, "SERVICE_USER");
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("last_admin");
    expect(res.body.error.message).toMatch(/at least one confirmed Provider Admin/);
    expect(res.body.error.message).toMatch(/Invite or promote another Provider Admin and confirm them first/);
    expect(await membership(cast.adminMembership.id)).toMatchObject({ role: "PROVIDER_ADMIN" });
    // An admin who has not been confirmed does not count: promoting the accepted member changes nothing.
    await setRole(cast.admin, id, cast.acceptedMembership.id, "PROVIDER_ADMIN");
    expect((await setRole(cast.admin, id, cast.adminMembership.id, "SERVICE_USER")).status).toBe(409);
    // With a second confirmed admin, an admin may step down.
    await setRole(cast.admin, id, cast.serviceMembership.id, "PROVIDER_ADMIN");
    expect((await setRole(cast.admin, id, cast.adminMembership.id, "SERVICE_USER")).status).toBe(200);
  });

  it("takes effect on the member's very next request", async () => {
    const cast = await providerWithCast();
    const id = cast.provider.id;
    const second = await createUser();
    const secondMembership = await addProviderUser(id, second, "PROVIDER_ADMIN", "CONFIRMED");
    const listAsSecond = () => call(listRoute, "GET", usersPath(id), { as: second, params: { id } });
    expect((await listAsSecond()).status).toBe(200);
    await setRole(cast.admin, id, secondMembership.id, "SERVICE_USER");
    expect((await listAsSecond()).status).toBe(403);
    await setRole(cast.admin, id, secondMembership.id, "PROVIDER_ADMIN");
    expect((await listAsSecond()).status).toBe(200);
  });
});

describe("removing", () => {
  it("removes a member (PROVIDER_USER_REMOVED), whose very next request no longer reaches the provider", async () => {
    const cast = await providerWithCast();
    const id = cast.provider.id;
    const get = () => call(getProviderRoute, "GET", `/api/v1/providers/${id}`, { as: cast.serviceUser, params: { id } });
    expect((await get()).status).toBe(200);
    const res = await remove(cast.admin, id, cast.serviceMembership.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ removed: [cast.serviceMembership.id] });
    expect(await membership(cast.serviceMembership.id)).toBeNull();
    expect((await get()).status).toBe(404);
    expect(await eventsOf("PROVIDER_USER_REMOVED")).toEqual([
      expect.objectContaining({ actorUserId: cast.admin.id, targetId: cast.serviceMembership.id, targetName: cast.serviceUser.email, details: { role: "SERVICE_USER", status: "CONFIRMED" } }),
    ]);
  });

  it("refuses (422) to remove yourself, also inside a bulk removal, changing nothing", async () => {
    const cast = await providerWithCast();
    const id = cast.provider.id;
    const self = await remove(cast.admin, id, cast.adminMembership.id);
    expect(self.status).toBe(422);
    expect(self.body.error).toMatchObject({ code: "cannot_remove_self", message: expect.stringContaining("Ask another Provider Admin") });
    const second = await createUser();
    await addProviderUser(id, second, "PROVIDER_ADMIN", "CONFIRMED");
    const bulk = await call(bulkRemoveRoute, "DELETE", usersPath(id), { as: cast.admin, params: { id }, body: { ids: [cast.invitedMembership.id, cast.adminMembership.id] } });
    expect(bulk.status).toBe(422);
    expect(await db.providerUser.count({ where: { providerId: id } })).toBe(5);
  });

  it("removes several at once, and a bulk removal naming another provider's member is a 404 that changes nothing", async () => {
    const cast = await providerWithCast();
    const id = cast.provider.id;
    const other = await providerWithCast();
    const crossed = await call(bulkRemoveRoute, "DELETE", usersPath(id), {
      as: cast.admin,
      params: { id },
      body: { ids: [cast.invitedMembership.id, other.serviceMembership.id] },
    });
    expect(crossed.status).toBe(404);
    expect(await db.providerUser.count()).toBe(8);
    const ok = await call(bulkRemoveRoute, "DELETE", usersPath(id), {
      as: cast.admin,
      params: { id },
      body: { ids: [cast.invitedMembership.id, cast.acceptedMembership.id] },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.removed).toHaveLength(2);
    expect(await eventsOf("PROVIDER_USER_REMOVED")).toHaveLength(2);
  });

  it("refuses (409) to remove the last confirmed Provider Admin", async () => {
    // Through the API only a confirmed admin removes people, and never themselves; the rule still holds
    // for any caller of the service (and under races, below).
    const cast = await providerWithCast();
    const staff = await createUser({ isStaff: true });
    const context = { actor: { userId: staff.id, name: staff.name, email: staff.email }, meta: { ip: null, userAgent: null } };
    await expect(removeProviderUsers(cast.provider.id, [cast.adminMembership.id], context)).rejects.toMatchObject({ status: 409, code: "last_admin" });
    expect(await membership(cast.adminMembership.id)).not.toBeNull();
  });
});

describe("the last admin under concurrent requests", () => {
  async function twoAdmins() {
    const { provider, admin, adminMembership } = await createProvider();
    const second = await createUser();
    const secondMembership = await addProviderUser(provider.id, second, "PROVIDER_ADMIN", "CONFIRMED");
    return { id: provider.id, a: { user: admin!, pu: adminMembership! }, b: { user: second, pu: secondMembership } };
  }
  const confirmedAdmins = (providerId: string) => db.providerUser.count({ where: { providerId, role: "PROVIDER_ADMIN", status: "CONFIRMED" } });

  it("two admins demoting each other at the same moment still leave one", async () => {
    for (let round = 0; round < 6; round++) {
      const { id, a, b } = await twoAdmins();
      const results = await Promise.all([setRole(a.user, id, b.pu.id, "SERVICE_USER"), setRole(b.user, id, a.pu.id, "SERVICE_USER")]);
      expect(await confirmedAdmins(id)).toBe(1);
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      // The loser either lost the race inside the lock (409) or was already demoted when its request arrived (403).
      expect(results.map((r) => r.status).filter((s) => s !== 200)[0]).toBeOneOf([409, 403]);
    }
  });

  it("two admins removing each other at the same moment still leave one", async () => {
    for (let round = 0; round < 6; round++) {
      const { id, a, b } = await twoAdmins();
      const results = await Promise.all([remove(a.user, id, b.pu.id), remove(b.user, id, a.pu.id)]);
      expect(await confirmedAdmins(id)).toBe(1);
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.map((r) => r.status).filter((s) => s !== 200)[0]).toBeOneOf([409, 404]);
    }
  });
});
