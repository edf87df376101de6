import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/transaction";
import { eventHash } from "@/lib/events/chain";
import { recordEvent, recordEvents } from "@/lib/events/recorder";
import { createProvider } from "../support/factories";

const meta = { ip: "192.0.2.1", userAgent: "vitest" };

describe("the event recorder", () => {
  it("writes nothing when the surrounding transaction rolls back", async () => {
    const { provider, admin } = await createProvider();
    const actor = { userId: admin!.id, name: admin!.name, email: admin!.email };
    await expect(
      transaction(async (tx) => {
        await tx.provider.update({ where: { id: provider.id }, data: { name: "Renamed" } });
        await recordEvent(tx, { type: "PROVIDER_UPDATED", actor, meta, providerId: provider.id });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db.event.count()).toBe(0);
    expect((await db.provider.findUniqueOrThrow({ where: { id: provider.id } })).name).toBe(provider.name);
    expect(await db.eventChainHead.count({ where: { scope: `provider:${provider.id}` } })).toBe(0);
  });

  it("keeps one linear hash chain per provider under concurrent writers", async () => {
    const { provider, admin } = await createProvider();
    const actor = { userId: admin!.id, name: admin!.name, email: admin!.email };
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        transaction((tx) => recordEvent(tx, { type: "PROVIDER_UPDATED", actor, meta, providerId: provider.id, details: { i } })),
      ),
    );
    const events = await db.event.findMany({ where: { providerId: provider.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => Number(e.seq))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (let i = 1; i < events.length; i++) expect(Buffer.from(events[i]!.prevHash).equals(Buffer.from(events[i - 1]!.hash))).toBe(true);
    const head = await db.eventChainHead.findUniqueOrThrow({ where: { scope: `provider:${provider.id}` } });
    expect(head.seq).toBe(20n);
    expect(Buffer.from(head.hash).equals(Buffer.from(events.at(-1)!.hash))).toBe(true);
  });

  it("stores microsecond UTC times and hashes exactly what it stored", async () => {
    const { provider, admin } = await createProvider();
    const actor = { userId: admin!.id, name: admin!.name, email: admin!.email };
    await transaction((tx) => recordEvents(tx, [{ type: "PROVIDER_UPDATED", actor, meta, providerId: provider.id, details: { b: 1, a: [1, "x"] } }]));
    const [row] = await db.$queryRaw<{ occurred: string; seq: bigint; hash: Uint8Array; prev_hash: Uint8Array; details: unknown }[]>`
      SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred, seq, hash, prev_hash, details FROM events`;
    expect(row!.occurred).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    const recomputed = eventHash(row!.prev_hash, {
      chainScope: `provider:${provider.id}`,
      seq: row!.seq,
      occurredAt: row!.occurred,
      type: "PROVIDER_UPDATED",
      providerId: provider.id,
      actingProviderId: null,
      organizationId: null,
      actorUserId: admin!.id,
      actorName: admin!.name,
      actorEmail: admin!.email,
      targetType: null,
      targetId: null,
      targetName: null,
      ip: meta.ip,
      userAgent: meta.userAgent,
      details: row!.details,
    });
    expect(recomputed.equals(Buffer.from(row!.hash))).toBe(true);
  });
});
