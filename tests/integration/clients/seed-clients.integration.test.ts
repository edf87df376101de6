// The bulk loader behind npm run seed:clients: realistic clients, members on a sample, and
// provider_stats equal to a fresh count afterwards.
import { describe, expect, it } from "vitest";
import { db, sql } from "@/lib/db/client";
import { unwrapDataKey } from "@/lib/crypto/envelope";
import { ProviderNotFoundError, seedClients, StatsMismatchError, verifyProviderStats } from "@/scripts/lib/bulk-clients";
import { createOrganization, createProvider } from "../support/factories";

describe("seedClients", () => {
  it("loads clients in batches with members on a sample and keeps provider_stats right", async () => {
    const { provider } = await createProvider();
    await createOrganization({ providerId: provider.id, seats: 7 });
    const result = await seedClients(sql(), { providerId: provider.id, count: 250, batchSize: 60, membersEvery: 10, seed: 42 });
    expect(result).toMatchObject({ clients: 250, members: 125, users: 100 });

    const fresh = await db.organization.aggregate({ where: { providerId: provider.id }, _count: { _all: true }, _sum: { seats: true, occupiedSeats: true } });
    const stats = await db.providerStats.findUniqueOrThrow({ where: { providerId: provider.id } });
    expect(stats).toMatchObject({ clientCount: 251, seats: fresh._sum.seats, occupiedSeats: fresh._sum.occupiedSeats, managedSeats: fresh._sum.seats });
    expect(result.stats).toEqual({ clientCount: 251, seats: fresh._sum.seats, occupiedSeats: fresh._sum.occupiedSeats, managedSeats: fresh._sum.seats });
    expect(fresh._sum.occupiedSeats).toBe(1 + 125);

    // Every client is complete: a default collection, a ledger row, its own data key.
    const sample = await db.organization.findFirstOrThrow({ where: { providerId: provider.id, name: { endsWith: " 10" } }, include: { members: true, collections: true, seatLedger: true } });
    expect(sample.collections).toEqual([expect.objectContaining({ name: "Default collection", isDefault: true })]);
    expect(sample.seatLedger).toEqual([expect.objectContaining({ providerId: provider.id, seats: sample.seats })]);
    expect(sample.members.map((m) => m.role)).toEqual(expect.arrayContaining(["OWNER", "ADMIN", "USER"]));
    expect(sample.members.find((m) => m.role === "OWNER")).toMatchObject({ status: "CONFIRMED", userId: expect.any(String) });
    expect(unwrapDataKey(sample.dataKeyWrapped!, sample.id)).toHaveLength(32);
    expect(["TEAMS_MONTHLY", "ENTERPRISE_MONTHLY"]).toContain(sample.plan);
  });

  it("refuses an unknown provider", async () => {
    await expect(seedClients(sql(), { providerId: "00000000-0000-4000-8000-000000000000", count: 1 })).rejects.toBeInstanceOf(ProviderNotFoundError);
  });

  it("detects provider_stats that disagree with the organizations", async () => {
    const { provider } = await createProvider();
    await createOrganization({ providerId: provider.id, seats: 5 });
    await sql().query(`UPDATE provider_stats SET seats = seats + 1 WHERE provider_id = $1::uuid`, [provider.id]);
    await expect(verifyProviderStats(sql(), provider.id)).rejects.toBeInstanceOf(StatsMismatchError);
  });
});
