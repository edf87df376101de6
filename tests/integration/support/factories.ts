// Test data with sensible defaults, written straight to the database (services are what we test).
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/lib/auth/session";
import { hashPassword } from "@/lib/crypto/password";
import { db } from "@/lib/db/client";
import type { MemberStatus, OrganizationPlan, OrganizationRole, ProviderUserRole, ProviderUserStatus } from "@/lib/db/generated/client.ts";

export const TEST_PASSWORD = "Test-Password-Long-1";
let passwordHash: Promise<string> | undefined;
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface TestUser extends SessionUser {
  sessionVersion: number;
}

export async function createUser(overrides: { email?: string; name?: string; isStaff?: boolean } = {}): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = unique();
  const user = await db.user.create({
    data: {
      email: overrides.email ?? `user-${id}@example.test`,
      name: overrides.name ?? `User ${id}`,
      isStaff: overrides.isStaff ?? false,
      passwordHash: await passwordHash,
    },
  });
  return { id: user.id, email: user.email, name: user.name, isStaff: user.isStaff, totpEnabled: false, passwordChangeRequired: false, sessionVersion: user.sessionVersion };
}

export async function createProvider(overrides: { name?: string; status?: "PENDING" | "ACTIVE"; enabled?: boolean; admin?: TestUser | null } = {}) {
  const provider = await db.provider.create({
    data: { name: overrides.name ?? `Provider ${unique()}`, status: overrides.status ?? "ACTIVE", enabled: overrides.enabled ?? true, billingEmail: "billing@provider.test" },
  });
  const admin = overrides.admin === null ? null : (overrides.admin ?? (await createUser({ name: "Provider Admin" })));
  const adminMembership = admin ? await addProviderUser(provider.id, admin, "PROVIDER_ADMIN", "CONFIRMED") : null;
  return { provider, admin, adminMembership };
}

export async function addProviderUser(providerId: string, user: TestUser | string, role: ProviderUserRole, status: ProviderUserStatus) {
  const email = typeof user === "string" ? user : user.email;
  return db.providerUser.create({
    data: { providerId, userId: typeof user === "string" || status === "INVITED" ? null : user.id, email, role, status },
  });
}

export async function createOrganization(
  overrides: { name?: string; providerId?: string | null; plan?: OrganizationPlan; seats?: number; owner?: TestUser | null; enabled?: boolean } = {},
) {
  const organization = await db.organization.create({
    data: {
      id: randomUUID(),
      name: overrides.name ?? `Client ${unique()}`,
      billingEmail: "billing@client.test",
      plan: overrides.plan ?? "TEAMS_MONTHLY",
      seats: overrides.seats ?? 10,
      providerId: overrides.providerId ?? null,
      enabled: overrides.enabled ?? true,
    },
  });
  const owner = overrides.owner === null ? null : (overrides.owner ?? (await createUser({ name: "Client Owner" })));
  const ownerMembership = owner ? await addMember(organization.id, owner, "OWNER", "CONFIRMED") : null;
  return { organization, owner, ownerMembership };
}

export async function addMember(organizationId: string, user: TestUser | string, role: OrganizationRole, status: MemberStatus) {
  const email = typeof user === "string" ? user : user.email;
  return db.organizationMember.create({
    data: { organizationId, userId: typeof user === "string" || status === "INVITED" ? null : user.id, email, role, status },
  });
}
