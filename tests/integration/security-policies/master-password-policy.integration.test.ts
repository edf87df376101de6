// The MASTER_PASSWORD organization policy: a member's password must meet the organization's rules
// when they join (accepting asks for the password; signing up from the invitation checks the new
// one) and whenever they change it, where the strictest rules of all their organizations apply.
// With "enforce at sign-in", a password that misses the rules must be changed before anything
// but the account pages works.
import { describe, expect, it } from "vitest";
import * as registerRoute from "@/app/api/v1/auth/register/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as passwordRoute from "@/app/api/v1/me/password/route";
import * as acceptRoute from "@/app/api/v1/organizations/[orgId]/members/[mId]/accept/route";
import * as organizationRoute from "@/app/api/v1/organizations/[orgId]/route";
import * as providerRoute from "@/app/api/v1/providers/[id]/route";
import { hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import { authenticate } from "@/lib/services/accounts/authenticate";
import { addProviderUser, createOrganization, createProvider, createUser, TEST_PASSWORD, type TestUser } from "../support/factories";
import { eventsOf } from "../support/events";
import { call } from "../support/http";
import { member, putPolicy } from "./support";

const meta = { ip: "198.51.100.7", userAgent: "vitest" };

async function organizationWithRules(name: string, settings: Record<string, unknown>, enabled = true) {
  const { organization, owner } = await createOrganization({ name });
  const res = await putPolicy(owner!, organization.id, "MASTER_PASSWORD", enabled, settings);
  expect(res.status, res.text).toBe(200);
  return { organization, owner: owner! };
}

async function invite(organizationId: string, email: string, role: "OWNER" | "ADMIN" | "USER" = "USER", expiresInMs = 3_600_000) {
  return db.organizationMember.create({
    data: { organizationId, email, role, status: "INVITED", inviteTokenHash: hashToken(`token-${email}`), inviteExpiresAt: new Date(Date.now() + expiresInMs) },
  });
}

const changePassword = (user: TestUser, newPassword: string) =>
  call(passwordRoute.POST, "POST", "/api/v1/me/password", { as: user, body: { currentPassword: TEST_PASSWORD, newPassword } });

describe("changing the password", () => {
  it("must meet the strictest combination of the rules of every organization the account belongs to", async () => {
    const user = await createUser({ name: "Morgan Member" });
    const a = await organizationWithRules("Alpha", { minLength: 16, requireUpper: true });
    const b = await organizationWithRules("Bravo", { minLength: 14, requireNumbers: true, requireSpecial: true });
    await member(a.organization.id, "USER", "CONFIRMED", { user });
    await member(b.organization.id, "USER", "ACCEPTED", { user });

    const both = await changePassword(user, "violet tractor quietly harbour");
    expect(both.status).toBe(422);
    expect(both.body.error.code).toBe("password_policy");
    expect(both.body.error.message).toBe(
      "This password does not meet the password rules of Alpha and Bravo: it needs an upper-case letter, a digit and a special character such as ! or #. Choose a password that meets every rule listed above the form.",
    );
    expect(both.body.error.fields.newPassword).toBe("Needs an upper-case letter, a digit and a special character such as ! or #.");

    const onlyBravo = await changePassword(user, "Violet tractor quietly harbour");
    expect(onlyBravo.status).toBe(422);
    expect(onlyBravo.body.error.message).toMatch(/^This password does not meet the password rules of Bravo: it needs a digit and a special character/);

    const tooShortForAlpha = await changePassword(user, "Vi0let tracto!!");
    expect(tooShortForAlpha.body.error.message).toMatch(/^This password does not meet the password rules of Alpha: it needs at least 16 characters\./);

    expect(await eventsOf("USER_PASSWORD_CHANGED")).toHaveLength(0);
    const ok = await changePassword(user, "Violet tractor quietly harbour 7!");
    expect(ok.status, ok.text).toBe(200);
    expect(await eventsOf("USER_PASSWORD_CHANGED")).toHaveLength(1);
  });

  it("applies the complexity score, ignores disabled policies and other people's organizations", async () => {
    const user = await createUser();
    const strict = await organizationWithRules("Scored", { minComplexity: 4 });
    await organizationWithRules("Elsewhere", { minLength: 40 });
    const off = await organizationWithRules("Switched Off", { minLength: 40 }, false);
    await member(strict.organization.id, "USER", "CONFIRMED", { user });
    await member(off.organization.id, "USER", "CONFIRMED", { user });
    const weak = await changePassword(user, "Dragon!Dragon!");
    expect(weak.status).toBe(422);
    expect(weak.body.error.message).toMatch(/the password rules of Scored: it needs a strength score of at least 4 of 4/);
    expect((await changePassword(user, "violet tractor quietly 1987 harbour")).status).toBe(200);
  });

  it("still applies while the membership is revoked (a restore would bring the account back)", async () => {
    const user = await createUser();
    const org = await organizationWithRules("Paused", { minLength: 31 });
    await member(org.organization.id, "USER", "REVOKED", { user });
    expect((await changePassword(user, "violet tractor quietly harbour")).status).toBe(422);
  });
});

describe("joining: accepting an invitation", () => {
  const accept = (user: TestUser, organizationId: string, memberId: string, email: string, password?: string) =>
    call(acceptRoute.POST, "POST", "/api/v1/organizations/x/members/y/accept", {
      as: user,
      params: { orgId: organizationId, mId: memberId },
      body: password === undefined ? { token: `token-${email}` } : { token: `token-${email}`, password },
    });

  it("asks for the password, checks it against the hash, then against the organization's rules, pointing to account settings", async () => {
    const user = await createUser();
    const { organization } = await organizationWithRules("Charlie", { minLength: 24, requireSpecial: true });
    const row = await invite(organization.id, user.email);

    const missing = await accept(user, organization.id, row.id, user.email);
    expect(missing.status).toBe(422);
    expect(missing.body.error).toMatchObject({ code: "password_required", fields: { password: "Enter your password." } });

    const wrong = await accept(user, organization.id, row.id, user.email, "not-my-password-at-all");
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe("invalid_password");

    const weak = await accept(user, organization.id, row.id, user.email, TEST_PASSWORD);
    expect(weak.status).toBe(422);
    expect(weak.body.error.code).toBe("password_policy");
    expect(weak.body.error.message).toBe(
      "This password does not meet the password rules of Charlie: it needs at least 24 characters. Change your password in your account settings to one that meets them, then open this invitation again.",
    );
    expect(JSON.stringify(weak.body)).not.toContain(TEST_PASSWORD);
    expect((await db.organizationMember.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("INVITED");
    expect(await eventsOf("MEMBER_ACCEPTED")).toHaveLength(0);

    const longer = "Test-Password-Long-1-and-then-some";
    expect((await changePassword(user, longer)).status).toBe(200);
    const renewed = { ...user, sessionVersion: user.sessionVersion + 1 };
    const ok = await accept(renewed, organization.id, row.id, user.email, longer);
    expect(ok.status, ok.text).toBe(200);
    expect((await db.organizationMember.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("ACCEPTED");
  });

  it("checks only the joining organization's rules, and needs no password where there are none", async () => {
    const user = await createUser();
    const strict = await organizationWithRules("Delta", { minLength: 40 });
    await member(strict.organization.id, "USER", "CONFIRMED", { user });
    const { organization: open } = await createOrganization({ name: "Echo" });
    const row = await invite(open.id, user.email);
    expect((await accept(user, open.id, row.id, user.email)).status).toBe(200);
  });
});

describe("joining: signing up from an invitation", () => {
  const register = (body: Record<string, unknown>) => call(registerRoute.POST, "POST", "/api/v1/auth/register", { body });

  it("refuses a password that misses the organization's rules and creates nothing", async () => {
    const { organization } = await organizationWithRules("Foxtrot", { minLength: 20, requireNumbers: true });
    const row = await invite(organization.id, "new.person@foxtrot.test");
    const res = await register({
      email: "new.person@foxtrot.test",
      name: "New Person",
      password: "violet tractor quietly",
      invitation: { organizationId: organization.id, memberId: row.id, token: "token-new.person@foxtrot.test" },
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: "password_policy", fields: { password: "Needs a digit." } });
    expect(await db.user.count({ where: { email: "new.person@foxtrot.test" } })).toBe(0);
    expect((await db.organizationMember.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("INVITED");
  });

  it("creates the account and accepts the invitation in one go", async () => {
    const { organization } = await organizationWithRules("Golf", { minLength: 20, requireNumbers: true });
    const row = await invite(organization.id, "joiner@golf.test", "ADMIN");
    const res = await register({
      email: "joiner@golf.test",
      name: "Jo Joiner",
      password: "violet tractor quietly 1987",
      invitation: { organizationId: organization.id, memberId: row.id, token: "token-joiner@golf.test" },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.invitation).toEqual({ joined: true, organizationId: organization.id, memberId: row.id });
    const joined = await db.organizationMember.findUniqueOrThrow({ where: { id: row.id } });
    expect(joined).toMatchObject({ status: "ACCEPTED", userId: res.body.id });
    expect((await eventsOf("MEMBER_ACCEPTED")).map((e) => e.actorUserId)).toEqual([res.body.id]);
  });

  it("creates the account without joining when the organization first needs two-step login, and says so", async () => {
    const { organization, owner } = await createOrganization({ name: "Hotel" });
    await putPolicy(owner!, organization.id, "TWO_FACTOR_AUTHENTICATION", true);
    const row = await invite(organization.id, "guest@hotel.test");
    const res = await register({
      email: "guest@hotel.test",
      name: "Guest",
      password: "violet tractor quietly 1987",
      invitation: { organizationId: organization.id, memberId: row.id, token: "token-guest@hotel.test" },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.invitation).toMatchObject({ joined: false, organizationId: organization.id, code: "two_factor_required" });
    expect(await db.user.count({ where: { email: "guest@hotel.test" } })).toBe(1);
    expect((await db.organizationMember.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("INVITED");
  });

  it.each([
    { case: "another address", email: "someone.else@india.test", expires: 3_600_000, status: 403, code: "wrong_account" },
    { case: "an expired invitation", email: "invitee@india.test", expires: -1000, status: 410, code: "invitation_expired" },
  ])("refuses the sign-up for $case and creates nothing", async ({ email, expires, status, code }) => {
    const { organization } = await createOrganization({ name: "India" });
    const row = await invite(organization.id, "invitee@india.test", "USER", expires);
    const res = await register({
      email,
      name: "Someone",
      password: "violet tractor quietly 1987",
      invitation: { organizationId: organization.id, memberId: row.id, token: "token-invitee@india.test" },
    });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe("enforced at sign-in", () => {
  it("requires a password change before anything but the account works, and a compliant new password lifts it", async () => {
    const user = await createUser();
    const { organization } = await organizationWithRules("Juliet", { minLength: 24, enforceOnLogin: true });
    await member(organization.id, "ADMIN", "CONFIRMED", { user });
    const { provider } = await createProvider({ name: "Kilo MSP" });
    await addProviderUser(provider.id, user, "SERVICE_USER", "CONFIRMED");

    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, meta)).not.toBeNull();
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordChangeRequired: true } })).toEqual({ passwordChangeRequired: true });
    const [login] = await eventsOf("USER_LOGGED_IN");
    expect(login!.details).toEqual({ passwordChangeRequired: true });

    for (const res of [
      await call(organizationRoute.GET, "GET", "/api/v1/organizations/x", { as: user, params: { orgId: organization.id } }),
      await call(providerRoute.GET, "GET", "/api/v1/providers/x", { as: user, params: { id: provider.id } }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("password_change_required");
    }
    expect((await call(meRoute.GET, "GET", "/api/v1/me", { as: user })).status).toBe(200);

    expect((await changePassword(user, "Test-Password-Long-1-and-then-some")).status).toBe(200);
    const renewed = { ...user, sessionVersion: user.sessionVersion + 1 };
    expect((await call(organizationRoute.GET, "GET", "/api/v1/organizations/x", { as: renewed, params: { orgId: organization.id } })).status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordChangeRequired).toBe(false);
  });

  it("leaves sign-in alone for rules not enforced at sign-in, and clears the mark once the rules are met", async () => {
    const user = await createUser();
    const { organization, owner } = await organizationWithRules("Lima", { minLength: 24 });
    await member(organization.id, "USER", "CONFIRMED", { user });
    await authenticate({ email: user.email, password: TEST_PASSWORD }, meta);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordChangeRequired).toBe(false);

    await putPolicy(owner, organization.id, "MASTER_PASSWORD", true, { minLength: 24, enforceOnLogin: true });
    await authenticate({ email: user.email, password: TEST_PASSWORD }, meta);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordChangeRequired).toBe(true);

    await putPolicy(owner, organization.id, "MASTER_PASSWORD", true, { minLength: 16, enforceOnLogin: true });
    await authenticate({ email: user.email, password: TEST_PASSWORD }, meta);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordChangeRequired).toBe(false);
  });
});
