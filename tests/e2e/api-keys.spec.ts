// API keys end to end: a Provider Admin creates a key, copies it, an outside client (a request
// context without cookies) lists the provider's clients with it, the admin sees it used and revokes
// it, and the next call is refused. Then the API reference. Every page gets an accessibility check.
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { expectAccessible, signIn } from "./support/app";

const fixture = {
  providerId: process.env.E2E_API_KEYS_PROVIDER_ID!,
  adminEmail: process.env.E2E_API_KEYS_ADMIN_EMAIL!,
  adminPassword: process.env.E2E_API_KEYS_ADMIN_PASSWORD!,
  clientName: process.env.E2E_API_KEYS_CLIENT_NAME!,
};

test.describe.configure({ mode: "serial" });

test("create an API key, copy it, call the API with it, see it used, revoke it, and be refused", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, fixture.adminEmail, fixture.adminPassword);
  await page.goto(`/providers/${fixture.providerId}`);
  await page.getByRole("navigation", { name: "Provider" }).getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No API keys yet" })).toBeVisible();
  await expectAccessible(page);

  // Create: a name is required, then the key is shown once.
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByText("Name the key after what uses it")).toBeVisible();
  await dialog.getByLabel("Name").fill("PSA sync");
  await dialog.getByLabel("Acts as").selectOption("SERVICE_USER");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByRole("heading", { name: "API key “PSA sync” created" })).toBeVisible();
  const secret = await dialog.getByTestId("new-api-key").inputValue();
  expect(secret).toMatch(/^pp_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);

  await dialog.getByRole("button", { name: "Copy" }).click();
  await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await expect(dialog.getByRole("button", { name: "Done" })).toBeDisabled();
  await dialog.getByLabel("I have stored the key somewhere safe").check();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole("row", { name: /PSA sync/ });
  await expect(row).toContainText("Service User");
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Never");
  await expect(page.getByText(secret)).toHaveCount(0);

  // An outside client: no cookies, just the key.
  const outside = await playwrightRequest.newContext({ baseURL });
  const clientsUrl = `/api/v1/providers/${fixture.providerId}/clients`;
  const ok = await outside.get(clientsUrl, { headers: { authorization: `Bearer ${secret}` } });
  expect(ok.status(), await ok.text()).toBe(200);
  expect((await ok.json()).data.map((c: { name: string }) => c.name)).toContain(fixture.clientName);
  expect((await outside.get(clientsUrl)).status()).toBe(401);
  const notForKeys = await outside.get(`/api/v1/providers/${fixture.providerId}/api-keys`, { headers: { authorization: `Bearer ${secret}` } });
  expect(notForKeys.status()).toBe(403);

  await page.reload();
  await expect(row).not.toContainText("Never");

  // Revoke, with a confirmation; the very next call is refused.
  await row.getByRole("button", { name: "Revoke PSA sync" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke “PSA sync”?" });
  await expect(confirm).toContainText("Every request made with");
  await expectAccessible(page);
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: "Revoke PSA sync" })).toHaveCount(0);

  const refused = await outside.get(clientsUrl, { headers: { authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("api_key_revoked");
  await outside.dispose();
});

test("the API reference shows every operation with its parameters and a curl example, and serves openapi.json", async ({ page, request }) => {
  await signIn(page, fixture.adminEmail, fixture.adminPassword);
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  await expectAccessible(page);

  const operation = page.locator("details", { has: page.locator("summary", { hasText: "List clients with totals" }) });
  await operation.locator("summary").click();
  await expect(operation.getByRole("table", { name: /Parameters of GET/ })).toContainText("cursor");
  await expect(operation).toContainText("Authorization: Bearer $PROVIDER_PORTAL_API_KEY");
  await expect(operation).toContainText("API keys: accepted from Provider Admin and Service User keys of this provider.");
  await expectAccessible(page);

  const document = await request.get("/api/v1/openapi.json");
  expect(document.status()).toBe(200);
  const json = await document.json();
  expect(json.openapi).toBe("3.1.0");
  expect(json.paths[`/api/v1/providers/{id}/clients`].get.security).toEqual([{ session: [] }, { apiKey: [] }]);
});
