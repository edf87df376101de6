// Data the API keys spec starts from: a ready provider with one Provider Admin and one client.
import { SYSTEM_META } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { registerUser } from "@/lib/services/accounts/register-user";

const API_KEYS_FIXTURE = {
  providerName: "E2E Automation MSP",
  adminEmail: "e2e-api-keys-admin@example.test",
  adminPassword: "Api-Keys-Fixture-Passphrase-77",
  clientName: "Fabrikam Robotics",
};

export async function createApiKeysFixture(): Promise<Record<string, string>> {
  const admin = await registerUser({ email: API_KEYS_FIXTURE.adminEmail, name: "Ada Automation", password: API_KEYS_FIXTURE.adminPassword }, SYSTEM_META);
  const provider = await db.provider.create({
    data: { name: API_KEYS_FIXTURE.providerName, billingEmail: "billing@e2e-automation.test", status: "ACTIVE" },
  });
  await db.providerUser.create({ data: { providerId: provider.id, userId: admin.id, email: admin.email, role: "PROVIDER_ADMIN", status: "CONFIRMED" } });
  await db.organization.create({ data: { name: API_KEYS_FIXTURE.clientName, billingEmail: "billing@fabrikam.test", plan: "TEAMS_MONTHLY", seats: 15, providerId: provider.id } });
  return {
    E2E_API_KEYS_PROVIDER_ID: provider.id,
    E2E_API_KEYS_ADMIN_EMAIL: API_KEYS_FIXTURE.adminEmail,
    E2E_API_KEYS_ADMIN_PASSWORD: API_KEYS_FIXTURE.adminPassword,
    E2E_API_KEYS_CLIENT_NAME: API_KEYS_FIXTURE.clientName,
  };
}
