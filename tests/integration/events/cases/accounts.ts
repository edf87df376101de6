// Event-type rows for accounts (sign-up, sign-in, staff), account security (two-step login,
// recovery codes, password, sessions) and the event log's own retention.
import { expect } from "vitest";
import { POST as register } from "@/app/api/v1/auth/register/route";
import { POST as regenerateCodes } from "@/app/api/v1/me/2fa/recovery-codes/route";
import { DELETE as disableTwoFactor } from "@/app/api/v1/me/2fa/route";
import { POST as startEnrolment } from "@/app/api/v1/me/2fa/totp/route";
import { POST as verifyEnrolment } from "@/app/api/v1/me/2fa/totp/verify/route";
import { POST as changePassword } from "@/app/api/v1/me/password/route";
import { POST as signOutEverywhere } from "@/app/api/v1/me/sign-out-everywhere/route";
import { SYSTEM_META } from "@/lib/actor";
import { authenticate } from "@/lib/services/accounts/authenticate";
import { grantStaff } from "@/lib/services/accounts/grant-staff";
import { purgeExpiredEvents } from "@/lib/services/events/purge-expired-events";
import { advanceSteps, codeAt, enrol, freezeClock } from "../../account-security/support";
import { createProvider, createUser, TEST_PASSWORD } from "../../support/factories";
import { call } from "../../support/http";
import { actorOf, expectStatus, HTTP_META, type EventTypeCase, type RefusalCase } from "../event-type-cases";
import { actorOf as eventActor, meta as fixtureMeta, record } from "../log-fixtures";

/** Sign-in goes through next-auth's credentials callback, which calls authenticate() with this. */
const signInMeta = { ip: "198.51.100.20", userAgent: "Mozilla/5.0 (Macintosh) Safari/605.1.15" };

const userTarget = (user: { id: string; email: string }) => ({ type: "USER" as const, id: user.id, name: user.email });

/** A signed-in person's own account: no provider, no organization, their own chain. */
const ownAccount = (user: { id: string; name: string; email: string }) => ({
  actor: actorOf(user),
  providerId: null,
  actingProviderId: null,
  organizationId: null,
  target: userTarget(user),
  chainScope: `user:${user.id}`,
});

