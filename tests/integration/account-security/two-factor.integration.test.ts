import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DELETE as disable2fa, GET as get2fa } from "@/app/api/v1/me/2fa/route";
import { POST as regenerate } from "@/app/api/v1/me/2fa/recovery-codes/route";
import { POST as startEnrolment } from "@/app/api/v1/me/2fa/totp/route";
import { POST as verifyEnrolment } from "@/app/api/v1/me/2fa/totp/verify/route";
import { GET as me } from "@/app/api/v1/me/route";
import { db } from "@/lib/db/client";
import { authenticate, SignInError } from "@/lib/services/accounts/authenticate";
import { decryptTotpSecret, userDataKey } from "@/lib/services/account-security/security-state";
import { eventsOf } from "../support/events";
import { createUser, TEST_PASSWORD, type TestUser } from "../support/factories";
import { call } from "../support/http";
import { advanceSteps, codeAt, enrol, freezeClock, mailsTo } from "./support";

const meta = { ip: "198.51.100.30", userAgent: "vitest" };

async function signInError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SignInError) return error.code;
    throw error;
  }
  return "signed in";
}

const signIn = (user: TestUser, second: { totp?: string; recoveryCode?: string } = {}) =>
  authenticate({ email: user.email, password: TEST_PASSWORD, ...second }, meta);

/** Every column of the user's row and their recovery code rows, as text, to look for plaintext in. */
async function storedText(userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const codes = await db.userRecoveryCode.findMany({ where: { userId } });
  const asText = (v: unknown) => (v instanceof Uint8Array ? `${Buffer.from(v).toString("latin1")}|${Buffer.from(v).toString("hex")}` : String(v));
  return [...Object.values(user), ...codes.flatMap((c) => Object.values(c))].map(asText).join("\n");
}

beforeEach(() => {
  freezeClock();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("enrolment", () => {
  it("returns a secret, an otpauth URL and a QR image, and keeps the secret pending and encrypted", async () => {
    const user = await createUser({ email: "enrol@example.test" });
    const res = await call(startEnrolment, "POST", "/api/v1/me/2fa/totp", { as: user });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      secret: expect.stringMatching(/^[A-Z2-7]{32}$/),
      otpauthUrl: expect.stringMatching(/^otpauth:\/\/totp\/Provider%20Portal:enrol%40example\.test\?/),
      qrCode: expect.stringMatching(/^data:image\/png;base64,/),
    });
    const secret: string = res.body.secret;
    expect(res.body.otpauthUrl).toContain(`secret=${secret}`);

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null });
    expect(row.totpPendingSecretEnc).not.toBeNull();
    expect(row.dataKeyWrapped).not.toBeNull();
    expect(await storedText(user.id)).not.toContain(secret);
    // Encrypted under the user's own data key, which the KEK unwraps.
    expect(decryptTotpSecret(userDataKey(row), user.id, "pending", row.totpPendingSecretEnc!)).toBe(secret);

    // Pending is not on: sign-in needs no code, and there is nothing to turn off.
    expect(await signIn(user)).toMatchObject({ id: user.id });
    expect((await call(me, "GET", "/api/v1/me", { as: user })).body.twoFactorEnabled).toBe(false);
    expect((await call(get2fa, "GET", "/api/v1/me/2fa", { as: user })).body).toEqual({ enabled: false, enabledAt: null, recoveryCodesLeft: 0 });
    const off = await call(disable2fa, "DELETE", "/api/v1/me/2fa", { as: user, body: { password: TEST_PASSWORD, code: codeAt(secret) } });
    expect(off.status).toBe(409);
    expect(await eventsOf("USER_2FA_ENABLED")).toEqual([]);
  });

  it("turns two-step login on with a code from the pending secret, once, and returns 10 recovery codes stored only as hashes", async () => {
    const user = await createUser({ email: "verify@example.test" });
    const first = (await call(startEnrolment, "POST", "/api/v1/me/2fa/totp", { as: user })).body.secret as string;
    const second = (await call(startEnrolment, "POST", "/api/v1/me/2fa/totp", { as: user })).body.secret as string;
    expect(second).not.toBe(first);

    // Starting again replaced the first secret: its code no longer confirms anything.
    const stale = await call(verifyEnrolment, "POST", "/api/v1/me/2fa/totp/verify", { as: user, body: { code: codeAt(first) } });
    expect(stale.status).toBe(422);
    expect(stale.body.error).toMatchObject({ code: "invalid_code", fields: { code: expect.any(String) } });
    const wrong = await call(verifyEnrolment, "POST", "/api/v1/me/2fa/totp/verify", { as: user, body: { code: codeAt(second, 2) } });
    expect(wrong.status).toBe(422);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();

    const ok = await call(verifyEnrolment, "POST", "/api/v1/me/2fa/totp/verify", { as: user, body: { code: codeAt(second) } });
    expect(ok.status).toBe(200);
    const codes: string[] = ok.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.totpPendingSecretEnc).toBeNull();
    expect(decryptTotpSecret(userDataKey(row), user.id, "active", row.totpSecretEnc!)).toBe(second);
    const stored = await storedText(user.id);
    expect(stored).not.toContain(second);
    for (const code of codes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace(/-/g, ""));
    }
    expect(await db.userRecoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);

    expect((await call(me, "GET", "/api/v1/me", { as: user })).body.twoFactorEnabled).toBe(true);
    expect((await call(get2fa, "GET", "/api/v1/me/2fa", { as: user })).body).toEqual({ enabled: true, enabledAt: expect.any(String), recoveryCodesLeft: 10 });
    const [event] = await eventsOf("USER_2FA_ENABLED");
    expect(event).toMatchObject({ actorUserId: user.id, targetId: user.id, details: { method: "totp", recoveryCodes: 10 } });
    expect(JSON.stringify(event!.details)).not.toContain(second);
    expect(mailsTo(user.email).map((m) => m.subject)).toContain("Two-step login is on");

    // Already on: neither a new enrolment nor a second confirmation.
    expect((await call(startEnrolment, "POST", "/api/v1/me/2fa/totp", { as: user })).status).toBe(409);
    expect((await call(verifyEnrolment, "POST", "/api/v1/me/2fa/totp/verify", { as: user, body: { code: codeAt(second, 1) } })).status).toBe(409);
  });

  it("refuses to confirm when no enrolment was started (409)", async () => {
    const user = await createUser();
    const res = await call(verifyEnrolment, "POST", "/api/v1/me/2fa/totp/verify", { as: user, body: { code: "123456" } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("no_pending_enrolment");
  });
});

