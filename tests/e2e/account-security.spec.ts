import { expect, test, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { expectAccessible, latestMail, PASSWORD, registerViaApi, signIn, signOut, uniqueEmail } from "./support/app";

/** What an authenticator app holding `secret` shows `stepsAhead` 30-second steps from now. */
function authenticatorCode(secret: string, stepsAhead = 0): string {
  const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
  return totp.generate({ timestamp: Date.now() + stepsAhead * 30_000 });
}

async function startSignIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("turn on two-step login, then sign in with an authenticator code and with a recovery code", async ({ page }) => {
  const email = uniqueEmail("two-step");
  await registerViaApi(page.request, { name: "Tess Twostep", email });
  await signIn(page, email);

  await page.goto("/account");
  const section = page.getByRole("region", { name: "Two-step login" });
  await expect(section.getByText("Off", { exact: true })).toBeVisible();
  await expectAccessible(page);

  await section.getByRole("button", { name: "Turn on two-step login" }).click();
  const dialog = page.getByRole("dialog", { name: "Set up your authenticator app" });
  await expect(dialog.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await dialog.getByRole("textbox", { name: "Setup key" }).inputValue()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectAccessible(page);

  await dialog.getByLabel("Authentication code").fill("000000");
  await dialog.getByRole("button", { name: "Turn on" }).click();
  await expect(dialog.getByText("This code is not valid.")).toBeVisible();
  await dialog.getByLabel("Authentication code").fill(authenticatorCode(secret));
  await dialog.getByRole("button", { name: "Turn on" }).click();

  const codesDialog = page.getByRole("dialog", { name: "Your recovery codes" });
  const codeItems = codesDialog.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codeItems).toHaveCount(10);
  const codes = await codeItems.allTextContents();
  for (const code of codes) expect(code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
  await expect(codesDialog.getByRole("link", { name: "Download" })).toHaveAttribute("download", "provider-portal-recovery-codes.txt");
  await expectAccessible(page);
  const done = codesDialog.getByRole("button", { name: "Done" });
  await expect(done).toBeDisabled();
  await codesDialog.getByLabel("I have saved my recovery codes").check();
  await done.click();
  await expect(section.getByText("On", { exact: true })).toBeVisible();
  await expect(section.getByText("10 of 10")).toBeVisible();
  expect((await latestMail(email, /Two-step login is on/)).text).toContain("Two-step login was turned on");

  // Sign in again: the password alone is not enough.
  await signOut(page);
  await startSignIn(page, email);
  const codeField = page.getByLabel("Authentication code");
  await expect(codeField).toBeVisible();
  await expect(page).toHaveURL(/sign-in/);
  // The enrolment used this step's code; an authenticator shows the next one within 30 seconds.
  await codeField.fill(authenticatorCode(secret, 1));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Tess" })).toBeVisible();

  // And with a recovery code instead of the authenticator.
  await signOut(page);
  await startSignIn(page, email);
  await expect(page.getByLabel("Authentication code")).toBeVisible();
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(codes[0]!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Tess" })).toBeVisible();
  const mail = await latestMail(email, /recovery code was used/);
  expect(mail.text).toContain("You have 9 recovery codes left");

  await page.goto("/account");
  await expect(page.getByRole("region", { name: "Two-step login" }).getByText("9 of 10")).toBeVisible();

  // A used recovery code does not work twice.
  await signOut(page);
  await startSignIn(page, email);
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(codes[0]!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That code is not valid" })).toBeVisible();
  await expect(page).toHaveURL(/sign-in/);
});

test("changing the password keeps this browser signed in and signs out every other one", async ({ page, browser }) => {
  const email = uniqueEmail("changer");
  const newPassword = "Quartz-Harbor-Meadow-31";
  await registerViaApi(page.request, { name: "Cora Changer", email });
  await signIn(page, email);
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, email);

  await page.goto("/account");
  const section = page.getByRole("region", { name: "Password" });
  await section.getByLabel("Current password").fill("not-my-password-at-all");
  await section.getByLabel("New password", { exact: true }).fill(newPassword);
  await section.getByLabel("Confirm new password").fill(newPassword);
  await section.getByRole("button", { name: "Change password" }).click();
  await expect(section.getByText("The password is incorrect.")).toBeVisible();

  await section.getByLabel("Current password").fill(PASSWORD);
  await section.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. You were signed out everywhere else.")).toBeVisible();
  await expect(section.getByLabel("Current password")).toHaveValue("");

  // This browser stays signed in …
  await page.reload();
  await expect(page.getByRole("heading", { name: "Account settings" })).toBeVisible();
  // … the other one is signed out and must use the new password.
  await other.goto("/account");
  await expect(other).toHaveURL(/sign-in/);
  await signIn(other, email, newPassword);
  expect((await latestMail(email, /Your password was changed/)).text).toContain("Every other session was signed out");

  // Sign out everywhere ends both.
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.getByRole("dialog", { name: "Sign out everywhere?" }).getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/sign-in/);
  await page.goto("/account");
  await expect(page).toHaveURL(/sign-in/);
  await other.goto("/account");
  await expect(other).toHaveURL(/sign-in/);
  await otherContext.close();
});
