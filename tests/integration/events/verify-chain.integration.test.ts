import { describe, expect, it } from "vitest";
import { GET as verifyOrganization } from "@/app/api/v1/organizations/[orgId]/events/verify/route";
import { GET as verifyProvider } from "@/app/api/v1/providers/[id]/events/verify/route";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/transaction";
import { recordEvent } from "@/lib/events/recorder";
import { providerChain, verifyChain } from "@/lib/services/events/verify-chain";
import { createOrganization, createProvider } from "../support/factories";
import { call } from "../support/http";
import { actorOf, meta, minutesAgo, record } from "./log-fixtures";

async function providerWithEvents(count: number) {
  const { provider, admin } = await createProvider();
  await record(
    Array.from({ length: count }, (_, i) => ({
      type: "PROVIDER_UPDATED" as const,
      actor: actorOf(admin!),
      meta,
      providerId: provider.id,
      details: { i, changed: ["name"], at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) },
      at: minutesAgo(count - i),
    })),
  );
  const rows = await db.event.findMany({ where: { providerId: provider.id }, orderBy: { seq: "asc" }, select: { id: true, seq: true } });
  return { provider, admin: admin!, scope: providerChain(provider.id), rows: rows.map((r) => ({ id: r.id.toString(), seq: r.seq })) };
}

