// A provider admin runs a client's admin console end to end: invites a member who accepts and is
// confirmed, builds a group and a collection with access, turns on two policies and imports a
// Bitwarden export. The provider admin sees counts only; the member sees the imported credentials.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, latestMail } from "./support/app";
import { acceptOrganizationInvitation, clientOrganization, newAccount } from "./support/organizations";

function bitwardenExport() {
  const folders = [
    { id: "f-finance", name: "Finance" },
    { id: "f-marketing", name: "Marketing" },
  ];
  const items = Array.from({ length: 240 }, (_, i) => {
    const type = i % 10 === 9 ? 2 : i % 20 === 18 ? 3 : 1;
    return {
      id: `item-${i}`,
      folderId: i % 3 === 0 ? null : i % 3 === 1 ? "f-finance" : "f-marketing",
      type,
      name: `${type === 1 ? "Login" : type === 2 ? "Note" : "Card"} ${String(i).padStart(3, "0")}`,
      notes: type === 2 ? `note ${i}` : null,
      favorite: false,
      reprompt: 0,
      fields: [],
      ...(type === 1 ? { login: { username: `user${i}@contoso.example`, password: `Pw-${i}-secret!`, totp: null, uris: [{ match: null, uri: `https://app${i}.example` }] } } : {}),
      ...(type === 2 ? { secureNote: { type: 0 } } : {}),
      ...(type === 3 ? { card: { cardholderName: "Contoso", brand: "Visa", number: `41111111111${String(1000 + i)}`, expMonth: "1", expYear: "2030", code: "123" } } : {}),
    };
  });
  const counts = { logins: items.filter((i) => i.type === 1).length, notes: items.filter((i) => i.type === 2).length, cards: items.filter((i) => i.type === 3).length };
  return { json: JSON.stringify({ encrypted: false, folders, items }), counts, total: items.length };
}

async function open(page: Page, path: string, heading: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expectAccessible(page);
}

