// Policy templates and bulk client actions in the browser: create a template from the policy forms,
// see both clients drift, apply it to the two of them and watch drift go to zero, then bulk-disable
// a client from the client list. Every page gets an accessibility check.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./support/app";

const fixture = {
  providerId: process.env.E2E_TEMPLATES_PROVIDER_ID!,
  adminEmail: process.env.E2E_TEMPLATES_ADMIN_EMAIL!,
  adminPassword: process.env.E2E_TEMPLATES_ADMIN_PASSWORD!,
  clientA: process.env.E2E_TEMPLATES_CLIENT_A!,
  clientB: process.env.E2E_TEMPLATES_CLIENT_B!,
};
const base = `/providers/${fixture.providerId}`;

test.describe.configure({ mode: "serial" });

const stat = (page: Page, label: string) => page.locator("dl > div").filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`, "i") }) }).locator("dd").first();

test("create a template, apply it to two clients, and see drift go to zero", async ({ page }) => {
  await signIn(page, fixture.adminEmail, fixture.adminPassword);
  await page.goto(base);
  await page.getByRole("navigation", { name: "Provider" }).getByRole("link", { name: "Policy templates" }).click();
  await expect(page.getByRole("heading", { name: "Policy templates", level: 1 })).toBeVisible();
  await expect(page.getByText("No policy templates yet")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "New template" }).click();
  await expect(page.getByRole("heading", { name: "New policy template" })).toBeVisible();
  await page.getByLabel("Template name").fill("Baseline");
  await page.getByLabel("The template sets this policy: Vault timeout").check();
  const vault = page.getByRole("region", { name: "Vault timeout" });
  await vault.getByLabel("Maximum timeout (minutes)").fill("0");
  await page.getByRole("button", { name: "Create template" }).click();
  await expect(vault.getByText("Enter a whole number from 1 to 10080.")).toBeVisible();
  await vault.getByLabel("Maximum timeout (minutes)").fill("30");
  await page.getByLabel("The template sets this policy: Remove individual vault export").check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create template" }).click();

  await expect(page.getByRole("heading", { name: "Baseline", level: 1 })).toBeVisible();
  await expect(stat(page, "Drifted")).toHaveText("2");
  await expect(page.getByRole("row", { name: new RegExp(fixture.clientA) })).toContainText("Vault timeout: not set");
  await expectAccessible(page);

  await page.getByLabel(`Select ${fixture.clientA}`).check();
  await page.getByLabel(`Select ${fixture.clientB}`).check();
  await page.getByRole("button", { name: "Apply to selected (2)" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("Applied: 2 changed, 0 unchanged, 0 failed")).toBeVisible();
  await expect(stat(page, "Drifted")).toHaveText("0");
  await expect(stat(page, "In sync")).toHaveText("2");
  await expectAccessible(page);
});

test("bulk-disable a client from the client list", async ({ page }) => {
  await signIn(page, fixture.adminEmail, fixture.adminPassword);
  await page.goto(base);
  await expect(page.getByRole("heading", { name: "Clients", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(`Select ${fixture.clientB}`).check();
  await expect(page.getByRole("region", { name: "Bulk actions" })).toContainText("1 selected client");
  await page.getByRole("button", { name: "Disable" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Disable" }).click();
  await expect(page.getByText("Disable: 1 changed, 0 unchanged, 0 failed")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(fixture.clientB) })).toContainText("Disabled");
  await expect(page.getByRole("row", { name: new RegExp(fixture.clientA) })).toContainText("Active");
  await expectAccessible(page);
});
