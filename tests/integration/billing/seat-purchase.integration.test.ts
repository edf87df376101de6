// When giving a client more seats is a purchase (PRODUCT.md rule 6; the clients service refuses it
// to Service Users with this reason).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/transaction";
import { seatPurchaseReason, seatsWithoutPurchase } from "@/lib/services/billing/seat-purchase";
import { createOrganization, createProvider } from "../support/factories";

async function consolidatedProvider(minimum: number) {
  const { provider } = await createProvider();
  await db.provider.update({ where: { id: provider.id }, data: { billingMode: "CONSOLIDATED" } });
  if (minimum) await db.providerSeatMinimum.create({ data: { providerId: provider.id, plan: "TEAMS_MONTHLY", seatMinimum: minimum } });
  await createOrganization({ providerId: provider.id, seats: 30, owner: null });
  await createOrganization({ providerId: provider.id, seats: 20, owner: null, plan: "ENTERPRISE_MONTHLY" });
  return provider.id;
}

const reason = (providerId: string, currentSeats: number, newSeats: number, plan = "TEAMS_MONTHLY") =>
  transaction((tx) => seatPurchaseReason(tx, { providerId, plan, currentSeats, newSeats }));

describe("seatPurchaseReason", () => {
  it("never needs a purchase to lower seats or keep them", async () => {
    const { provider } = await createProvider();
    expect(await reason(provider.id, 10, 10)).toBeNull();
    expect(await reason(provider.id, 10, 3)).toBeNull();
  });

  it("treats any increase as a purchase for a provider billed per client", async () => {
    const { provider } = await createProvider();
    expect(await reason(provider.id, 10, 11)).toMatch(/only a Provider Admin can add seats/);
  });

  it("draws a consolidated provider's increases from its seat minimum, and names the minimum when exceeded", async () => {
    const providerId = await consolidatedProvider(40);
    // 30 Teams seats assigned; raising that client to 40 stays within the minimum of 40.
    expect(await reason(providerId, 30, 40)).toBeNull();
    expect(await reason(providerId, 30, 41)).toMatch(/assign 41 seats on this plan, above the provider's seat minimum of 40/);
    // Enterprise has no minimum: any increase is a purchase.
    expect(await reason(providerId, 20, 21, "ENTERPRISE_MONTHLY")).not.toBeNull();
  });

  it("treats increases as purchases for a consolidated provider without a minimum for the plan", async () => {
    const providerId = await consolidatedProvider(0);
    expect(await reason(providerId, 30, 31)).not.toBeNull();
  });
});

describe("seatsWithoutPurchase", () => {
  it("is the seat minimum's remainder for a consolidated provider, else the current seats", async () => {
    const providerId = await consolidatedProvider(40);
    expect(await seatsWithoutPurchase({ providerId, plan: "TEAMS_MONTHLY", currentSeats: 30 })).toBe(40);
    expect(await seatsWithoutPurchase({ providerId, plan: "ENTERPRISE_MONTHLY", currentSeats: 20 })).toBe(20);
    const { provider } = await createProvider();
    expect(await seatsWithoutPurchase({ providerId: provider.id, plan: "TEAMS_MONTHLY", currentSeats: 7 })).toBe(7);
  });
});
