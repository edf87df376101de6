// Provider onboarding by invitation (PRODUCT.md rule 1, API.md "Staff" and "Provider setup"): staff
// create a provider, the invited email redeems the single-use, expiring, hashed setup link.
import { beforeEach, describe, expect, it } from "vitest";
import { POST as createProviderRoute } from "@/app/api/v1/admin/providers/route";
import { POST as reissueRoute } from "@/app/api/v1/admin/providers/[id]/setup-invitation/route";
import { POST as setupRoute } from "@/app/api/v1/providers/[id]/setup/route";
import { hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { previewSetupLink } from "@/lib/services/providers/complete-provider-setup";
import { createProvider, createUser, type TestUser } from "../support/factories";
import { eventsOf } from "../support/events";
import { call } from "../support/http";
import { clearOutbox, latestLink, mailsTo } from "./helpers";

const SETUP = { name: "Fabrikam MSP", businessName: "Fabrikam Managed Services Ltd", billingEmail: "Billing@Fabrikam.test" };

async function invite(staff: TestUser, ownerEmail = "owner@fabrikam.test") {
  const res = await call(createProviderRoute, "POST", "/api/v1/admin/providers", { as: staff, body: { name: "Fabrikam", ownerEmail } });
  expect(res.status).toBe(201);
  return { providerId: res.body.id as string, token: latestLink(ownerEmail).token };
}

function setup(user: TestUser | null, providerId: string, body: Record<string, unknown>) {
  return call(setupRoute, "POST", `/api/v1/providers/${providerId}/setup`, { as: user, params: { id: providerId }, body });
}

/** Everything a refused redemption must leave untouched. */
async function snapshot(providerId: string) {
  return {
    provider: await db.provider.findUnique({ where: { id: providerId }, select: { name: true, status: true, businessName: true, billingEmail: true } }),
    members: await db.providerUser.count({ where: { providerId } }),
    invitations: await db.providerSetupInvitation.findMany({ where: { providerId }, select: { id: true, usedAt: true, revokedAt: true }, orderBy: { createdAt: "asc" } }),
    events: await db.event.count(),
  };
}

let staff: TestUser;
beforeEach(async () => {
  clearOutbox();
  staff = await createUser({ name: "Sam Staff", isStaff: true });
});

describe("issuing a provider invitation (staff)", () => {
  it("creates a PENDING provider (201) and mails a setup link whose token is random, long and stored only as a hash", async () => {
    const res = await call(createProviderRoute, "POST", "/api/v1/admin/providers", {
      as: staff,
      body: { name: " Fabrikam ", ownerEmail: "Owner@Fabrikam.TEST", type: "RESELLER" },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.any(String), status: "PENDING" });
    const provider = await db.provider.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(provider).toMatchObject({ name: "Fabrikam", type: "RESELLER", status: "PENDING", enabled: true });

    const [mail] = mailsTo("owner@fabrikam.test");
    expect(mail!.subject).toBe("Set up Fabrikam on Provider Portal");
    const { token, path } = latestLink("owner@fabrikam.test");
    expect(path).toBe(`/setup/${provider.id}`);
    // 32 random bytes, base64url: 256 bits.
    expect(Buffer.from(token, "base64url")).toHaveLength(32);

    const invitation = await db.providerSetupInvitation.findFirstOrThrow({ where: { providerId: provider.id } });
    expect(invitation).toMatchObject({ email: "owner@fabrikam.test", tokenHash: hashToken(token), usedAt: null, revokedAt: null, createdById: staff.id });
    const fiveDays = 120 * 3_600_000;
    expect(Math.abs(invitation.expiresAt.getTime() - (Date.now() + fiveDays))).toBeLessThan(60_000);

    const [event] = await eventsOf("PROVIDER_SETUP_INVITED");
    expect(event).toMatchObject({ actorUserId: staff.id, providerId: provider.id, targetId: provider.id, targetType: "PROVIDER" });
    expect(event!.details).toMatchObject({ email: "owner@fabrikam.test" });
    const stored = JSON.stringify([await db.providerSetupInvitation.findMany(), await db.event.findMany(), res.body], (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(stored).not.toContain(token);
  });

  it("takes the link lifetime from SETUP_TOKEN_TTL_HOURS", async () => {
    process.env.SETUP_TOKEN_TTL_HOURS = "2";
    resetEnvCache();
    try {
      const { providerId } = await invite(staff);
      const invitation = await db.providerSetupInvitation.findFirstOrThrow({ where: { providerId } });
      expect(Math.abs(invitation.expiresAt.getTime() - (Date.now() + 2 * 3_600_000))).toBeLessThan(60_000);
      expect(mailsTo("owner@fabrikam.test")[0]!.text).toContain("expires in 2 hours");
    } finally {
      delete process.env.SETUP_TOKEN_TTL_HOURS;
      resetEnvCache();
    }
  });

  it("answers 400 with fields for a missing name, a bad email or an unknown type, and creates nothing", async () => {
    const res = await call(createProviderRoute, "POST", "/api/v1/admin/providers", { as: staff, body: { name: "", ownerEmail: "nope", type: "CARTEL" } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(["name", "ownerEmail", "type"]);
    expect(await db.provider.count()).toBe(0);
  });
});

describe("completing the setup", () => {
  it("makes the provider ACTIVE with its details and the redeemer its first confirmed Provider Admin", async () => {
    const { providerId, token } = await invite(staff);
    const owner = await createUser({ email: "owner@fabrikam.test", name: "Olga Owner" });
    const res = await setup(owner, providerId, { token, ...SETUP });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: providerId, name: "Fabrikam MSP", status: "ACTIVE" });
    expect(await db.provider.findUniqueOrThrow({ where: { id: providerId } })).toMatchObject({
      name: "Fabrikam MSP",
      businessName: "Fabrikam Managed Services Ltd",
      billingEmail: "billing@fabrikam.test",
      status: "ACTIVE",
    });
    const members = await db.providerUser.findMany({ where: { providerId } });
    expect(members).toEqual([expect.objectContaining({ userId: owner.id, email: owner.email, role: "PROVIDER_ADMIN", status: "CONFIRMED" })]);
    expect((await db.providerSetupInvitation.findFirstOrThrow({ where: { providerId } })).usedAt).not.toBeNull();
    const [event] = await eventsOf("PROVIDER_SETUP_COMPLETED");
    expect(event).toMatchObject({ actorUserId: owner.id, providerId, targetId: providerId });
    expect(JSON.stringify(event!.details)).not.toContain(token);
  });

  it("works once: the same link again answers 410 and changes nothing", async () => {
    const { providerId, token } = await invite(staff);
    const owner = await createUser({ email: "owner@fabrikam.test" });
    expect((await setup(owner, providerId, { token, ...SETUP })).status).toBe(200);
    const before = await snapshot(providerId);
    const again = await setup(owner, providerId, { token, ...SETUP, name: "Hijacked" });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe("setup_link_used");
    expect(await snapshot(providerId)).toEqual(before);
  });

  it("refuses an expired link with 410 and changes nothing", async () => {
    const { providerId, token } = await invite(staff);
    await db.providerSetupInvitation.updateMany({ where: { providerId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const owner = await createUser({ email: "owner@fabrikam.test" });
    const before = await snapshot(providerId);
    const res = await setup(owner, providerId, { token, ...SETUP });
    expect(res.status).toBe(410);
    expect(res.body.error).toMatchObject({ code: "setup_link_expired", message: expect.stringMatching(/expired.*new one/) });
    expect(await snapshot(providerId)).toEqual(before);
    expect(before.provider!.status).toBe("PENDING");
  });

  it("refuses another account with 403, even a staff one, and changes nothing", async () => {
    const { providerId, token } = await invite(staff);
    const intruder = await createUser({ email: "someone-else@fabrikam.test" });
    const before = await snapshot(providerId);
    const res = await setup(intruder, providerId, { token, ...SETUP });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "wrong_account", message: expect.stringContaining("owner@fabrikam.test") });
    expect((await setup(staff, providerId, { token, ...SETUP })).status).toBe(403);
    expect(await snapshot(providerId)).toEqual(before);
  });

  it("refuses a forged token, or another provider's token, with 410 setup_link_invalid", async () => {
    const { providerId } = await invite(staff);
    const other = await invite(staff, "owner@other.test");
    const owner = await createUser({ email: "owner@fabrikam.test" });
    const before = await snapshot(providerId);
    const forged = await setup(owner, providerId, { token: "A".repeat(43), ...SETUP });
    expect(forged.status).toBe(410);
    expect(forged.body.error.code).toBe("setup_link_invalid");
    const crossed = await setup(owner, providerId, { token: other.token, ...SETUP });
    expect(crossed.status).toBe(410);
    expect(crossed.body.error.code).toBe("setup_link_invalid");
    expect(await snapshot(providerId)).toEqual(before);
  });

  it("answers 401 signed out, 404 for an unknown or malformed provider id, 400 for invalid fields", async () => {
    const { providerId, token } = await invite(staff);
    const owner = await createUser({ email: "owner@fabrikam.test" });
    expect((await setup(null, providerId, { token, ...SETUP })).status).toBe(401);
    expect((await setup(owner, "00000000-0000-4000-8000-000000000000", { token, ...SETUP })).status).toBe(404);
    expect((await setup(owner, "not-a-uuid", { token, ...SETUP })).status).toBe(404);
    const invalid = await setup(owner, providerId, { token, name: " ", billingEmail: "x" });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.error.fields).sort()).toEqual(["billingEmail", "name"]);
    expect((await db.provider.findUniqueOrThrow({ where: { id: providerId } })).status).toBe("PENDING");
  });

  it("refuses (422) while staff have disabled the pending provider", async () => {
    const { providerId, token } = await invite(staff);
    await db.provider.update({ where: { id: providerId }, data: { enabled: false } });
    const owner = await createUser({ email: "owner@fabrikam.test" });
    const res = await setup(owner, providerId, { token, ...SETUP });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("provider_disabled");
    expect(await db.providerUser.count()).toBe(0);
  });
});

describe("re-issuing the setup link", () => {
  it("kills the previous link (410 setup_link_revoked) and the new one works", async () => {
    const { providerId, token: oldToken } = await invite(staff);
    const res = await call(reissueRoute, "POST", `/api/v1/admin/providers/${providerId}/setup-invitation`, { as: staff, params: { id: providerId } });
    expect(res.status).toBe(200);
    expect(res.body.setupInvitation).toMatchObject({ email: "owner@fabrikam.test", mailed: true });
    expect(mailsTo("owner@fabrikam.test")).toHaveLength(2);
    const newToken = latestLink("owner@fabrikam.test").token;
    expect(newToken).not.toBe(oldToken);

    const owner = await createUser({ email: "owner@fabrikam.test" });
    const old = await setup(owner, providerId, { token: oldToken, ...SETUP });
    expect(old.status).toBe(410);
    expect(old.body.error.code).toBe("setup_link_revoked");
    expect((await setup(owner, providerId, { token: newToken, ...SETUP })).status).toBe(200);
    const invited = await eventsOf("PROVIDER_SETUP_INVITED");
    expect(invited.map((e) => (e.details as { reissued?: boolean }).reissued ?? false)).toEqual([false, true]);
  });

  it("can send the new link to a corrected address; only that address can redeem it", async () => {
    const { providerId } = await invite(staff, "typo@fabrikam.test");
    const res = await call(reissueRoute, "POST", `/api/v1/admin/providers/${providerId}/setup-invitation`, {
      as: staff,
      params: { id: providerId },
      body: { ownerEmail: "owner@fabrikam.test" },
    });
    expect(res.status).toBe(200);
    const { token } = latestLink("owner@fabrikam.test");
    const typo = await createUser({ email: "typo@fabrikam.test" });
    expect((await setup(typo, providerId, { token, ...SETUP })).status).toBe(403);
    const owner = await createUser({ email: "owner@fabrikam.test" });
    expect((await setup(owner, providerId, { token, ...SETUP })).status).toBe(200);
  });

  it("is refused (422) once the provider is set up, and 404 for an unknown provider", async () => {
    const { provider } = await createProvider();
    const res = await call(reissueRoute, "POST", `/api/v1/admin/providers/${provider.id}/setup-invitation`, { as: staff, params: { id: provider.id } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("setup_completed");
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await call(reissueRoute, "POST", `/api/v1/admin/providers/${unknown}/setup-invitation`, { as: staff, params: { id: unknown } })).status).toBe(404);
  });
});

describe("the setup page's link check", () => {
  it("tells valid, used, revoked, expired and forged links apart without revealing anything for a forged one", async () => {
    const { providerId, token } = await invite(staff);
    expect(await previewSetupLink(providerId, token)).toEqual({
      state: "valid",
      invitation: { email: "owner@fabrikam.test", providerName: "Fabrikam", providerType: "MSP" },
    });
    expect(await previewSetupLink(providerId, "forged")).toEqual({ state: "invalid", invitation: null });
    expect(await previewSetupLink(providerId, "")).toEqual({ state: "invalid", invitation: null });
    await db.providerSetupInvitation.updateMany({ where: { providerId }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await previewSetupLink(providerId, token)).state).toBe("expired");
    await db.providerSetupInvitation.updateMany({ where: { providerId }, data: { revokedAt: new Date() } });
    expect((await previewSetupLink(providerId, token)).state).toBe("revoked");
    await db.providerSetupInvitation.updateMany({ where: { providerId }, data: { usedAt: new Date() } });
    expect((await previewSetupLink(providerId, token)).state).toBe("used");
  });
});
