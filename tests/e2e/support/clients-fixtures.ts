// Data the clients spec starts from, written by scripts/e2e.ts before the server starts: a ready
// provider with one Provider Admin (provider setup has its own spec), and two organizations that
// admin owns outside any provider — one that can be added as a client, one on a plan that cannot.
import { SYSTEM_META } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { registerUser } from "@/lib/services/accounts/register-user";

const CLIENTS_FIXTURE = {
  providerName: "E2E Clients MSP",
  adminEmail: "e2e-clients-admin@example.test",
  adminPassword: "Clients-Fixture-Passphrase-31",
  addableOrganization: "Northwind Traders",
  familiesOrganization: "Tiny Family Vault",
};

/** Creates the fixture and returns the environment the spec reads it from. */
export async function createClientsFixture(): Promise<Record<string, string>> {
  const admin = await registerUser({ email: CLIENTS_FIXTURE.adminEmail, name: "Cleo Clients", password: CLIENTS_FIXTURE.adminPassword }, SYSTEM_META);
  const provider = await db.provider.create({
    data: { name: CLIENTS_FIXTURE.providerName, businessName: "E2E Clients MSP LLC", billingEmail: "billing@e2e-msp.test", status: "ACTIVE" },
  });
  await db.providerUser.create({ data: { providerId: provider.id, userId: admin.id, email: admin.email, role: "PROVIDER_ADMIN", status: "CONFIRMED" } });
  for (const [name, plan] of [
    [CLIENTS_FIXTURE.addableOrganization, "TEAMS_MONTHLY"],
    [CLIENTS_FIXTURE.familiesOrganization, "FAMILIES"],
  ] as const) {
    await db.organization.create({
      data: {
        name,
        billingEmail: "billing@northwind.test",
        plan,
        seats: 20,
        members: { create: { userId: admin.id, email: admin.email, role: "OWNER", status: "CONFIRMED" } },
      },
    });
  }
  return {
    E2E_CLIENTS_PROVIDER_ID: provider.id,
    E2E_CLIENTS_PROVIDER_NAME: CLIENTS_FIXTURE.providerName,
    E2E_CLIENTS_ADMIN_EMAIL: CLIENTS_FIXTURE.adminEmail,
    E2E_CLIENTS_ADMIN_PASSWORD: CLIENTS_FIXTURE.adminPassword,
    E2E_CLIENTS_ADDABLE_ORG: CLIENTS_FIXTURE.addableOrganization,
    E2E_CLIENTS_FAMILIES_ORG: CLIENTS_FIXTURE.familiesOrganization,
  };
}
