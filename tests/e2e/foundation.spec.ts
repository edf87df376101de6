import { expect, test } from "@playwright/test";
import { expectAccessible, PASSWORD, signIn, signOut, signUp, uniqueEmail } from "./support/app";

test("a protected page sends a signed-out visitor to sign in, and back afterwards", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectAccessible(page);
});

test("sign up, sign out, sign in again", async ({ page }) => {
  const email = uniqueEmail("newcomer");
  await page.goto("/sign-up");
  await expectAccessible(page);
  await signUp(page, { name: "Nora Newcomer", email });
  await expect(page.getByRole("heading", { name: "Welcome, Nora" })).toBeVisible();
  await expect(page.getByText("You are not part of a provider or organization yet")).toBeVisible();
  await expectAccessible(page);

  await signOut(page);
  await page.goto("/");
  await expect(page).toHaveURL(/sign-in/);

  await signIn(page, email, PASSWORD);
  await expect(page.getByRole("heading", { name: "Welcome, Nora" })).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(uniqueEmail("nobody"));
  await page.getByLabel("Password").fill("not-the-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The email address or password is incorrect." })).toBeVisible();
  await expect(page).toHaveURL(/sign-in/);
});

test("sign-up explains a weak password next to the field", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill("Weak Walter");
  await page.getByLabel("Email").fill(uniqueEmail("weak"));
  await page.getByLabel("Password").fill("password1234");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This password is too common")).toHaveCount(2);
});
