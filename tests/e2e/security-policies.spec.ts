// Security policies end to end: an organization's two-step login policy revokes a member without it
// (who regains access after enrolling and being restored); a provider that requires two-step login
// keeps a member out of its clients until they enrol; an invitation from an organization with
// password rules shows them at sign-up and refuses a password that misses them; rules enforced at
// sign-in send a member whose password misses them to change it before anything else.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { expectAccessible, latestMail, PASSWORD, registerViaApi, signIn, uniqueEmail } from "./support/app";
import { acceptOrganizationInvitation, clientOrganization, newAccount } from "./support/organizations";

/** What an authenticator app holding `secret` shows `stepsAhead` 30-second steps from now. */
function authenticatorCode(secret: string, stepsAhead = 0): string {
  return new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + stepsAhead * 30_000 });
}

/** Turns on two-step login through the API (API.md "Account security"). */
async function enrolViaApi(request: APIRequestContext): Promise<void> {
  const started = await request.post("/api/v1/me/2fa/totp");
  expect(started.status()).toBe(200);
  const { secret } = (await started.json()) as { secret: string };
  const verified = await request.post("/api/v1/me/2fa/totp/verify", { data: { code: authenticatorCode(secret) } });
  expect(verified.status(), (await verified.text()).slice(0, 300)).toBe(200);
}

/** Turns on two-step login from the account page, as a person does. */
async function enrolOnAccountPage(page: Page): Promise<void> {
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Two-step login" });
  await section.getByRole("button", { name: "Turn on two-step login" }).click();
  const dialog = page.getByRole("dialog", { name: "Set up your authenticator app" });
  const secret = (await dialog.getByRole("textbox", { name: "Setup key" }).inputValue()).replace(/\s/g, "");
  await dialog.getByLabel("Authentication code").fill(authenticatorCode(secret));
  await dialog.getByRole("button", { name: "Turn on" }).click();
  const codes = page.getByRole("dialog", { name: "Your recovery codes" });
  await codes.getByLabel("I have saved my recovery codes").check();
  await codes.getByRole("button", { name: "Done" }).click();
  await expect(section.getByText("On", { exact: true })).toBeVisible();
}

test("turning on an organization's two-step login policy revokes a member without it, who is restored after enrolling", async ({ browser }) => {
  test.setTimeout(150_000);
  const { admin, organizationId } = await clientOrganization(browser, { name: "Policy Partners", seats: 10 });
  const base = `/organizations/${organizationId}`;
  const member = await newAccount(browser, "Rita Revoked");
  const invited = await admin.request.post(`/api/v1/organizations/${organizationId}/members`, { data: { emails: [member.email], role: "USER" } });
  expect(invited.status()).toBe(201);
  const memberId = ((await invited.json()) as { results: { memberId: string }[] }).results[0]!.memberId;
  await acceptOrganizationInvitation(member.context.request, (await latestMail(member.email, /Join Policy Partners/)).links[0]!);
  expect((await admin.request.post(`/api/v1/organizations/${organizationId}/members/${memberId}/confirm`)).status()).toBe(200);

  const page = await admin.newPage();
  await page.goto(`${base}/policies`);
  const policy = page.getByRole("region", { name: "Require two-step login" });
  await policy.getByLabel("Turn this policy on").check();
  await expect(policy.getByText("1 member with the User role has not turned on two-step login")).toBeVisible();
  await expectAccessible(page);
  await policy.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("1 member was revoked.")).toBeVisible();
  await expect(policy.getByText("On", { exact: true })).toBeVisible();

  await page.goto(`${base}/members`);
  const row = page.getByRole("row").filter({ hasText: member.email });
  await expect(row.getByText("Revoked", { exact: true })).toBeVisible();
  const mail = await latestMail(member.email, /was revoked: two-step login required/);
  expect(mail.text).toContain("turn on two-step login in your account settings");

  // The member is locked out, and is told why on their account page.
  const memberPage = await member.context.newPage();
  await memberPage.goto(base);
  await expect(memberPage.getByRole("heading", { name: "Access revoked" })).toBeVisible();
  await memberPage.goto("/account");
  await expect(memberPage.getByText("Access revoked until you turn it on")).toBeVisible();
  await expectAccessible(memberPage);

  // Restoring is refused until they enrol.
  await row.getByRole("button", { name: `Actions for ${member.email}` }).click();
  await page.getByRole("menuitem", { name: "Restore access" }).click();
  await expect(page.getByText(/cannot be restored yet: this organization requires two-step login/)).toBeVisible();
  await enrolViaApi(member.context.request);
  await page.reload();
  await row.getByRole("button", { name: `Actions for ${member.email}` }).click();
  await page.getByRole("menuitem", { name: "Restore access" }).click();
  await expect(row.getByText("Confirmed", { exact: true })).toBeVisible();
  await memberPage.goto(base);
  await expect(memberPage.getByRole("heading", { level: 1, name: "Policy Partners" })).toBeVisible();
});

