// Provider people end to end: invite two people in one go, one accepts from the mail, the admin
// confirms, promotes (the failover banner goes away), removes the other, and the last-admin rule holds.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, latestMail, PASSWORD, registerViaApi, signIn, STAFF, uniqueEmail } from "./support/app";

async function pageFor(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  return context.newPage();
}

/** A provider set up through the API: staff invite it, its admin registers and completes the setup. */
async function providerWithAdmin(browser: Browser, adminEmail: string, name: string): Promise<{ admin: Page; providerId: string }> {
  const staff = await pageFor(browser);
  await signIn(staff, STAFF.email, STAFF.password);
  const created = await staff.request.post("/api/v1/admin/providers", { data: { name, ownerEmail: adminEmail } });
  expect(created.status(), await created.text()).toBe(201);
  const providerId = ((await created.json()) as { id: string }).id;
  const token = new URL((await latestMail(adminEmail)).links[0]!).searchParams.get("token");
  await staff.context().close();

  const admin = await pageFor(browser);
  await registerViaApi(admin.request, { name: "Avery Admin", email: adminEmail });
  await signIn(admin, adminEmail);
  const setup = await admin.request.post(`/api/v1/providers/${providerId}/setup`, { data: { token, name, billingEmail: adminEmail } });
  expect(setup.status(), await setup.text()).toBe(200);
  return { admin, providerId };
}

