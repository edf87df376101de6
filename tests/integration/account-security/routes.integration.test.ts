// Who may call the account security routes. They act only on the signed-in user's own account
// (there is no id in the path, so no other tenant's resource can be named): signed out → 401,
// any signed-in user → their own account, whatever their provider or organization roles.
// Malformed input → 400 with per-field messages; cross-site writes → 403.
import { describe, expect, it } from "vitest";
import { DELETE as disable2fa, GET as get2fa } from "@/app/api/v1/me/2fa/route";
import { POST as regenerate } from "@/app/api/v1/me/2fa/recovery-codes/route";
import { POST as startEnrolment } from "@/app/api/v1/me/2fa/totp/route";
import { POST as verifyEnrolment } from "@/app/api/v1/me/2fa/totp/verify/route";
import { POST as changePassword } from "@/app/api/v1/me/password/route";
import { POST as signOutEverywhere } from "@/app/api/v1/me/sign-out-everywhere/route";
import { db } from "@/lib/db/client";
import { addMember, addProviderUser, createOrganization, createProvider, createUser, TEST_PASSWORD, type TestUser } from "../support/factories";
import { call } from "../support/http";

type Handler = Parameters<typeof call>[0];
interface Route {
  name: string;
  handler: Handler;
  method: string;
  path: string;
  validBody?: unknown;
}

const ROUTES: Route[] = [
  { name: "GET 2fa status", handler: get2fa, method: "GET", path: "/api/v1/me/2fa" },
  { name: "POST totp enrolment", handler: startEnrolment, method: "POST", path: "/api/v1/me/2fa/totp" },
  { name: "POST totp verify", handler: verifyEnrolment, method: "POST", path: "/api/v1/me/2fa/totp/verify", validBody: { code: "123456" } },
  { name: "POST recovery codes", handler: regenerate, method: "POST", path: "/api/v1/me/2fa/recovery-codes", validBody: { code: "123456" } },
  { name: "DELETE 2fa", handler: disable2fa, method: "DELETE", path: "/api/v1/me/2fa", validBody: { password: TEST_PASSWORD, code: "123456" } },
  {
    name: "POST password",
    handler: changePassword,
    method: "POST",
    path: "/api/v1/me/password",
    validBody: { currentPassword: TEST_PASSWORD, newPassword: "Granite-Lantern-Okapi-88" },
  },
  { name: "POST sign-out-everywhere", handler: signOutEverywhere, method: "POST", path: "/api/v1/me/sign-out-everywhere" },
];

describe.each(ROUTES)("$name", ({ handler, method, path, validBody }) => {
  it("answers 401 when signed out, changing nothing", async () => {
    const user = await createUser();
    const res = await call(handler, method, path, { body: validBody });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthorized");
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ sessionVersion: 0, totpPendingSecretEnc: null });
  });

  it("refuses a cross-site write with 403", async () => {
    if (method === "GET") return expect((await call(handler, method, path, { as: await createUser(), headers: { origin: "https://evil.example" } })).status).toBe(200);
    const res = await call(handler, method, path, { as: await createUser(), body: validBody, headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("csrf_failed");
  });
});

const roles: [string, () => Promise<TestUser>][] = [
  ["a user with no memberships", () => createUser()],
  ["platform staff", () => createUser({ isStaff: true })],
  [
    "a provider admin",
    async () => {
      const { admin } = await createProvider();
      return admin!;
    },
  ],
  [
    "a service user",
    async () => {
      const user = await createUser();
      const { provider } = await createProvider();
      await addProviderUser(provider.id, user, "SERVICE_USER", "CONFIRMED");
      return user;
    },
  ],
  [
    "an organization member",
    async () => {
      const user = await createUser();
      const { organization } = await createOrganization();
      await addMember(organization.id, user, "USER", "CONFIRMED");
      return user;
    },
  ],
];

describe.each(roles)("as %s", (_label, makeUser) => {
  it("reads and changes only their own account", async () => {
    const user = await makeUser();
    const other = await createUser();
    expect((await call(get2fa, "GET", "/api/v1/me/2fa", { as: user })).status).toBe(200);
    expect((await call(startEnrolment, "POST", "/api/v1/me/2fa/totp", { as: user })).status).toBe(200);
    expect((await call(signOutEverywhere, "POST", "/api/v1/me/sign-out-everywhere", { as: user })).status).toBe(200);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ sessionVersion: 1, totpPendingSecretEnc: expect.anything() });
    expect(await db.user.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ sessionVersion: 0, totpPendingSecretEnc: null });
  });
});

describe("bad input → 400 with per-field messages", () => {
  it.each([
    ["verify: no code", verifyEnrolment, "POST", "/api/v1/me/2fa/totp/verify", {}, ["code"]],
    ["verify: not six digits", verifyEnrolment, "POST", "/api/v1/me/2fa/totp/verify", { code: "12345" }, ["code"]],
    ["verify: a recovery code", verifyEnrolment, "POST", "/api/v1/me/2fa/totp/verify", { code: "abcd-efgh-jkmn" }, ["code"]],
    ["verify: a number", verifyEnrolment, "POST", "/api/v1/me/2fa/totp/verify", { code: 123456 }, ["code"]],
    ["regenerate: no code", regenerate, "POST", "/api/v1/me/2fa/recovery-codes", {}, ["code"]],
    ["regenerate: gibberish", regenerate, "POST", "/api/v1/me/2fa/recovery-codes", { code: "not a code" }, ["code"]],
    ["disable: nothing", disable2fa, "DELETE", "/api/v1/me/2fa", {}, ["password", "code"]],
    ["disable: empty password", disable2fa, "DELETE", "/api/v1/me/2fa", { password: "", code: "123456" }, ["password"]],
    ["password: nothing", changePassword, "POST", "/api/v1/me/password", {}, ["currentPassword", "newPassword"]],
    ["password: too long", changePassword, "POST", "/api/v1/me/password", { currentPassword: TEST_PASSWORD, newPassword: "x".repeat(300) }, ["newPassword"]],
  ] as const)("%s", async (_label, handler, method, path, body, fields) => {
    const user = await createUser();
    const res = await call(handler, method, path, { as: user, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_request");
    expect(Object.keys(res.body.error.fields).sort()).toEqual([...fields].sort());
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(0);
  });

  it("answers 400 to malformed JSON", async () => {
    const res = await call(changePassword, "POST", "/api/v1/me/password", { as: await createUser(), rawBody: "{oops", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_json");
  });
});
