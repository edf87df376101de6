// The provider event log in the browser: filter, page, export exactly the filtered list, verify the
// chain; staff read it too, service users may not. Data: tests/e2e/fixtures/event-log.ts.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import { EVENT_LOG } from "./support/event-log-data";
import { expectAccessible, signIn, STAFF } from "./support/app";

/** Signs in as the fixture's admin (home leads to their only provider) and opens its event log. */
async function openLog(page: Page): Promise<string> {
  await signIn(page, EVENT_LOG.admin.email, EVENT_LOG.password);
  await page.waitForURL(/\/providers\/[0-9a-f-]{36}/);
  const logPath = `${new URL(page.url()).pathname.match(/^\/providers\/[0-9a-f-]{36}/)![0]}/events`;
  await page.goto(logPath);
  await expect(page.getByRole("heading", { name: "Event log", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Provider" }).getByRole("link", { name: "Event log" })).toHaveAttribute("aria-current", "page");
  return logPath;
}

const rows = (page: Page) => page.getByRole("table", { name: "Events, newest first" }).locator("tbody tr");

test("a provider admin filters, pages through, exports and verifies the event log", async ({ page }) => {
  const logPath = await openLog(page);
  expect(logPath).toMatch(/^\/providers\/[0-9a-f-]{36}\/events$/);
  await expect(rows(page)).toHaveCount(50);
  await expect(rows(page).first()).toContainText("via Eventful IT");
  await expectAccessible(page);

  // Page through: page 2 starts where page 1 ended, and "First page" comes back.
  const firstOfPage1 = await rows(page).first().innerText();
  const lastOfPage1 = await rows(page).last().innerText();
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page.getByText("Page 2 · 50 events, newest first")).toBeVisible();
  expect(await rows(page).first().innerText()).not.toBe(lastOfPage1);
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page.getByText("Page 3 · 30 events, newest first")).toBeVisible();
  await expect(page.getByRole("link", { name: "Next" })).toHaveCount(0);
  await page.getByRole("link", { name: "First page" }).click();
  await expect(page.getByText("Page 1 · 50 events, newest first")).toBeVisible();
  expect(await rows(page).first().innerText()).toBe(firstOfPage1);

  // Filter by type: applied at once.
  await page.getByLabel("Event type").selectOption({ label: "Policy changed" });
  await expect(page).toHaveURL(/type=POLICY_UPDATED/);
  await expect(rows(page)).toHaveCount(13);
  for (const text of await rows(page).allInnerTexts()) expect(text).toContain('turned on the policy "Require two-step login"');

  // Client filter by name: two match "contoso", pick one.
  await page.getByLabel("Event type").selectOption({ label: "All event types" });
  await expect(page).not.toHaveURL(/type=/);
  await page.getByLabel("Client").fill("contoso");
  await page.getByLabel("Client").press("Enter");
  await expect(page.getByText("Several clients match “contoso”. Which one?")).toBeVisible();
  await page.getByRole("link", { name: "Contoso Legal" }).click();
  await expect(page.getByLabel("Client")).toHaveValue("Contoso Legal");
  await expect(rows(page).first()).toBeVisible();
  for (const text of await rows(page).allInnerTexts()) expect(text).toContain("Contoso Legal");

  // Export exactly this filter.
  const providerId = logPath.split("/")[2];
  const clientId = new URL(page.url()).searchParams.get("org");
  expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
  const listed = await page.request.get(`/api/v1/providers/${providerId}/events?organizationId=${clientId}&limit=200`);
  const expectedIds = ((await listed.json()).data as { id: string }[]).map((e) => e.id);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^eventful-it-events-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = parse(readFileSync((await download.path())!, "utf8"), { columns: true }) as { event_id: string; organization_name: string }[];
  expect(csv.map((r) => r.event_id)).toEqual(expectedIds);
  expect(new Set(csv.map((r) => r.organization_name))).toEqual(new Set(["Contoso Legal"]));

  // A client whose name has a comma and quotes survives the round trip.
  await page.getByLabel("Client").fill("Fabrikam");
  await page.getByLabel("Client").press("Enter");
  await expect(page.getByLabel("Client")).toHaveValue('Fabrikam, "Quoted" Inc');
  const downloadingQuoted = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const quoted = parse(readFileSync((await (await downloadingQuoted).path())!, "utf8"), { columns: true }) as { organization_name: string }[];
  expect(quoted.length).toBeGreaterThan(0);
  expect(new Set(quoted.map((r) => r.organization_name))).toEqual(new Set(['Fabrikam, "Quoted" Inc']));

  // Date presets: today's events only (at most a handful: the fixture writes one every 7 hours).
  await page.getByRole("link", { name: "Reset" }).click();
  // Reset is a full page load: a choice made before the new page has hydrated would change the
  // select without applying it (seen on a busy machine), so wait for the page to settle first.
  await expect(page).toHaveURL(/\/events$/);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Date").selectOption({ label: "Today" });
  await expect(page).toHaveURL(/range=today/);
  expect(await rows(page).count()).toBeLessThanOrEqual(4);

  // Verify the chain.
  await page.getByRole("button", { name: "Verify log" }).click();
  await expect(page.getByText("The log is intact")).toBeVisible();
  await expect(page.getByText(`All ${EVENT_LOG.eventCount} events were verified`)).toBeVisible();
  await expectAccessible(page);
});

test("a custom date range shows the events of those days", async ({ page }) => {
  await openLog(page);
  await page.getByLabel("Date").selectOption({ label: "Custom range" });
  const day = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("From (first day)").fill(day);
  await page.getByLabel("To (last day)").fill(day);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`range=custom.*from=${day}&to=${day}`));
  const count = await rows(page).count();
  expect(count).toBeGreaterThanOrEqual(3);
  expect(count).toBeLessThanOrEqual(4);
  await expectAccessible(page);
});

test("staff read a provider's log; a service user is refused", async ({ page, browser }) => {
  const logPath = await openLog(page);
  const staff = await browser.newPage();
  await signIn(staff, STAFF.email, STAFF.password);
  await staff.goto(logPath);
  await expect(staff.getByRole("heading", { name: "Event log", level: 1 })).toBeVisible();
  await expect(rows(staff)).toHaveCount(50);
  await staff.close();

  const tech = await browser.newPage();
  await signIn(tech, EVENT_LOG.serviceUser.email, EVENT_LOG.password);
  await tech.goto(logPath);
  await expect(tech.getByRole("table", { name: "Events, newest first" })).toHaveCount(0);
  await expect(tech.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await tech.close();
});

test("a client's own event log uses the same component, filtered to that client", async ({ page }) => {
  const logPath = await openLog(page);
  const listed = await page.request.get(`/api/v1${logPath}?limit=1`);
  const clientId = ((await listed.json()).data[0] as { organization: { id: string } }).organization.id;
  await page.goto(`/organizations/${clientId}/events`);
  await expect(page.getByRole("heading", { name: "Event log", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Client")).toHaveCount(0);
  const count = await rows(page).count();
  expect(count).toBeGreaterThanOrEqual(43);
  expect(count).toBeLessThanOrEqual(44);
  await page.getByLabel("Done by").selectOption({ label: `${EVENT_LOG.serviceUser.name} (${EVENT_LOG.serviceUser.email})` });
  await expect(page).toHaveURL(/actor=/);
  for (const text of await rows(page).allInnerTexts()) expect(text).toMatch(new RegExp(`^${EVENT_LOG.serviceUser.name} `, "m"));
  await expectAccessible(page);
});
