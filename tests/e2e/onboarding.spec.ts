// Provider onboarding end to end: staff invite an MSP, its owner signs up from the mailed link,
// completes the setup and lands on the provider; dead links and the disable switch explain themselves.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, latestMail, PASSWORD, signIn, STAFF, uniqueEmail } from "./support/app";

async function pageFor(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  return context.newPage();
}

async function inviteProvider(staff: Page, name: string, ownerEmail: string): Promise<string> {
  await staff.goto("/admin");
  await staff.getByRole("button", { name: "Invite provider" }).click();
  const dialog = staff.getByRole("dialog", { name: "Invite a provider" });
  await dialog.getByLabel("Provider name").fill(name);
  await dialog.getByLabel("Owner email").fill(ownerEmail);
  await dialog.getByRole("button", { name: "Send setup link" }).click();
  await expect(staff).toHaveURL(/\/admin\/providers\/[0-9a-f-]{36}$/);
  return staff.url().split("/").at(-1)!;
}

test("staff invite a provider; the owner signs up from the mail, completes setup and lands on the provider", async ({ page, browser }) => {
  const ownerEmail = uniqueEmail("owner");
  const name = `Tailspin ${Date.now().toString(36)}`;
  await signIn(page, STAFF.email, STAFF.password);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Providers", exact: true })).toBeVisible();
  await expectAccessible(page);

  const providerId = await inviteProvider(page, name, ownerEmail);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("Waiting to be used")).toBeVisible();
  await expect(page.getByText("Pending setup").first()).toBeVisible();
  // Checked without the confirmation toast (sonner's rich colours are the shell's concern).
  await page.reload();
  await expectAccessible(page);

  const mail = await latestMail(ownerEmail, /^Set up /);
  const link = mail.links[0]!;
  expect(link).toContain(`/setup/${providerId}?token=`);

  // The owner, signed out, is sent to sign up with the invited email filled in, and comes back.
  const owner = await pageFor(browser);
  await owner.goto(link);
  await expect(owner).toHaveURL(/\/sign-up\?/);
  await expect(owner.getByLabel("Email")).toHaveValue(ownerEmail);
  await owner.getByLabel("Full name").fill("Olivia Owner");
  await owner.getByLabel("Password").fill(PASSWORD);
  await owner.getByRole("button", { name: "Create account" }).click();
  await expect(owner).toHaveURL(new RegExp(`/setup/${providerId}\\?token=`));
  await expect(owner.getByRole("heading", { name: "Set up your provider" })).toBeVisible();
  await expectAccessible(owner);

  await owner.getByLabel("Provider name").fill(`${name} IT`);
  await owner.getByLabel("Business name (optional)").fill(`${name} IT Services Ltd`);
  await owner.getByLabel("Billing email").fill("billing@tailspin.example");
  await owner.getByRole("button", { name: "Complete setup" }).click();
  await expect(owner).toHaveURL(new RegExp(`/providers/${providerId}$`));
  // …and lands on the provider's empty client list.
  await expect(owner.getByRole("heading", { name: "Clients", exact: true })).toBeVisible();
  await expect(owner.getByText("No clients yet")).toBeVisible();
  await expectAccessible(owner);

  await owner.goto(`/providers/${providerId}/settings`);
  await expect(owner.getByRole("navigation", { name: "Provider" })).toContainText(`${name} IT`);
  await expect(owner.getByText("Add a second Provider Admin")).toBeVisible();
  await expect(owner.getByLabel("Billing email")).toHaveValue("billing@tailspin.example");
  await expectAccessible(owner);

  // The link works once.
  await owner.goto(link);
  await expect(owner.getByRole("heading", { name: "This provider is already set up" })).toBeVisible();
  await expect(owner.getByRole("link", { name: `Open ${name} IT` })).toBeVisible();

  // Staff see it active.
  await page.reload();
  await expect(page.getByText("Used", { exact: true })).toBeVisible();
  await page.goto(`/admin?q=${encodeURIComponent(name)}`);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row.getByText("Active")).toBeVisible();
});

test("a disabled provider's members lose access at once and get it back on enable", async ({ page, browser }) => {
  const ownerEmail = uniqueEmail("disabled-owner");
  const name = `Contoso ${Date.now().toString(36)}`;
  await signIn(page, STAFF.email, STAFF.password);
  const providerId = await inviteProvider(page, name, ownerEmail);
  const token = new URL((await latestMail(ownerEmail)).links[0]!).searchParams.get("token");

  const owner = await pageFor(browser);
  const registered = await owner.request.post("/api/v1/auth/register", { data: { email: ownerEmail, name: "Dana Disabled", password: PASSWORD } });
  expect(registered.status()).toBe(201);
  await signIn(owner, ownerEmail);
  const setup = await owner.request.post(`/api/v1/providers/${providerId}/setup`, { data: { token, name, billingEmail: "billing@contoso.example" } });
  expect(setup.status(), await setup.text()).toBe(200);
  await owner.goto(`/providers/${providerId}/people`);
  await expect(owner.getByRole("heading", { name: "People" })).toBeVisible();

  await page.reload();
  await page.getByRole("button", { name: "Disable provider" }).click();
  const confirm = page.getByRole("dialog", { name: `Disable ${name}?` });
  await expect(confirm).toContainText("lose access to the provider on their next click");
  await confirm.getByRole("button", { name: "Disable provider" }).click();
  await expect(page.getByText("This provider is disabled")).toBeVisible();

  await owner.reload();
  await expect(owner.getByRole("heading", { name: "This provider is disabled" })).toBeVisible();
  expect((await owner.request.get(`/api/v1/providers/${providerId}`)).status()).toBe(403);

  await page.getByRole("button", { name: "Enable provider" }).click();
  await page.getByRole("dialog", { name: `Enable ${name}?` }).getByRole("button", { name: "Enable provider" }).click();
  await expect(page.getByRole("button", { name: "Disable provider" })).toBeVisible();
  await owner.reload();
  await expect(owner.getByRole("heading", { name: "People" })).toBeVisible();
});

test("setup links that cannot work say why: forged, another account, replaced", async ({ page, browser }) => {
  const ownerEmail = uniqueEmail("careful-owner");
  await signIn(page, STAFF.email, STAFF.password);
  const providerId = await inviteProvider(page, `Fourth Coffee ${Date.now().toString(36)}`, ownerEmail);
  const first = (await latestMail(ownerEmail)).links[0]!;

  await page.goto(`/setup/${providerId}?token=not-the-real-token`);
  await expect(page.getByRole("heading", { name: "This setup link is not valid" })).toBeVisible();
  await expectAccessible(page);

  // Staff are signed in, but the link is the owner's.
  await page.goto(first);
  await expect(page.getByRole("heading", { name: "This link is for another account" })).toBeVisible();
  await expect(page.getByRole("button", { name: `Sign out and continue as ${ownerEmail}` })).toBeVisible();

  await page.goto(`/admin/providers/${providerId}`);
  await page.getByRole("button", { name: "Re-issue setup link" }).click();
  await page.getByRole("dialog", { name: "Re-issue the setup link" }).getByRole("button", { name: "Send new link" }).click();
  await expect(page.getByText(`A new setup link was sent to ${ownerEmail}.`)).toBeVisible();

  const visitor = await pageFor(browser);
  await visitor.goto(first);
  await expect(visitor.getByRole("heading", { name: "This setup link was replaced" })).toBeVisible();
});
