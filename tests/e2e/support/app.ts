// Helpers for end-to-end tests: they drive the app only through the browser, the HTTP API and the
// mail outbox — the same ways a person or an outside client would.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const PASSWORD = "An-Unusual-Passphrase-42";
export const STAFF = { email: process.env.E2E_STAFF_EMAIL!, password: process.env.E2E_STAFF_PASSWORD! };

let counter = 0;
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${(counter++).toString(36)}@example.test`;
}

export async function signUp(page: Page, user: { name: string; email: string; password?: string }, from = "/sign-up"): Promise<void> {
  await page.goto(from);
  await page.getByLabel("Full name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password ?? PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).not.toHaveURL(/sign-up/);
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/sign-in/);
}

/** Registers an account through the API (faster than the form when the form is not under test). */
export async function registerViaApi(request: APIRequestContext, user: { name: string; email: string; password?: string }): Promise<void> {
  const response = await request.post("/api/v1/auth/register", { data: { ...user, password: user.password ?? PASSWORD } });
  expect(response.status(), await response.text()).toBe(201);
}

export interface OutboxMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  links: string[];
}

/** The newest message to `to` in the outbox, waiting for it to arrive. */
export async function latestMail(to: string, subject?: RegExp): Promise<OutboxMail> {
  const dir = process.env.E2E_OUTBOX_DIR!;
  let found: OutboxMail | undefined;
  await expect
    .poll(
      () => {
        let files: string[] = [];
        try {
          files = readdirSync(dir).sort();
        } catch {
          return false;
        }
        for (const file of files.reverse()) {
          const mail = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as OutboxMail;
          if (mail.to === to && (!subject || subject.test(mail.subject))) {
            found = mail;
            return true;
          }
        }
        return false;
      },
      { message: `waiting for mail to ${to}`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

/**
 * No axe violations (WCAG 2.1 A/AA) on the current page. Checked once the page has its title and
 * nothing is animating: a toast or dialog still fading in has, for a moment, the contrast of a
 * half-transparent element.
 */
export async function expectAccessible(page: Page): Promise<void> {
  // After a client-side navigation Next.js streams the new page's <title> in a moment later; a page
  // that never gets one still fails below.
  await page.waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 5_000 }).catch(() => {});
  // (Endless animations — spinners — are not waited for.)
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getComputedTiming().iterations === Infinity),
    undefined,
    { timeout: 5_000 },
  );
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
  expect(summary, "accessibility violations").toEqual([]);
}
