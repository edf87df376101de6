// The provider's clients, end to end in the browser: an empty list, many clients created through the
// API, one through the wizard, found by search, seats changed, entered (acting as the provider),
// its owner accepting the invitation, removal refused without a confirmed owner, and an owned
// organization added and removed again. Every page gets an accessibility check.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, latestMail, PASSWORD, signIn } from "./support/app";

const fixture = {
  providerId: process.env.E2E_CLIENTS_PROVIDER_ID!,
  providerName: process.env.E2E_CLIENTS_PROVIDER_NAME!,
  adminEmail: process.env.E2E_CLIENTS_ADMIN_EMAIL!,
  adminPassword: process.env.E2E_CLIENTS_ADMIN_PASSWORD!,
  addableOrganization: process.env.E2E_CLIENTS_ADDABLE_ORG!,
  familiesOrganization: process.env.E2E_CLIENTS_FAMILIES_ORG!,
};
const clientsUrl = `/providers/${fixture.providerId}`;
const BULK = 60;
const OWNER_EMAIL = "zoe.owner@zephyr-dental.test";

test.describe.configure({ mode: "serial" });

async function asAdmin(page: Page) {
  await signIn(page, fixture.adminEmail, fixture.adminPassword);
}

test("a provider without clients sees an empty state leading to New client", async ({ page }) => {
  await asAdmin(page);
  await page.goto(clientsUrl);
  await expect(page.getByRole("heading", { name: "Clients", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No clients yet" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("main").getByRole("link", { name: "New client" }).last().click();
  await expect(page).toHaveURL(`${clientsUrl}/clients/new`);
});

test("create a client with the wizard, find it among many, change its seats, enter it, and be refused removal without a confirmed owner", async ({ page }) => {
  await asAdmin(page);

  // Many clients, quickly, through the same API the wizard uses.
  for (let i = 1; i <= BULK; i++) {
    const response = await page.request.post(`/api/v1/providers/${fixture.providerId}/clients`, {
      data: {
        name: `Bulk Client ${String(i).padStart(3, "0")}`,
        billingEmail: `billing${i}@bulk.test`,
        plan: i % 3 ? "TEAMS_MONTHLY" : "ENTERPRISE_MONTHLY",
        seats: 5 + (i % 7),
        ownerEmail: `owner${i}@bulk.test`,
        paymentMethod: { kind: "INVOICE", label: "Net 30" },
      },
    });
    expect(response.status(), await response.text()).toBe(201);
  }

  // The wizard, step by step; each step checks its fields before moving on.
  await page.goto(`${clientsUrl}/clients/new`);
  await expect(page.getByRole("heading", { name: "New client" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await page.getByLabel("Organization name").fill("Zephyr Dental");
  await page.getByLabel("Billing email").fill("billing@zephyr-dental.test");
  await page.getByLabel("Enterprise (monthly)").check();
  await page.getByLabel("Seats").fill("10");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Owner email").fill(OWNER_EMAIL);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Kind").selectOption("CARD");
  await page.getByLabel("Label").fill("4111 1111 1111 1111");
  await page.getByLabel("Last 4 digits").fill("1111");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Never enter a full card or account number; only the last 4 digits.")).toBeVisible();
  await page.getByLabel("Label").fill("Visa");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Review" })).toBeVisible();
  await expect(page.getByText("Card — Visa ending 1111")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create client" }).click();

  // Lands on the client's page.
  await expect(page.getByRole("heading", { name: "Zephyr Dental", level: 1 })).toBeVisible();
  await expect(page.getByText(`We emailed ${OWNER_EMAIL}`)).toBeVisible();
  await expect(page.getByText("No confirmed owner yet")).toBeVisible();
  await expectAccessible(page);
  const clientUrl = page.url();
  const organizationId = clientUrl.split("/").at(-1)!;
  const invitation = await latestMail(OWNER_EMAIL, /Join Zephyr Dental/);
  expect(invitation.links[0]).toContain(`/invitations/organization/${organizationId}/`);

  // Among 61 clients it is not on the first page; search finds it.
  await page.goto(clientsUrl);
  await expect(page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Next" })).toBeVisible();
  await expect(page.getByText(`${BULK + 1} clients in total`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Zephyr Dental" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("searchbox", { name: "Search clients by name" }).fill("zephyr");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?q=zephyr/);
  const rows = page.getByRole("table", { name: /Clients matching zephyr/ }).getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("Enterprise (monthly)");
  await expect(rows.nth(1)).toContainText("1 of 10 seats occupied");

  // Sorting is a link too: most seats first.
  await page.getByRole("link", { name: "Clear search" }).click();
  await page.getByRole("link", { name: /^Seats/ }).click();
  await expect(page).toHaveURL(/sort=seats/);
  await expect(page.getByRole("columnheader", { name: /Seats/ })).toHaveAttribute("aria-sort", "descending");

  // Change seats.
  await page.goto(clientUrl);
  await page.getByLabel("Seats").fill("30");
  await page.getByRole("button", { name: "Change seats" }).click();
  await expect(page.getByText("Seats changed from 10 to 30.")).toBeVisible();
  await expect(page.getByText("1 of 30 seats occupied").first()).toBeVisible();

  // Enter the client: its admin console says whom we act for.
  await page.getByRole("link", { name: "Open admin console" }).click();
  await expect(page).toHaveURL(`/organizations/${organizationId}`);
  await expect(page.getByText(`Acting as ${fixture.providerName}`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Zephyr Dental", level: 1 })).toBeVisible();
  await expect(page.getByText("Card — Visa ending 1111")).toBeVisible();
  await expectAccessible(page);

  // Removal names its consequences, and is refused while nobody can take the client over.
  await page.goto(clientUrl);
  await page.getByRole("button", { name: "Remove client" }).click();
  const dialog = page.getByRole("dialog", { name: `Remove Zephyr Dental from ${fixture.providerName}?` });
  await expect(dialog.getByText("It becomes self-billed")).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Remove client" }).click();
  await expect(dialog.getByRole("alert")).toContainText("has no confirmed Owner");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: "Zephyr Dental", level: 1 })).toBeVisible();
});

test("the client's owner accepts the invitation by creating an account with the invited address", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const invitation = await latestMail(OWNER_EMAIL, /Join Zephyr Dental/);
  await page.goto(invitation.links[0]!);
  await expect(page.getByRole("heading", { name: "Join Zephyr Dental" })).toBeVisible();
  await expect(page.getByText(`${OWNER_EMAIL} is invited to join as an Owner.`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByLabel("Email")).toHaveValue(OWNER_EMAIL);
  await page.getByLabel("Full name").fill("Zoe Zephyr");
  await page.getByLabel("Password").fill(PASSWORD);
  // Creating the account from the invitation also accepts it.
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/organizations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Waiting for confirmation" })).toBeVisible();
  // The link has done its job.
  await page.goto(invitation.links[0]!);
  await expect(page.getByRole("heading", { name: "Invitation already accepted" })).toBeVisible();
  await context.close();
});

test("add an organization the admin owns as a client, then remove it again", async ({ page }) => {
  await asAdmin(page);
  await page.goto(`${clientsUrl}/clients/add`);
  await expect(page.getByRole("heading", { name: "Add existing organization" })).toBeVisible();
  const families = page.getByRole("row", { name: new RegExp(fixture.familiesOrganization) });
  await expect(families).toContainText("Only Teams and Enterprise organizations can be managed by a provider");
  await expectAccessible(page);
  await page.getByRole("button", { name: `Add as client ${fixture.addableOrganization}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Add as client" }).click();
  await expect(page.getByRole("heading", { name: fixture.addableOrganization, level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Remove client" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove client" }).click();
  await expect(page).toHaveURL(clientsUrl);
  await expect(page.getByText(`${fixture.addableOrganization} is no longer a client of ${fixture.providerName}.`)).toBeVisible();
  await page.getByRole("searchbox", { name: "Search clients by name" }).fill(fixture.addableOrganization);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: `No clients match “${fixture.addableOrganization}”` })).toBeVisible();
});
