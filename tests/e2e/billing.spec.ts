import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signOut, STAFF } from "./support/app";

const PROVIDER = process.env.E2E_BILLING_PROVIDER_ID!;
const PASSWORD = process.env.E2E_BILLING_PASSWORD!;

test("a Provider Admin sees seats under management, the tier, and last month's consolidated invoice with its CSV", async ({ page }) => {
  await signIn(page, process.env.E2E_BILLING_ADMIN_EMAIL!, PASSWORD);
  await page.goto(`/providers/${PROVIDER}/billing`);
  await expect(page.getByRole("heading", { name: "Billing", exact: true })).toBeVisible();
  const seats = page.getByRole("term").filter({ hasText: /^Seats under management$/ });
  await expect(seats).toBeVisible();
  await expect(page.locator("dl dd").filter({ hasText: /^42$/ })).toBeVisible();
  await expect(page.getByText("58 more seats to reach")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: /^INV-\d{6}-\d{6}$/ }).first().click();
  await expect(page.getByRole("heading", { name: /^Invoice INV-/ })).toBeVisible();
  const lines = page.getByRole("table", { name: /Lines of invoice/ });
  await expect(lines).toContainText("Litware Dental");
  await expect(lines).toContainText("Proseware Legal");
  await expect(lines).toContainText("Unassigned seats (Teams (monthly) minimum of 50)");
  await expectAccessible(page);

  const csvHref = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text.split("\n")[0]).toBe("client,id,assigned,used,remaining,plan,total");
  expect(text).toContain("Litware Dental");
});

test("a Service User sees the billing summary but not invoices; a client owner gets no billing at all", async ({ page }) => {
  await signIn(page, process.env.E2E_BILLING_TECH_EMAIL!, PASSWORD);
  await page.goto(`/providers/${PROVIDER}/billing`);
  await expect(page.getByText("Invoices are visible to Provider Admins.")).toBeVisible();
  await signOut(page);

  await signIn(page, process.env.E2E_BILLING_OWNER_EMAIL!, PASSWORD);
  const response = await page.goto(`/organizations/${process.env.E2E_BILLING_CLIENT_ID}/billing`);
  expect(response!.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await page.goto(`/organizations/${process.env.E2E_BILLING_CLIENT_ID}`);
  await expect(page.getByRole("link", { name: "Billing" })).toHaveCount(0);
});

test("staff schedule a price, edit tiers, set a provider's billing and record a payment", async ({ page }) => {
  await signIn(page, STAFF.email, STAFF.password);
  await page.goto("/admin/pricing");
  await expect(page.getByRole("heading", { name: "Pricing and tiers" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Price per seat / month (USD)").fill("4.50");
  await page.getByRole("button", { name: "Schedule price" }).click();
  await expect(page.getByText("Price scheduled.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Seat prices" })).toContainText("$4.50");

  await page.getByRole("button", { name: "Add tier" }).click();
  await page.getByLabel("Tier 5: from seats").fill("5000");
  await page.getByLabel("Tier 5: discount percent").fill("25");
  await page.getByRole("button", { name: "Save tiers" }).click();
  await expect(page.getByText("Discount tiers saved.")).toBeVisible();

  await page.getByRole("button", { name: "Issue invoices" }).click();
  await expect(page.getByText(/Issued 0 invoice\(s\); \d+ had been issued already\./)).toBeVisible();

  await page.goto(`/admin/providers/${PROVIDER}/billing`);
  await expectAccessible(page);
  await page.getByLabel("Billing mode").selectOption("PER_CLIENT");
  await page.getByRole("button", { name: "Save billing settings" }).click();
  await expect(page.getByText("Billing settings saved.")).toBeVisible();
  await expect(page.getByText(/billed per client from \d{4}-\d{2}/i)).toBeVisible();
  await page.getByRole("button", { name: "Mark paid" }).first().click();
  await expect(page.getByText(/marked paid/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Invoices" })).toContainText("paid");
});
