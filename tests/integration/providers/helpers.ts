// Shared by the provider onboarding and people tests: the mail outbox, and a provider with a cast of
// members in every role and status.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { addProviderUser, createProvider, createUser, type TestUser } from "../support/factories";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  links: string[];
}

export function clearOutbox(): void {
  rmSync(env().MAIL_OUTBOX_DIR, { recursive: true, force: true });
}

export function outbox(): Mail[] {
  let files: string[];
  try {
    files = readdirSync(env().MAIL_OUTBOX_DIR).sort();
  } catch {
    return [];
  }
  return files.map((f) => JSON.parse(readFileSync(path.join(env().MAIL_OUTBOX_DIR, f), "utf8")) as Mail);
}

export function mailsTo(email: string): Mail[] {
  return outbox().filter((m) => m.to === email);
}

/** The token and path of the newest link mailed to `email`. */
export function latestLink(email: string): { token: string; path: string; url: URL } {
  const mail = mailsTo(email).at(-1);
  expect(mail, `a mail to ${email}`).toBeDefined();
  const url = new URL(mail!.links[0]!);
  return { token: url.searchParams.get("token")!, path: url.pathname, url };
}

/** A provider with a confirmed admin, a confirmed service user, an accepted (unconfirmed) member and an invited one. */
export async function providerWithCast(name?: string) {
  const { provider, admin, adminMembership } = await createProvider({ name });
  const serviceUser = await createUser({ name: "Sam Service" });
  const serviceMembership = await addProviderUser(provider.id, serviceUser, "SERVICE_USER", "CONFIRMED");
  const accepted = await createUser({ name: "Alex Accepted" });
  const acceptedMembership = await addProviderUser(provider.id, accepted, "SERVICE_USER", "ACCEPTED");
  const invitedMembership = await addProviderUser(provider.id, `invited-${provider.id.slice(0, 8)}@example.test`, "SERVICE_USER", "INVITED");
  return {
    provider,
    admin: admin as TestUser,
    adminMembership: adminMembership!,
    serviceUser,
    serviceMembership,
    accepted,
    acceptedMembership,
    invitedMembership,
  };
}

export function membership(id: string) {
  return db.providerUser.findUnique({ where: { id } });
}