describe("sign-in with two-step login", () => {
  it("asks for a code after the password, refuses a wrong one, and accepts each code once", async () => {
    const user = await createUser();
    const { secret } = await enrol(user);

    expect(await signInError(signIn(user))).toBe("TOTP_REQUIRED");
    expect(await authenticate({ email: user.email, password: "wrong-password-here" }, meta)).toBeNull();
    expect(await signInError(signIn(user, { totp: codeAt(secret, 3) }))).toBe("TOTP_INVALID");
    // The enrolment code's step is used up already.
    expect(await signInError(signIn(user, { totp: codeAt(secret) }))).toBe("TOTP_INVALID");

    const next = codeAt(secret, 1);
    expect(await signIn(user, { totp: next })).toMatchObject({ id: user.id, sessionVersion: 0 });
    expect(await signInError(signIn(user, { totp: next }))).toBe("TOTP_INVALID");

    const logins = await eventsOf("USER_LOGGED_IN");
    expect(logins.map((e) => e.details)).toEqual([{ secondFactor: "totp" }]);
    const failures = await eventsOf("USER_LOGIN_FAILED");
    expect(failures.map((e) => (e.details as { reason: string }).reason)).toEqual(["wrong_password", "totp_invalid", "totp_invalid", "totp_invalid"]);
    expect(JSON.stringify(failures, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(next);
  });

  it("accepts codes of the previous and next step but not two steps away", async () => {
    const user = await createUser();
    const { secret } = await enrol(user);
    advanceSteps(10);
    expect(await signInError(signIn(user, { totp: codeAt(secret, -2) }))).toBe("TOTP_INVALID");
    expect(await signInError(signIn(user, { totp: codeAt(secret, 2) }))).toBe("TOTP_INVALID");
    expect(await signIn(user, { totp: codeAt(secret, -1) })).not.toBeNull();
    expect(await signIn(user, { totp: codeAt(secret, 0) })).not.toBeNull();
    expect(await signIn(user, { totp: codeAt(secret, 1) })).not.toBeNull();
    // Once the newest step was used, an older code still inside the window is refused.
    advanceSteps(1);
    expect(await signInError(signIn(user, { totp: codeAt(secret, -1) }))).toBe("TOTP_INVALID");
  });

  it("lets only one of two simultaneous sign-ins use the same code", async () => {
    const user = await createUser();
    const { secret } = await enrol(user);
    const code = codeAt(secret, 1);
    const results = await Promise.allSettled([signIn(user, { totp: code }), signIn(user, { totp: code })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof SignInError && r.reason.code === "TOTP_INVALID")).toHaveLength(1);
  });

  it("accepts a recovery code once instead of a code, logs and mails its use", async () => {
    const user = await createUser({ email: "recover@example.test" });
    const { recoveryCodes } = await enrol(user);
    const [code] = recoveryCodes;
    // Typed in capitals with spaces still counts.
    expect(await signIn(user, { recoveryCode: ` ${code!.toUpperCase().replace(/-/g, " ")} ` })).toMatchObject({ id: user.id });
    expect(await signInError(signIn(user, { recoveryCode: code }))).toBe("TOTP_INVALID");
    expect(await signInError(signIn(user, { recoveryCode: "zzzz-zzzz-zzzz" }))).toBe("TOTP_INVALID");

    const [used] = await eventsOf("USER_RECOVERY_CODE_USED");
    expect(used).toMatchObject({ actorUserId: user.id, targetId: user.id, ip: meta.ip, details: { purpose: "sign_in", recoveryCodesLeft: 9 } });
    expect(JSON.stringify(used!.details)).not.toContain(code!.slice(0, 4));
    expect((await eventsOf("USER_LOGGED_IN")).map((e) => e.details)).toEqual([{ secondFactor: "recovery_code" }]);
    const mail = mailsTo(user.email).find((m) => m.subject === "A recovery code was used on your account");
    expect(mail?.text).toMatch(/used to sign in on .* from the address 198\.51\.100\.30/);
    expect(mail?.text).toContain("You have 9 recovery codes left");
    expect((await call(get2fa, "GET", "/api/v1/me/2fa", { as: user })).body.recoveryCodesLeft).toBe(9);
  });

  it("limits code guesses per account: after 5 wrong codes even the right one is refused", async () => {
    const user = await createUser();
    const bystander = await createUser();
    const { secret } = await enrol(user);
    const other = await enrol(bystander);
    for (let i = 0; i < 5; i++) {
      // Every attempt from a different address: the limit is per account.
      expect(await signInError(authenticate({ email: user.email, password: TEST_PASSWORD, totp: "000000" }, { ...meta, ip: `203.0.113.${i}` }))).toBe(
        "TOTP_INVALID",
      );
    }
    expect(await signInError(signIn(user, { totp: codeAt(secret, 1) }))).toBe("RATE_LIMITED");
    expect(await signInError(signIn(user, { recoveryCode: other.recoveryCodes[0] }))).toBe("RATE_LIMITED");
    // Code checks inside the account share the limit.
    const inAccount = await call(regenerate, "POST", "/api/v1/me/2fa/recovery-codes", { as: user, body: { code: codeAt(secret, 1) } });
    expect(inAccount.status).toBe(429);
    expect(inAccount.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await signIn(bystander, { totp: codeAt(other.secret, 1) })).not.toBeNull();
  });

  it("limits code guesses when confirming an enrolment (429 after 5 wrong codes)", async () => {
    const user = await createUser();
    const secret = (await call(startEnrolment, "POST", "/api/v1/me/2fa/totp", { as: user })).body.secret as string;
    for (let i = 0; i < 5; i++) {
      expect((await call(verifyEnrolment, "POST", "/api/v1/me/2fa/totp/verify", { as: user, body: { code: "000000" } })).status).toBe(422);
    }
    const blocked = await call(verifyEnrolment, "POST", "/api/v1/me/2fa/totp/verify", { as: user, body: { code: codeAt(secret) } });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe("rate_limited");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();
  });
});

describe("recovery code regeneration", () => {
  it("issues 10 new codes for a current code; the old ones stop working", async () => {
    const user = await createUser();
    const { secret, recoveryCodes: old } = await enrol(user);
    const res = await call(regenerate, "POST", "/api/v1/me/2fa/recovery-codes", { as: user, body: { code: codeAt(secret, 1) } });
    expect(res.status).toBe(200);
    const fresh: string[] = res.body.recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => old.includes(c))).toEqual([]);
    expect(await db.userRecoveryCode.count({ where: { userId: user.id } })).toBe(10);

    expect(await signInError(signIn(user, { recoveryCode: old[0] }))).toBe("TOTP_INVALID");
    expect(await signIn(user, { recoveryCode: fresh[0] })).not.toBeNull();
    const [event] = await eventsOf("USER_RECOVERY_CODES_REGENERATED");
    expect(event).toMatchObject({ actorUserId: user.id, details: { verifiedWith: "totp", recoveryCodes: 10 } });
  });

  it("accepts an old recovery code as the confirmation, and mails its use", async () => {
    const user = await createUser({ email: "regen-recovery@example.test" });
    const { recoveryCodes } = await enrol(user);
    const res = await call(regenerate, "POST", "/api/v1/me/2fa/recovery-codes", { as: user, body: { code: recoveryCodes[3] } });
    expect(res.status).toBe(200);
    expect((await eventsOf("USER_RECOVERY_CODE_USED"))[0]?.details).toEqual({ purpose: "regenerate_recovery_codes", recoveryCodesLeft: 9 });
    expect(mailsTo(user.email).find((m) => m.subject === "A recovery code was used on your account")?.text).toContain("to create new recovery codes");
  });

  it("refuses a wrong or replayed code (422) and an account without two-step login (409), changing nothing", async () => {
    const user = await createUser();
    const { secret, recoveryCodes } = await enrol(user);
    const replay = await call(regenerate, "POST", "/api/v1/me/2fa/recovery-codes", { as: user, body: { code: codeAt(secret) } });
    expect(replay.status).toBe(422);
    expect(replay.body.error.code).toBe("invalid_code");
    expect((await call(regenerate, "POST", "/api/v1/me/2fa/recovery-codes", { as: user, body: { code: "aaaa-bbbb-cccc" } })).status).toBe(422);
    expect(await signIn(user, { recoveryCode: recoveryCodes[0] })).not.toBeNull();
    expect(await eventsOf("USER_RECOVERY_CODES_REGENERATED")).toEqual([]);

    const plain = await createUser();
    const off = await call(regenerate, "POST", "/api/v1/me/2fa/recovery-codes", { as: plain, body: { code: "123456" } });
    expect(off.status).toBe(409);
    expect(off.body.error.code).toBe("two_factor_not_enabled");
  });
});

