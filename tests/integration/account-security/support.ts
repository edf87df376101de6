// Shared steps for the account security tests: a frozen clock (TOTP codes depend on the time, and a
// test must not straddle a 30-second step), enrolment through the real API, and the mail outbox.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { vi } from "vitest";
import { POST as startEnrolment } from "@/app/api/v1/me/2fa/totp/route";
import { POST as verifyEnrolment } from "@/app/api/v1/me/2fa/totp/verify/route";
import { totpCode } from "@/lib/auth/totp";
import { env } from "@/lib/env";
import type { TestUser } from "../support/factories";
import { call } from "../support/http";

/** Freezes Date (only Date: timers, I/O and the database keep running) in the middle of a step. */
export function freezeClock(): Date {
  const now = new Date(Math.floor(Date.now() / 30_000) * 30_000 + 15_000);
  vi.useFakeTimers({ toFake: ["Date"], now });
  return now;
}

/** Moves the frozen clock by whole 30-second steps. */
export function advanceSteps(steps: number): Date {
  const next = new Date(Date.now() + steps * 30_000);
  vi.setSystemTime(next);
  return next;
}

export function codeAt(secret: string, stepsFromNow = 0): string {
  return totpCode(secret, new Date(Date.now() + stepsFromNow * 30_000));
}

/** Turns two-step login on through the API; the current step's code is then used up. */
export async function enrol(user: TestUser): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await call(startEnrolment, "POST", "/api/v1/me/2fa/totp", { as: user });
  if (started.status !== 200) throw new Error(`enrolment start: ${started.status} ${started.text}`);
  const secret: string = started.body.secret;
  const verified = await call(verifyEnrolment, "POST", "/api/v1/me/2fa/totp/verify", { as: user, body: { code: codeAt(secret) } });
  if (verified.status !== 200) throw new Error(`enrolment verify: ${verified.status} ${verified.text}`);
  return { secret, recoveryCodes: verified.body.recoveryCodes };
}

export interface OutboxMail {
  to: string;
  subject: string;
  text: string;
}

export function mailsTo(to: string): OutboxMail[] {
  const dir = env().MAIL_OUTBOX_DIR;
  let files: string[];
  try {
    files = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return files.map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as OutboxMail).filter((m) => m.to === to);
}
