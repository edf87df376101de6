// Data the billing spec starts from, written before the server starts (the app has no way to
// backdate seats): a consolidated provider whose two clients have been on it since before last
// month, a seat minimum, last month's invoice already issued, and a client owner who is not a
// provider member.
import { SYSTEM_META } from "@/lib/actor";
import { lastClosedPeriod, parsePeriod, shiftPeriod } from "@/lib/billing/period";
import { db } from "@/lib/db/client";
import { registerUser } from "@/lib/services/accounts/register-user";
import { runBilling } from "@/lib/services/billing/run-billing";

const PASSWORD = "Billing-Fixture-Passphrase-58";

export async function createBillingFixture(): Promise<Record<string, string>> {
  const admin = await registerUser({ email: "e2e-billing-admin@example.test", name: "Bea Billing", password: PASSWORD }, SYSTEM_META);
  const serviceUser = await registerUser({ email: "e2e-billing-tech@example.test", name: "Tom Tech", password: PASSWORD }, SYSTEM_META);
  const owner = await registerUser({ email: "e2e-billing-owner@example.test", name: "Olga Owner", password: PASSWORD }, SYSTEM_META);
  const provider = await db.provider.create({ data: { name: "E2E Billing MSP", billingEmail: "billing@e2e-billing.test", status: "ACTIVE", billingMode: "CONSOLIDATED" } });
  await db.providerUser.createMany({
    data: [
      { providerId: provider.id, userId: admin.id, email: admin.email, role: "PROVIDER_ADMIN", status: "CONFIRMED" },
      { providerId: provider.id, userId: serviceUser.id, email: serviceUser.email, role: "SERVICE_USER", status: "CONFIRMED" },
    ],
  });
  await db.providerSeatMinimum.create({ data: { providerId: provider.id, plan: "TEAMS_MONTHLY", seatMinimum: 50 } });
  const since = parsePeriod(shiftPeriod(lastClosedPeriod(new Date()), -1)).start;
  const clients = [
    { name: "Litware Dental", plan: "TEAMS_MONTHLY" as const, seats: 30 },
    { name: "Proseware Legal", plan: "ENTERPRISE_MONTHLY" as const, seats: 12 },
  ];
  let ownedId = "";
  for (const client of clients) {
    const organization = await db.organization.create({
      data: { name: client.name, billingEmail: "billing@client.test", plan: client.plan, seats: client.seats, providerId: provider.id, createdAt: since },
    });
    await db.seatLedgerEntry.create({ data: { organizationId: organization.id, providerId: provider.id, plan: client.plan, seats: client.seats, effectiveAt: since } });
    if (!ownedId) {
      ownedId = organization.id;
      await db.organizationMember.create({ data: { organizationId: organization.id, userId: owner.id, email: owner.email, role: "OWNER", status: "CONFIRMED" } });
    }
  }
  await runBilling(lastClosedPeriod(new Date()));
  return {
    E2E_BILLING_PROVIDER_ID: provider.id,
    E2E_BILLING_ADMIN_EMAIL: admin.email,
    E2E_BILLING_TECH_EMAIL: serviceUser.email,
    E2E_BILLING_OWNER_EMAIL: owner.email,
    E2E_BILLING_PASSWORD: PASSWORD,
    E2E_BILLING_CLIENT_ID: ownedId,
  };
}