test("invite two at once, accept, confirm, promote, remove — with the failover banner and the last-admin rule", async ({ browser }) => {
  const adminEmail = uniqueEmail("people-admin");
  const first = uniqueEmail("tech-one");
  const second = uniqueEmail("tech-two");
  const { admin, providerId } = await providerWithAdmin(browser, adminEmail, `Litware ${Date.now().toString(36)}`);

  await admin.goto(`/providers/${providerId}/people`);
  await expect(admin.getByRole("heading", { name: "People" })).toBeVisible();
  const banner = admin.getByText("Add a second Provider Admin");
  await expect(banner).toBeVisible();
  await expectAccessible(admin);

  // Invite both in one go, with a typo the dialog reports on its own line.
  await admin.getByRole("button", { name: "Invite people" }).click();
  const dialog = admin.getByRole("dialog", { name: "Invite people" });
  await dialog.getByLabel("Email addresses").fill(`${first}, ${second}\nnot-an-address`);
  await dialog.getByRole("button", { name: "Send invitations" }).click();
  const results = dialog.getByRole("list", { name: "Invitation results" });
  await expect(dialog.getByText("2 invitations sent.")).toBeVisible();
  await expect(results.getByRole("listitem").filter({ hasText: first })).toContainText("Invited");
  await expect(results.getByRole("listitem").filter({ hasText: "not-an-address" })).toContainText("Not a valid email address.");
  await expectAccessible(admin);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(admin.getByRole("row", { name: new RegExp(second) })).toContainText("Invited");

  // The first person accepts from the mail: sign up with the invited address, come back, accept.
  const link = (await latestMail(first, /^Join /)).links[0]!;
  const tech = await pageFor(browser);
  await tech.goto(link);
  await expect(tech).toHaveURL(/\/sign-up\?/);
  await expect(tech.getByLabel("Email")).toHaveValue(first);
  await tech.getByLabel("Full name").fill("Terry Tech");
  await tech.getByLabel("Password").fill(PASSWORD);
  await tech.getByRole("button", { name: "Create account" }).click();
  await expect(tech.getByRole("heading", { name: /^Join Litware/ })).toBeVisible();
  await expectAccessible(tech);
  await tech.getByRole("button", { name: "Accept invitation" }).click();
  await expect(tech.getByText("Invitation accepted")).toBeVisible();
  await tech.goto(`/providers/${providerId}/people`);
  await expect(tech.getByRole("heading", { name: "Waiting for confirmation" })).toBeVisible();

  // The admin confirms them.
  await admin.reload();
  const techRow = admin.getByRole("row", { name: /Terry Tech/ });
  await expect(techRow).toContainText("Needs confirmation");
  await techRow.getByRole("button", { name: "Confirm Terry Tech" }).click();
  await expect(techRow).toContainText("Confirmed");
  await expect(banner).toBeVisible();

  // Promoting them to Provider Admin makes two confirmed admins: the banner goes away.
  await techRow.getByLabel("Role of Terry Tech").selectOption("PROVIDER_ADMIN");
  await expect(banner).toBeHidden();
  await tech.reload();
  await expect(tech.getByRole("heading", { name: "People" })).toBeVisible();

  // Bulk re-invite, then bulk removal, of the second person.
  await admin.getByLabel(`Select ${second}`).check();
  await admin.getByRole("toolbar", { name: "Bulk actions" }).getByRole("button", { name: "Re-invite (1)" }).click();
  await expect(admin.getByText("Sent 1 new invitation.")).toBeVisible();
  await admin.getByLabel(`Select ${second}`).check();
  await admin.getByRole("toolbar", { name: "Bulk actions" }).getByRole("button", { name: "Remove (1)" }).click();
  const removal = admin.getByRole("dialog", { name: "Remove 1 person?" });
  await expect(removal).toContainText(second);
  await removal.getByRole("button", { name: "Remove" }).click();
  await expect(admin.getByRole("row", { name: new RegExp(second) })).toHaveCount(0);

  // Demoting the other admin brings the banner back, and the demoted admin loses the people page at once.
  await admin.getByRole("row", { name: /Terry Tech/ }).getByLabel("Role of Terry Tech").selectOption("SERVICE_USER");
  await expect(banner).toBeVisible();
  await tech.reload();
  await expect(tech.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();

  // The last confirmed admin cannot step down.
  await admin.getByRole("row", { name: /\(you\)/ }).getByLabel(/^Role of /).selectOption("SERVICE_USER");
  await expect(admin.getByText(/must always keep at least one confirmed Provider Admin/)).toBeVisible();
  await admin.reload();
  await expect(admin.getByRole("row", { name: /\(you\)/ }).getByLabel(/^Role of /)).toHaveValue("PROVIDER_ADMIN");
});

test("service users cannot open the people page, and the invitation link refuses another account", async ({ browser }) => {
  const adminEmail = uniqueEmail("people-admin2");
  const invitee = uniqueEmail("invitee");
  const { admin, providerId } = await providerWithAdmin(browser, adminEmail, `Proseware ${Date.now().toString(36)}`);
  const invited = await admin.request.post(`/api/v1/providers/${providerId}/users/invite`, { data: { emails: [invitee], role: "SERVICE_USER" } });
  expect(invited.status()).toBe(201);
  const link = (await latestMail(invitee)).links[0]!;

  // The admin opening the invitee's link is told it is for someone else.
  await admin.goto(link);
  await expect(admin.getByRole("heading", { name: "This invitation is for another account" })).toBeVisible();
  await expectAccessible(admin);

  const tech = await pageFor(browser);
  await registerViaApi(tech.request, { name: "Sasha Service", email: invitee });
  await tech.goto(link);
  await expect(tech).toHaveURL(/\/sign-in\?/);
  await expect(tech.getByLabel("Email")).toHaveValue(invitee);
  await tech.getByLabel("Password").fill(PASSWORD);
  await tech.getByRole("button", { name: "Sign in" }).click();
  await tech.getByRole("button", { name: "Accept invitation" }).click();
  await expect(tech.getByText("Invitation accepted")).toBeVisible();

  const members = (await (await admin.request.get(`/api/v1/providers/${providerId}/users?status=ACCEPTED`)).json()) as { data: { id: string }[] };
  expect((await admin.request.post(`/api/v1/providers/${providerId}/users/${members.data[0]!.id}/confirm`)).status()).toBe(200);

  await tech.goto(`/providers/${providerId}/people`);
  await expect(tech.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  expect((await tech.request.get(`/api/v1/providers/${providerId}/users`)).status()).toBe(403);
  await tech.goto(link);
  await expect(tech.getByRole("heading", { name: "Invitation already accepted" })).toBeVisible();
});