test("a provider that requires two-step login keeps a member out of its clients until they enrol", async ({ browser }) => {
  test.setTimeout(150_000);
  const { admin, providerId, organizationId } = await clientOrganization(browser, { name: "Guarded Goods", seats: 5 });
  const page = await admin.newPage();

  await page.goto(`/providers/${providerId}/settings`);
  const security = page.getByRole("region", { name: "Security" });
  await expect(security.getByText("1 confirmed member has not turned on two-step login")).toBeVisible();
  await security.getByLabel("Require two-step login for provider members").check();
  await security.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Two-step login is now required to open clients.")).toBeVisible();
  await expect(page.getByText("Turn on two-step login to open clients")).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/providers/${providerId}/people?twoFactor=off`);
  const me = page.getByRole("row").filter({ hasText: "(you)" });
  await expect(me.getByText("Off", { exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/providers/${providerId}/clients/${organizationId}`);
  await expect(page.getByRole("link", { name: "Turn on two-step login to open" })).toBeVisible();
  await page.goto(`/organizations/${organizationId}`);
  await expect(page.getByRole("heading", { name: "Two-step login required" })).toBeVisible();
  await expect(page.getByText("requires two-step login to open client organizations")).toBeVisible();
  await expectAccessible(page);
  const api = await admin.request.get(`/api/v1/organizations/${organizationId}`);
  expect(api.status()).toBe(403);
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe("two_factor_required");

  await page.getByRole("link", { name: "Turn on two-step login" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(/Required by:.*Fabrikam MSP \(to open its clients\)/)).toBeVisible();
  await enrolOnAccountPage(page);

  await page.goto(`/organizations/${organizationId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Guarded Goods" })).toBeVisible();
  await page.goto(`/providers/${providerId}/people?twoFactor=on`);
  await expect(page.getByRole("row").filter({ hasText: "(you)" }).getByText("On", { exact: true })).toBeVisible();
});

test("an invitation from an organization with password rules shows them at sign-up and refuses a password that misses them", async ({ browser }) => {
  test.setTimeout(120_000);
  const { admin, organizationId } = await clientOrganization(browser, { name: "Strict Systems", seats: 5 });
  const rules = await admin.request.put(`/api/v1/organizations/${organizationId}/policies/MASTER_PASSWORD`, {
    data: { enabled: true, settings: { minLength: 20, requireNumbers: true } },
  });
  expect(rules.status()).toBe(200);
  const email = uniqueEmail("joiner");
  expect((await admin.request.post(`/api/v1/organizations/${organizationId}/members`, { data: { emails: [email], role: "USER" } })).status()).toBe(201);
  const link = (await latestMail(email, /Join Strict Systems/)).links[0]!;

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByText("Creating your account also accepts your invitation to Strict Systems.")).toBeVisible();
  await expect(page.getByText("Password rules of Strict Systems")).toBeVisible();
  await expect(page.getByText("At least 20 characters")).toBeVisible();
  await expect(page.getByText("A digit (0–9)")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Full name").fill("Jo Joiner");
  await page.getByLabel("Password").fill("violet tractor quietly harbour");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Needs a digit.", { exact: true })).toBeVisible();
  await page.getByLabel("Password").fill("violet tractor quietly harbour 1987");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Waiting for confirmation" })).toBeVisible();

  await page.goto("/account");
  await expect(page.getByRole("region", { name: "Password" }).getByText("At least 20 characters")).toBeVisible();
  await expectAccessible(page);
  await context.close();

  // Someone who already has an account confirms their password on the invitation page to join.
  const existing = await newAccount(browser, "Eli Existing");
  expect((await admin.request.post(`/api/v1/organizations/${organizationId}/members`, { data: { emails: [existing.email], role: "USER" } })).status()).toBe(201);
  const invitationPage = await existing.context.newPage();
  await invitationPage.goto((await latestMail(existing.email, /Join Strict Systems/)).links[0]!);
  await expect(invitationPage.getByText("At least 20 characters")).toBeVisible();
  await expectAccessible(invitationPage);
  await invitationPage.getByLabel("Your password").fill("not the password at all 1");
  await invitationPage.getByRole("button", { name: "Join Strict Systems" }).click();
  await expect(invitationPage.getByText("The password is incorrect.", { exact: true })).toBeVisible();
  await invitationPage.getByLabel("Your password").fill(PASSWORD);
  await invitationPage.getByRole("button", { name: "Join Strict Systems" }).click();
  await expect(invitationPage.getByRole("heading", { name: "Waiting for confirmation" })).toBeVisible();
});

test("password rules enforced at sign-in send a member to change their password before anything else", async ({ browser }) => {
  test.setTimeout(120_000);
  const { admin, organizationId } = await clientOrganization(browser, { name: "Rotation Labs", seats: 5 });
  const context = await browser.newContext();
  const email = uniqueEmail("rotating");
  await registerViaApi(context.request, { name: "Ravi Rotating", email });
  const invited = await admin.request.post(`/api/v1/organizations/${organizationId}/members`, { data: { emails: [email], role: "USER" } });
  const memberId = ((await invited.json()) as { results: { memberId: string }[] }).results[0]!.memberId;
  const page = await context.newPage();
  await signIn(page, email);
  await acceptOrganizationInvitation(context.request, (await latestMail(email, /Join Rotation Labs/)).links[0]!);
  expect((await admin.request.post(`/api/v1/organizations/${organizationId}/members/${memberId}/confirm`)).status()).toBe(200);
  const rules = await admin.request.put(`/api/v1/organizations/${organizationId}/policies/MASTER_PASSWORD`, {
    data: { enabled: true, settings: { minLength: 30, enforceOnLogin: true } },
  });
  expect(rules.status()).toBe(200);

  // The next sign-in checks the password against the rules: it is too short.
  await context.clearCookies();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/account\?passwordChange=required/);
  await expect(page.getByText("Change your password to continue")).toBeVisible();
  await expect(page.getByText("At least 30 characters")).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/organizations/${organizationId}`);
  await expect(page).toHaveURL(/\/account/);
  expect((await context.request.get(`/api/v1/organizations/${organizationId}`)).status()).toBe(403);

  const form = page.getByRole("region", { name: "Password" });
  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByLabel("New password", { exact: true }).fill("violet tractor quietly over the harbour");
  await form.getByLabel("Confirm new password").fill("violet tractor quietly over the harbour");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed.")).toBeVisible();
  await page.goto(`/organizations/${organizationId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Rotation Labs" })).toBeVisible();
  await context.close();
});
