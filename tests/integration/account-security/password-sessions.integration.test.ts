import { describe, expect, it, vi } from "vitest";
import { POST as changePassword } from "@/app/api/v1/me/password/route";
import { GET as me } from "@/app/api/v1/me/route";
import { POST as signOutEverywhere } from "@/app/api/v1/me/sign-out-everywhere/route";
import { db } from "@/lib/db/client";
import { authenticate, SignInError } from "@/lib/services/accounts/authenticate";
import { eventsOf } from "../support/events";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { call } from "../support/http";
import { codeAt, enrol, freezeClock, mailsTo } from "./support";

const NEW_PASSWORD = "Granite-Lantern-Okapi-88";
const meta = { ip: "198.51.100.40", userAgent: "vitest" };

/** The cookie a Set-Cookie header sets, as a Cookie request header. */
function cookieFrom(setCookie: string | null): string {
  expect(setCookie).toBeTruthy();
  return setCookie!.split(";")[0]!;
}

describe("POST /api/v1/me/password", () => {
  it("changes the password, ends every other session, keeps this browser signed in, logs and mails", async () => {
    const user = await createUser({ email: "changer@example.test" });
    const bystander = await createUser();
    const res = await call(changePassword, "POST", "/api/v1/me/password", { as: user, body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(NEW_PASSWORD);

    // Any session issued before (another browser, or this one's old cookie) is gone.
    expect((await call(me, "GET", "/api/v1/me", { as: user })).status).toBe(401);
    // The browser that made the change got a new session cookie at the new version.
    const setCookie = res.headers.get("set-cookie");
    expect(setCookie).toMatch(/^next-auth\.session-token=[^;]+; Path=\/; Expires=.*; Max-Age=43200; HttpOnly; SameSite=Lax$/);
    const fresh = await call(me, "GET", "/api/v1/me", { headers: { cookie: cookieFrom(setCookie) } });
    expect(fresh.status).toBe(200);
    expect(fresh.body.id).toBe(user.id);
    // Other accounts are untouched.
    expect((await call(me, "GET", "/api/v1/me", { as: bystander })).status).toBe(200);

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.sessionVersion).toBe(1);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, meta)).toBeNull();
    expect(await authenticate({ email: user.email, password: NEW_PASSWORD }, meta)).toMatchObject({ id: user.id, sessionVersion: 1 });

    const [event] = await eventsOf("USER_PASSWORD_CHANGED");
    expect(event).toMatchObject({ actorUserId: user.id, targetId: user.id, details: { otherSessionsEnded: true } });
    expect(JSON.stringify(event!.details)).not.toContain(NEW_PASSWORD);
    const mail = mailsTo(user.email).find((m) => m.subject === "Your password was changed");
    expect(mail?.text).toContain("Every other session was signed out");
    expect(mail?.text).not.toContain(NEW_PASSWORD);
  });

  it("refuses a wrong current password (422), changing nothing", async () => {
    const user = await createUser();
    const res = await call(changePassword, "POST", "/api/v1/me/password", { as: user, body: { currentPassword: "not-the-password-9", newPassword: NEW_PASSWORD } });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: "invalid_password", fields: { currentPassword: "The password is incorrect." } });
    expect(res.headers.get("set-cookie")).toBeNull();
    expect((await call(me, "GET", "/api/v1/me", { as: user })).status).toBe(200);
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, meta)).not.toBeNull();
    expect(await eventsOf("USER_PASSWORD_CHANGED")).toEqual([]);
  });

  it.each([
    ["too short", "Short-1!", /at least 12/],
    ["common", "Password1234!", /too common/],
    ["containing the email", "weakling-is-my-name-7", /email address/],
    ["the current one", TEST_PASSWORD, /current password/],
  ])("refuses a new password that is %s (422 with the reason on newPassword)", async (_label, newPassword, reason) => {
    const user = await createUser({ email: `weakling@${Math.random().toString(36).slice(2, 8)}.example.test` });
    const res = await call(changePassword, "POST", "/api/v1/me/password", { as: user, body: { currentPassword: TEST_PASSWORD, newPassword } });
    expect(res.status).toBe(422);
    expect(res.body.error.fields.newPassword).toMatch(reason);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(0);
  });

  it("limits wrong current passwords per account (429 after 10), so a stolen session cannot search for the password", async () => {
    const user = await createUser();
    for (let i = 0; i < 10; i++) {
      const res = await call(changePassword, "POST", "/api/v1/me/password", { as: user, body: { currentPassword: `guess-number-${i}-xx`, newPassword: NEW_PASSWORD } });
      expect(res.status).toBe(422);
    }
    const blocked = await call(changePassword, "POST", "/api/v1/me/password", { as: user, body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, meta)).not.toBeNull();
  });

  it("keeps two-step login on: after a change, sign-in still needs a code", async () => {
    freezeClock();
    try {
      const user = await createUser();
      const { secret } = await enrol(user);
      const res = await call(changePassword, "POST", "/api/v1/me/password", { as: user, body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
      expect(res.status).toBe(200);
      await expect(authenticate({ email: user.email, password: NEW_PASSWORD }, meta)).rejects.toThrow(SignInError);
      expect(await authenticate({ email: user.email, password: NEW_PASSWORD, totp: codeAt(secret, 1) }, meta)).toMatchObject({ sessionVersion: 1 });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("POST /api/v1/me/sign-out-everywhere", () => {
  it("ends every session of the account, this one included, clears the cookie, and logs it", async () => {
    const user = await createUser();
    const bystander = await createUser();
    const res = await call(signOutEverywhere, "POST", "/api/v1/me/sign-out-everywhere", { as: user });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/^next-auth\.session-token=; Path=\/; .*Max-Age=0; HttpOnly; SameSite=Lax$/);
    expect((await call(me, "GET", "/api/v1/me", { as: user })).status).toBe(401);
    expect((await call(me, "GET", "/api/v1/me", { as: bystander })).status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
    const [event] = await eventsOf("USER_SIGNED_OUT_EVERYWHERE");
    expect(event).toMatchObject({ actorUserId: user.id, targetId: user.id, ip: "198.51.100.7" });
    // A new sign-in gets a session at the new version.
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, meta)).toMatchObject({ sessionVersion: 1 });
    expect((await call(me, "GET", "/api/v1/me", { as: { id: user.id, sessionVersion: 1 } })).status).toBe(200);
  });
});

describe("a stale session cannot act", () => {
  it("answers 401 to the account security routes once the session version moved on", async () => {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: 3 } });
    const res = await call(changePassword, "POST", "/api/v1/me/password", { as: user, body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
    expect(res.status).toBe(401);
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, meta)).not.toBeNull();
  });
});