export const ACCOUNT_CASES: EventTypeCase[] = [
  // Accounts and sign-in.
  {
    type: "USER_REGISTERED",
    async act() {
      const password = "a-long-unusual-passphrase";
      const res = await call(register, "POST", "/api/v1/auth/register", { body: { email: "new@example.test", name: "New Person", password } });
      expectStatus(res, 201);
      return {
        ...ownAccount({ id: res.body.id, name: "New Person", email: "new@example.test" }),
        details: {},
        meta: HTTP_META,
        sentence: "New Person created an account (new@example.test)",
        secrets: [password],
      };
    },
  },
  {
    type: "USER_LOGGED_IN",
    async act() {
      const user = await createUser({ email: "ivy@example.test", name: "Ivy In" });
      expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, signInMeta)).not.toBeNull();
      return { ...ownAccount(user), details: {}, meta: signInMeta, sentence: "Ivy In signed in" };
    },
  },
  {
    type: "USER_LOGIN_FAILED",
    async act() {
      const user = await createUser({ email: "out@example.test", name: "Otto Out" });
      const wrong = "Wrong-Password-123";
      expect(await authenticate({ email: user.email, password: wrong }, signInMeta)).toBeNull();
      return {
        ...ownAccount(user),
        details: { email: "out@example.test", reason: "wrong_password" },
        meta: signInMeta,
        sentence: "Failed sign-in for out@example.test (wrong password)",
        secrets: [wrong],
      };
    },
  },
  {
    // From the command line (npm run staff:create): the system acts, on the platform's chain.
    type: "STAFF_GRANTED",
    async act() {
      const password = "Platform-Keeper-Passphrase-9";
      const { id } = await grantStaff({ email: "root@example.test", name: "Root Staff", password });
      return {
        actor: null,
        providerId: null,
        actingProviderId: null,
        organizationId: null,
        target: userTarget({ id, email: "root@example.test" }),
        details: { created: true },
        meta: SYSTEM_META,
        chainScope: "platform",
        sentence: "The system created the platform staff account root@example.test",
        secrets: [password],
      };
    },
  },

  // Two-step login and recovery codes (a frozen clock: codes depend on the time).
  {
    type: "USER_2FA_ENABLED",
    async act() {
      freezeClock();
      const user = await createUser({ email: "tom@example.test", name: "Tom Two" });
      const started = await call(startEnrolment, "POST", "/api/v1/me/2fa/totp", { as: user });
      expectStatus(started, 200);
      const code = codeAt(started.body.secret);
      const verified = await call(verifyEnrolment, "POST", "/api/v1/me/2fa/totp/verify", { as: user, body: { code } });
      expectStatus(verified, 200);
      return {
        ...ownAccount(user),
        details: { method: "totp", recoveryCodes: 10 },
        meta: HTTP_META,
        sentence: "Tom Two turned on two-step login",
        secrets: [started.body.secret, code, ...verified.body.recoveryCodes],
      };
    },
  },
  {
    type: "USER_2FA_DISABLED",
    async act() {
      freezeClock();
      const user = await createUser({ email: "tom@example.test", name: "Tom Two" });
      const { secret, recoveryCodes } = await enrol(user);
      advanceSteps(1);
      const code = codeAt(secret);
      const res = await call(disableTwoFactor, "DELETE", "/api/v1/me/2fa", { as: user, body: { password: TEST_PASSWORD, code } });
      expectStatus(res, 200);
      return { ...ownAccount(user), details: { verifiedWith: "totp" }, meta: HTTP_META, sentence: "Tom Two turned off two-step login", secrets: [secret, code, ...recoveryCodes] };
    },
  },
  {
    type: "USER_RECOVERY_CODE_USED",
    async act() {
      freezeClock();
      const user = await createUser({ email: "tom@example.test", name: "Tom Two" });
      const { secret, recoveryCodes } = await enrol(user);
      const res = await call(disableTwoFactor, "DELETE", "/api/v1/me/2fa", { as: user, body: { password: TEST_PASSWORD, code: recoveryCodes[3]! } });
      expectStatus(res, 200);
      return {
        ...ownAccount(user),
        details: { purpose: "disable_two_factor", recoveryCodesLeft: 9 },
        meta: HTTP_META,
        sentence: "Tom Two used a recovery code to turn off two-step login",
        secrets: [secret, ...recoveryCodes],
      };
    },
  },
  {
    type: "USER_RECOVERY_CODES_REGENERATED",
    async act() {
      freezeClock();
      const user = await createUser({ email: "tom@example.test", name: "Tom Two" });
      const { secret, recoveryCodes } = await enrol(user);
      advanceSteps(1);
      const code = codeAt(secret);
      const res = await call(regenerateCodes, "POST", "/api/v1/me/2fa/recovery-codes", { as: user, body: { code } });
      expectStatus(res, 200);
      return {
        ...ownAccount(user),
        details: { verifiedWith: "totp", recoveryCodes: 10 },
        meta: HTTP_META,
        sentence: "Tom Two replaced their recovery codes",
        secrets: [secret, code, ...recoveryCodes, ...res.body.recoveryCodes],
      };
    },
  },

  // Password and sessions.
  {
    type: "USER_PASSWORD_CHANGED",
    async act() {
      const user = await createUser({ email: "pat@example.test", name: "Pat Password" });
      const newPassword = "Brand-New-Passphrase-42";
      const res = await call(changePassword, "POST", "/api/v1/me/password", { as: user, body: { currentPassword: TEST_PASSWORD, newPassword } });
      expectStatus(res, 200);
      return { ...ownAccount(user), details: { otherSessionsEnded: true }, meta: HTTP_META, sentence: "Pat Password changed their password", secrets: [newPassword] };
    },
  },
  {
    type: "USER_SIGNED_OUT_EVERYWHERE",
    async act() {
      const user = await createUser({ email: "sid@example.test", name: "Sid Sessions" });
      const res = await call(signOutEverywhere, "POST", "/api/v1/me/sign-out-everywhere", { as: user });
      expectStatus(res, 200);
      return { ...ownAccount(user), details: {}, meta: HTTP_META, sentence: "Sid Sessions signed out of all sessions" };
    },
  },

  // The event log's retention job: one summary event in the chain it trimmed.
  {
    type: "EVENTS_PURGED",
    async act() {
      const { provider, admin } = await createProvider({ name: "Northwind IT Services" });
      await record([{ type: "PROVIDER_UPDATED", actor: eventActor(admin!), meta: fixtureMeta, providerId: provider.id, at: new Date("2020-01-01T00:00:00Z") }]);
      await purgeExpiredEvents({ retentionDays: 30, now: new Date("2026-06-01T00:00:00Z") });
      return {
        actor: null,
        providerId: provider.id,
        actingProviderId: null,
        organizationId: null,
        target: null,
        details: { count: 1, cutoff: "2026-05-02T00:00:00.000000Z", retentionDays: 30, fromSeq: "1", toSeq: "1" },
        meta: SYSTEM_META,
        chainScope: `provider:${provider.id}`,
        sentence: "The system deleted 1 event older than 2026-05-02 (UTC) under the retention policy",
      };
    },
  },
];

export const ACCOUNT_REFUSALS: RefusalCase[] = [
  {
    name: "signing up with an email that already has an account (409)",
    status: 409,
    code: "email_taken",
    async arrange() {
      await createUser({ email: "taken@example.test" });
      return () => call(register, "POST", "/api/v1/auth/register", { body: { email: "taken@example.test", name: "Copy Cat", password: "another-long-passphrase" } });
    },
  },
  {
    name: "turning off two-step login with a wrong code (422)",
    status: 422,
    code: "invalid_code",
    async arrange() {
      freezeClock();
      const user = await createUser({ email: "tom@example.test", name: "Tom Two" });
      const { secret } = await enrol(user);
      return () => call(disableTwoFactor, "DELETE", "/api/v1/me/2fa", { as: user, body: { password: TEST_PASSWORD, code: codeAt(secret, 20) } });
    },
  },
  {
    name: "changing the password with a wrong current password (422)",
    status: 422,
    code: "invalid_password",
    async arrange() {
      const user = await createUser({ email: "pat@example.test", name: "Pat Password" });
      return () => call(changePassword, "POST", "/api/v1/me/password", { as: user, body: { currentPassword: "Not-The-Password-1", newPassword: "Brand-New-Passphrase-42" } });
    },
  },
];