describe("turning two-step login off", () => {
  it("needs the password and a code; a wrong password does not use up the code", async () => {
    const user = await createUser({ email: "disable@example.test" });
    const { secret } = await enrol(user);
    const code = codeAt(secret, 1);

    const wrongPassword = await call(disable2fa, "DELETE", "/api/v1/me/2fa", { as: user, body: { password: "not-my-password-1", code } });
    expect(wrongPassword.status).toBe(422);
    expect(wrongPassword.body.error).toMatchObject({ code: "invalid_password", fields: { password: expect.any(String) } });
    const wrongCode = await call(disable2fa, "DELETE", "/api/v1/me/2fa", { as: user, body: { password: TEST_PASSWORD, code: codeAt(secret, -1) } });
    expect(wrongCode.status).toBe(422);
    expect(wrongCode.body.error.code).toBe("invalid_code");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();

    const ok = await call(disable2fa, "DELETE", "/api/v1/me/2fa", { as: user, body: { password: TEST_PASSWORD, code } });
    expect(ok.status).toBe(200);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ totpSecretEnc: null, totpPendingSecretEnc: null, totpEnabledAt: null, totpLastStep: null });
    expect(await db.userRecoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await eventsOf("USER_2FA_DISABLED")).map((e) => e.details)).toEqual([{ verifiedWith: "totp" }]);
    expect(mailsTo(user.email).map((m) => m.subject)).toContain("Two-step login was turned off");
    expect(await signIn(user)).toMatchObject({ id: user.id });

    const again = await call(disable2fa, "DELETE", "/api/v1/me/2fa", { as: user, body: { password: TEST_PASSWORD, code } });
    expect(again.status).toBe(409);
  });

  it("accepts a recovery code as the code", async () => {
    const user = await createUser({ email: "disable-recovery@example.test" });
    const { recoveryCodes } = await enrol(user);
    const res = await call(disable2fa, "DELETE", "/api/v1/me/2fa", { as: user, body: { password: TEST_PASSWORD, code: recoveryCodes[9] } });
    expect(res.status).toBe(200);
    expect((await eventsOf("USER_2FA_DISABLED")).map((e) => e.details)).toEqual([{ verifiedWith: "recovery_code" }]);
    expect((await eventsOf("USER_RECOVERY_CODE_USED")).map((e) => e.details)).toEqual([{ purpose: "disable_two_factor", recoveryCodesLeft: 9 }]);
    expect(mailsTo(user.email).find((m) => m.subject === "Two-step login was turned off")?.text).toContain("confirmed with one of your recovery codes");
  });
});
