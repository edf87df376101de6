import { describe, expect, it } from "vitest";
import { POST as register } from "@/app/api/v1/auth/register/route";
import { GET as me } from "@/app/api/v1/me/route";
import { db } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { authenticate, SignInError } from "@/lib/services/accounts/authenticate";
import { addProviderUser, createOrganization, createProvider, createUser, TEST_PASSWORD } from "../support/factories";
import { eventsOf } from "../support/events";
import { call } from "../support/http";

const meta = { ip: "198.51.100.20", userAgent: "vitest" };

describe("POST /api/v1/auth/register", () => {
  it("creates an account (201), stores the email lower-cased and an argon2id hash, and logs USER_REGISTERED", async () => {
    const res = await call(register, "POST", "/api/v1/auth/register", { body: { email: "  New.Person@Example.TEST ", name: "New Person", password: "a-long-unusual-passphrase" } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), email: "new.person@example.test" });
    const user = await db.user.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(res.body)).not.toContain("argon2");
    const [event] = await eventsOf("USER_REGISTERED");
    expect(event).toMatchObject({ actorUserId: user.id, targetId: user.id, ip: "198.51.100.7" });
    expect(JSON.stringify(event!.details)).not.toContain("passphrase");
  });

  it("answers 409 when the email is taken, whatever its case", async () => {
    await createUser({ email: "taken@example.test" });
    const res = await call(register, "POST", "/api/v1/auth/register", { body: { email: "TAKEN@example.test", name: "X", password: "a-long-unusual-passphrase" } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("email_taken");
  });

  it("answers 400 with per-field messages for invalid input and 422 for a weak password", async () => {
    const invalid = await call(register, "POST", "/api/v1/auth/register", { body: { email: "not-an-email", password: "" } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({ code: "invalid_request", fields: { email: expect.any(String), name: expect.any(String), password: expect.any(String) } });
    const weak = await call(register, "POST", "/api/v1/auth/register", { body: { email: "weak@example.test", name: "W", password: "Password1234!" } });
    expect(weak.status).toBe(422);
    expect(weak.body.error.fields.password).toMatch(/too common/);
    expect(await db.user.count()).toBe(0);
  });

  it("answers 400 for malformed JSON and 415 for a non-JSON body", async () => {
    const malformed = await call(register, "POST", "/api/v1/auth/register", { rawBody: "{nope", headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("invalid_json");
    const form = await call(register, "POST", "/api/v1/auth/register", { rawBody: "email=a", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
  });
});

describe("GET /api/v1/me", () => {
  it("answers 401 without a session", async () => {
    const res = await call(me, "GET", "/api/v1/me");
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: "unauthorized", message: "Sign in to continue." } });
  });

  it("describes the user with their providers and organizations", async () => {
    const user = await createUser({ name: "Mia Member" });
    const { provider } = await createProvider({ name: "Acme MSP" });
    await addProviderUser(provider.id, user, "SERVICE_USER", "CONFIRMED");
    const { organization } = await createOrganization({ name: "Client Co", owner: user });
    const res = await call(me, "GET", "/api/v1/me", { as: user });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: user.id,
      email: user.email,
      name: "Mia Member",
      isStaff: false,
      providers: [{ id: provider.id, name: "Acme MSP", role: "SERVICE_USER", status: "CONFIRMED" }],
      organizations: [{ id: organization.id, name: "Client Co", role: "OWNER" }],
    });
  });

  it("ends the session at once when the session version is bumped or the user is deleted", async () => {
    const user = await createUser();
    expect((await call(me, "GET", "/api/v1/me", { as: user })).status).toBe(200);
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect((await call(me, "GET", "/api/v1/me", { as: user })).status).toBe(401);
    await db.user.delete({ where: { id: user.id } });
    expect((await call(me, "GET", "/api/v1/me", { as: { id: user.id, sessionVersion: 1 } })).status).toBe(401);
  });
});

describe("sign-in", () => {
  it("accepts the right password and records USER_LOGGED_IN with address and user agent", async () => {
    const user = await createUser({ email: "login@example.test" });
    const result = await authenticate({ email: "LOGIN@example.test", password: TEST_PASSWORD }, meta);
    expect(result).toMatchObject({ id: user.id, sessionVersion: 0 });
    const [event] = await eventsOf("USER_LOGGED_IN");
    expect(event).toMatchObject({ actorUserId: user.id, ip: meta.ip, userAgent: "vitest", chainScope: `user:${user.id}` });
  });

  it("refuses a wrong password or unknown account and records USER_LOGIN_FAILED without the password", async () => {
    const user = await createUser({ email: "victim@example.test" });
    expect(await authenticate({ email: user.email, password: "wrong-password-123" }, meta)).toBeNull();
    expect(await authenticate({ email: "nobody@example.test", password: "wrong-password-123" }, meta)).toBeNull();
    const failures = await eventsOf("USER_LOGIN_FAILED");
    expect(failures.map((e) => e.details)).toEqual([
      { email: "victim@example.test", reason: "wrong_password" },
      { email: "nobody@example.test", reason: "unknown_account" },
    ]);
    expect(JSON.stringify(failures, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain("wrong-password-123");
  });

  it("is rate limited per account and address after LOGIN_RATE_LIMIT failures, even with the right password", async () => {
    process.env.LOGIN_RATE_LIMIT = "3";
    resetEnvCache();
    try {
      const user = await createUser({ email: "limited@example.test" });
      const limitedMeta = { ip: "198.51.100.99", userAgent: "vitest" };
      for (let i = 0; i < 3; i++) expect(await authenticate({ email: user.email, password: "nope-nope-nope" }, limitedMeta)).toBeNull();
      await expect(authenticate({ email: user.email, password: TEST_PASSWORD }, limitedMeta)).rejects.toThrow(SignInError);
      // Another address is not blocked by this one's failures.
      expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, { ...limitedMeta, ip: "198.51.100.100" })).not.toBeNull();
    } finally {
      delete process.env.LOGIN_RATE_LIMIT;
      resetEnvCache();
    }
  });
});