test("a provider admin administers a client organization end to end", async ({ browser }) => {
  test.setTimeout(180_000);
  const { admin, organizationId } = await clientOrganization(browser, { name: "Contoso Pharma", seats: 10 });
  const base = `/organizations/${organizationId}`;
  const page = await admin.newPage();

  // Invite a member; they accept with the link from their mail; the admin confirms them.
  await open(page, `${base}/members`, "Members");
  const member = await newAccount(browser, "Uma User");
  await page.getByRole("button", { name: "Invite members" }).click();
  const invite = page.getByRole("dialog", { name: "Invite members" });
  await invite.getByLabel("Email addresses").fill(member.email);
  await invite.getByLabel("Role").selectOption("USER");
  await expectAccessible(page);
  await invite.getByRole("button", { name: "Send invitations" }).click();
  const row = page.getByRole("row").filter({ hasText: member.email });
  await expect(row.getByText("Invited")).toBeVisible();
  await acceptOrganizationInvitation(member.context.request, (await latestMail(member.email, /Join Contoso Pharma/)).links[0]!);
  await page.reload();
  await expect(row.getByText("Needs confirmation")).toBeVisible();
  await row.getByRole("button", { name: `Actions for ${member.email}` }).click();
  await page.getByRole("menuitem", { name: "Confirm" }).click();
  await expect(row.getByText("Confirmed")).toBeVisible();
  await expectAccessible(page);

  // A group with that member.
  await open(page, `${base}/groups`, "Groups");
  await page.getByRole("button", { name: "New group" }).click();
  const groupDialog = page.getByRole("dialog", { name: "New group" });
  await groupDialog.getByLabel("Name").fill("Finance team");
  await groupDialog.getByRole("combobox", { name: "Add members" }).fill("Uma");
  await groupDialog.getByRole("option", { name: /Uma User/ }).click();
  await expectAccessible(page);
  await groupDialog.getByRole("button", { name: "Create group" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Finance team" })).toContainText("1");

  // A collection the group can use.
  await open(page, `${base}/collections`, "Collections");
  await page.getByRole("button", { name: "New collection" }).click();
  const collectionDialog = page.getByRole("dialog", { name: "New collection" });
  await collectionDialog.getByLabel("Name").fill("Finance");
  await collectionDialog.getByRole("combobox", { name: "Add a group" }).fill("Finance");
  await collectionDialog.getByRole("option", { name: /Finance team/ }).click();
  await collectionDialog.getByLabel("Permission for Finance team").selectOption("VIEW");
  await collectionDialog.getByRole("button", { name: "Create collection" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Finance" }).filter({ hasText: "1 group" })).toBeVisible();

  // Two policies.
  await open(page, `${base}/policies`, "Policies");
  const master = page.getByRole("region", { name: "Master password requirements" });
  await master.getByLabel("Turn this policy on").check();
  await master.getByLabel("Minimum length").fill("14");
  await master.getByRole("button", { name: "Save" }).click();
  await expect(master.getByText("On", { exact: true })).toBeVisible();
  const timeout = page.getByRole("region", { name: "Vault timeout" });
  await timeout.getByLabel("Turn this policy on").check();
  await timeout.getByLabel("Maximum timeout (minutes)").fill("30");
  await timeout.getByLabel("Timeout action").selectOption("lock");
  await timeout.getByRole("button", { name: "Save" }).click();
  await expect(timeout.getByText("On", { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByText("2 of 9 on.", { exact: false })).toBeVisible();
  await expect(page.getByRole("region", { name: "Master password requirements" }).getByLabel("Minimum length")).toHaveValue("14");

  // Import: preview with counts and collections, then the import itself.
  const file = bitwardenExport();
  await open(page, `${base}/import`, "Import");
  await page.getByLabel(/Export file/).setInputFiles({ name: "contoso-export.json", mimeType: "application/json", buffer: Buffer.from(file.json) });
  await expect(page.getByText("is a valid Bitwarden JSON export")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Finance" })).toContainText("Existing");
  await expect(page.getByRole("row").filter({ hasText: "Marketing" })).toContainText("Will be created");
  await expectAccessible(page);
  await page.getByRole("button", { name: `Import ${file.total} items` }).click();
  await expect(page.getByText(`Imported ${file.total} items`)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("term").filter({ hasText: "Logins" }).locator("..")).toContainText(String(file.counts.logins));
  await expect(page.getByRole("term").filter({ hasText: "Cards" }).locator("..")).toContainText(String(file.counts.cards));
  await expectAccessible(page);

  // The provider admin sees counts only.
  await open(page, `${base}/vault`, "Vault items");
  await expect(page.getByText("Credentials are private to Contoso Pharma")).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: /^Items$/ }).locator("..")).toContainText(String(file.total));
  expect((await page.request.get(`/api/v1/organizations/${organizationId}/items`)).status()).toBe(403);

  // Settings.
  await open(page, `${base}/settings`, "Settings");
  await page.getByLabel("Organization name").fill("Contoso Pharma Ltd");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Organization settings saved.")).toBeVisible();

  // The member reads the Finance collection's items through the group.
  const memberPage = await member.context.newPage();
  await open(memberPage, `${base}/vault`, "Vault items");
  await expect(memberPage.getByRole("row").filter({ hasText: "Login 001" })).toBeVisible();
  await expect(memberPage.getByRole("row").filter({ hasText: "Login 002" })).toHaveCount(0);
  await memberPage.getByRole("button", { name: "View Login 001" }).click();
  const item = memberPage.getByRole("dialog", { name: "Login 001" });
  await expect(item.getByText("user1@contoso.example")).toBeVisible();
  await item.getByRole("button", { name: "Show password" }).click();
  await expect(item.getByText("Pw-1-secret!")).toBeVisible();
  await expectAccessible(memberPage);
});
