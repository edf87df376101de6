// Client-scoped Service Users and cross-client reports end to end: a Provider Admin limits a Service
// User to one client from the people page; the Service User signs in and sees only that client
// (another client's page is a 404). Then the admin reads the reports. Every page gets an axe check.
import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./support/app";

const fixture = {
  providerId: process.env.E2E_SCOPE_PROVIDER_ID!,
  adminEmail: process.env.E2E_SCOPE_ADMIN_EMAIL!,
  adminPassword: process.env.E2E_SCOPE_ADMIN_PASSWORD!,
  serviceEmail: process.env.E2E_SCOPE_SERVICE_EMAIL!,
  servicePassword: process.env.E2E_SCOPE_SERVICE_PASSWORD!,
  outOfScopeClientId: process.env.E2E_SCOPE_OUT_OF_SCOPE_CLIENT_ID!,
};

test.describe.configure({ mode: "serial" });

test("an admin limits a Service User to one client, who then sees only that client", async ({ page }) => {
  await signIn(page, fixture.adminEmail, fixture.adminPassword);
  await page.goto(`/providers/${fixture.providerId}/people`);
  const row = page.getByRole("row", { name: /Sid Service/ });
  await row.getByRole("button", { name: "Client access of Sid Service: All clients" }).click();
  const dialog = page.getByRole("dialog", { name: "Client access of Sid Service" });
  await expect(dialog.getByRole("radio", { name: /All clients/ })).toBeChecked();
  await dialog.getByRole("radio", { name: /Selected clients/ }).check();
  await expect(dialog.getByText("will see no clients until you add some")).toBeVisible();
  await dialog.getByRole("combobox", { name: "Add a client" }).fill("beta");
  await dialog.getByRole("option", { name: /Beta Legal/ }).click();
  await expect(dialog.getByRole("listitem").filter({ hasText: "Beta Legal" })).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Save client access" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("button", { name: "Client access of Sid Service: 1 client" })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, fixture.serviceEmail, fixture.servicePassword);
  await page.goto(`/providers/${fixture.providerId}`);
  await expect(page.getByRole("heading", { name: "Clients", level: 1 })).toBeVisible();
  const clients = page.getByRole("table", { name: "Clients" });
  await expect(clients.getByRole("link", { name: "Beta Legal", exact: true })).toBeVisible();
  await expect(clients.getByRole("row")).toHaveCount(2);
  await expect(page.getByText("Alpha Dental")).toHaveCount(0);
  await expect(page.getByText("1 clients in total").or(page.getByText("1 client in total"))).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/providers/${fixture.providerId}/clients/${fixture.outOfScopeClientId}`);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await page.goto(`/organizations/${fixture.outOfScopeClientId}`);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await signOut(page);
});

test("a Provider Admin reads the cross-client reports", async ({ page }) => {
  await signIn(page, fixture.adminEmail, fixture.adminPassword);
  await page.goto(`/providers/${fixture.providerId}`);
  await page.getByRole("navigation", { name: "Provider" }).getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  const seats = page.getByRole("table", { name: "Seat utilisation per client" });
  await expect(seats.getByRole("row")).toHaveCount(4);
  // Lowest utilisation first: Gamma Robotics has no occupied seats.
  await expect(seats.getByRole("row").nth(1)).toContainText("Gamma Robotics");
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveAttribute("href", /reports\/seat-utilization\?.*format=csv/);
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Reports" }).getByRole("link", { name: "Pending invitations" }).click();
  const pending = page.getByRole("table", { name: "Pending invitations across clients" });
  await expect(pending.getByRole("row").nth(1)).toContainText("owner@alpha.test");
  await expect(pending.getByRole("row").nth(1)).toContainText("5 days");
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Reports" }).getByRole("link", { name: "Policy compliance" }).click();
  await expect(page.getByRole("table", { name: "Key policies per client" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Reports" }).getByRole("link", { name: "Two-step login adoption" }).click();
  await expect(page.getByRole("table", { name: "Two-step login adoption per client" })).toBeVisible();
  await expectAccessible(page);

  const csv = await page.request.get(`/api/v1/providers/${fixture.providerId}/reports/seat-utilization?format=csv`);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split("\r\n")[0]).toBe("client_id,client_name,plan,assigned_seats,occupied_seats,available_seats,utilization_percent,enabled");
});