describe("hash chain verification", () => {
  it("accepts an untouched chain (details with dates included) and counts every event", async () => {
    const { scope } = await providerWithEvents(12);
    expect(await verifyChain(scope)).toEqual({ valid: true, checked: 12, total: 12, firstBrokenEventId: null, reason: null, nextCursor: null });
  });

  it("finds an edited row: its content no longer matches its hash", async () => {
    const { scope, rows } = await providerWithEvents(10);
    const victim = rows[6]!;
    await db.$executeRaw`UPDATE events SET actor_name = 'Mallory' WHERE id = ${BigInt(victim.id)}`;
    expect(await verifyChain(scope)).toMatchObject({ valid: false, checked: 6, firstBrokenEventId: victim.id, reason: "hash_mismatch" });
  });

  it("finds an edited details value", async () => {
    const { scope, rows } = await providerWithEvents(5);
    await db.$executeRaw`UPDATE events SET details = jsonb_set(details, '{i}', '99') WHERE id = ${BigInt(rows[2]!.id)}`;
    expect(await verifyChain(scope)).toMatchObject({ valid: false, firstBrokenEventId: rows[2]!.id, reason: "hash_mismatch" });
  });

  it("finds a deleted row: the sequence has a gap at the next event", async () => {
    const { scope, rows } = await providerWithEvents(10);
    await db.$executeRaw`DELETE FROM events WHERE id = ${BigInt(rows[4]!.id)}`;
    expect(await verifyChain(scope)).toMatchObject({ valid: false, checked: 4, firstBrokenEventId: rows[5]!.id, reason: "missing_events" });
  });

  it("finds a deleted row whose gap was hidden by renumbering: the next row points at a hash that is gone", async () => {
    const { scope, rows } = await providerWithEvents(6);
    await db.$executeRaw`DELETE FROM events WHERE id = ${BigInt(rows[2]!.id)}`;
    await db.$executeRaw`UPDATE events SET seq = seq - 1 WHERE chain_scope = ${scope} AND seq > 3`;
    await db.$executeRaw`UPDATE event_chain_heads SET seq = seq - 1 WHERE scope = ${scope}`;
    expect(await verifyChain(scope)).toMatchObject({ valid: false, checked: 2, firstBrokenEventId: rows[3]!.id, reason: "link_mismatch" });
  });

  it("finds a deleted tail: the head says more events were written", async () => {
    const { scope, rows } = await providerWithEvents(8);
    await db.$executeRaw`DELETE FROM events WHERE chain_scope = ${scope} AND seq > 6`;
    expect(await verifyChain(scope)).toMatchObject({ valid: false, checked: 6, total: 8, firstBrokenEventId: null, reason: "missing_tail" });
    expect(rows).toHaveLength(8);
  });

  it("finds events whose chain head was deleted", async () => {
    const { scope, rows } = await providerWithEvents(3);
    await db.$executeRaw`DELETE FROM event_chain_heads WHERE scope = ${scope}`;
    expect(await verifyChain(scope)).toMatchObject({ valid: false, firstBrokenEventId: rows[0]!.id, reason: "missing_head" });
  });

  it("walks a long chain in several calls with the same verdict, resuming where it stopped", async () => {
    const { scope, rows } = await providerWithEvents(25);
    const first = await verifyChain(scope, { maxRows: 10 });
    expect(first).toMatchObject({ valid: true, checked: 10, total: 25, nextCursor: expect.any(String) });
    const second = await verifyChain(scope, { cursor: first.nextCursor!, maxRows: 10 });
    expect(second).toMatchObject({ valid: true, checked: 20, nextCursor: expect.any(String) });
    await db.$executeRaw`UPDATE events SET ip = '203.0.113.66' WHERE id = ${BigInt(rows[22]!.id)}`;
    const third = await verifyChain(scope, { cursor: second.nextCursor!, maxRows: 10 });
    expect(third).toMatchObject({ valid: false, checked: 22, firstBrokenEventId: rows[22]!.id, reason: "hash_mismatch", nextCursor: null });
  });

  it("stays valid under concurrent writers and ignores rolled-back transactions", async () => {
    const { provider, admin } = await createProvider();
    const actor = actorOf(admin!);
    await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        transaction((tx) => recordEvent(tx, { type: "PROVIDER_UPDATED", actor, meta, providerId: provider.id, details: { i } })),
      ),
    );
    await expect(
      transaction(async (tx) => {
        await recordEvent(tx, { type: "PROVIDER_UPDATED", actor, meta, providerId: provider.id, details: { rolledBack: true } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.event.count({ where: { providerId: provider.id } })).toBe(16);
    expect(await verifyChain(providerChain(provider.id))).toMatchObject({ valid: true, checked: 16 });
  });

  it("reports an empty chain as valid", async () => {
    const { provider } = await createProvider();
    expect(await verifyChain(providerChain(provider.id))).toMatchObject({ valid: true, checked: 0, total: 0 });
  });
});

describe("GET /api/v1/providers/{id}/events/verify", () => {
  it("verifies the provider's chain, in one call or page by page", async () => {
    const { provider, admin, rows } = await providerWithEvents(7);
    const whole = await call(verifyProvider, "GET", `/api/v1/providers/${provider.id}/events/verify`, { as: admin, params: { id: provider.id } });
    expect(whole.status).toBe(200);
    expect(whole.body).toEqual({ valid: true, checked: 7, total: 7, firstBrokenEventId: null, reason: null, nextCursor: null });
    await db.$executeRaw`UPDATE events SET type = 'PROVIDER_ENABLED' WHERE id = ${BigInt(rows[5]!.id)}`;
    let res = await call(verifyProvider, "GET", `/api/v1/providers/${provider.id}/events/verify`, { as: admin, params: { id: provider.id }, query: { limit: "100" } });
    expect(res.body).toMatchObject({ valid: false, checked: 5, firstBrokenEventId: rows[5]!.id });
    res = await call(verifyProvider, "GET", `/api/v1/providers/${provider.id}/events/verify`, { as: admin, params: { id: provider.id }, query: { cursor: "nope" } });
    expect(res.status).toBe(400);
    res = await call(verifyProvider, "GET", `/api/v1/providers/${provider.id}/events/verify`, { as: admin, params: { id: provider.id }, query: { limit: "5" } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.limit).toBeDefined();
  });
});

describe("GET /api/v1/organizations/{orgId}/events/verify", () => {
  it("verifies the organization's own chain (events recorded without a provider)", async () => {
    const { organization, owner } = await createOrganization();
    await record([
      { type: "MEMBER_INVITED", actor: actorOf(owner!), meta, organizationId: organization.id, target: { type: "MEMBER", id: "m1", name: "a@b.c" } },
      { type: "MEMBER_REMOVED", actor: actorOf(owner!), meta, organizationId: organization.id, target: { type: "MEMBER", id: "m1", name: "a@b.c" } },
    ]);
    const ok = await call(verifyOrganization, "GET", `/api/v1/organizations/${organization.id}/events/verify`, { as: owner!, params: { orgId: organization.id } });
    expect(ok.body).toMatchObject({ valid: true, checked: 2 });
    await db.$executeRaw`UPDATE events SET target_name = 'someone-else@b.c' WHERE organization_id = ${organization.id}::uuid AND type = 'MEMBER_INVITED'`;
    const bad = await call(verifyOrganization, "GET", `/api/v1/organizations/${organization.id}/events/verify`, { as: owner!, params: { orgId: organization.id } });
    expect(bad.body).toMatchObject({ valid: false, checked: 0, reason: "hash_mismatch" });
  });
});
