import { afterEach, describe, expect, it } from "vitest";
import { GET as providerEvents } from "@/app/api/v1/providers/[id]/events/route";
import { db } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { chainScopeFor } from "@/lib/events/chain";
import { eventRetentionJob } from "@/lib/jobs/event-retention";
import { runOnce } from "@/lib/jobs/scheduler";
import { purgeExpiredEvents } from "@/lib/services/events/purge-expired-events";
import { verifyChain } from "@/lib/services/events/verify-chain";
import { createOrganization, createProvider, createUser } from "../support/factories";
import { call } from "../support/http";
import { actorOf, meta, record } from "./log-fixtures";

const NOW = new Date("2026-06-15T12:00:00.000Z");
const daysAgo = (days: number, extraMinutes = 0) => new Date(NOW.getTime() - days * 86_400_000 + extraMinutes * 60_000);

/** A provider chain (50 old + 5 recent), an organization chain (3 old, 1 recent), a user chain (all old). */
async function history() {
  const { provider, admin } = await createProvider();
  const { organization, owner } = await createOrganization();
  const loner = await createUser();
  await record([
    ...Array.from({ length: 50 }, (_, i) => ({ type: "PROVIDER_UPDATED" as const, actor: actorOf(admin!), meta, providerId: provider.id, details: { i }, at: daysAgo(100, i) })),
    ...Array.from({ length: 5 }, (_, i) => ({ type: "PROVIDER_UPDATED" as const, actor: actorOf(admin!), meta, providerId: provider.id, details: { recent: i }, at: daysAgo(5, i) })),
    ...Array.from({ length: 3 }, (_, i) => ({ type: "MEMBER_INVITED" as const, actor: actorOf(owner!), meta, organizationId: organization.id, at: daysAgo(60, i) })),
    { type: "MEMBER_REMOVED" as const, actor: actorOf(owner!), meta, organizationId: organization.id, at: daysAgo(1) },
    ...Array.from({ length: 4 }, (_, i) => ({ type: "USER_LOGGED_IN" as const, actor: actorOf(loner), meta, at: daysAgo(45, i) })),
  ]);
  return {
    provider,
    admin: admin!,
    organization,
    scopes: { provider: chainScopeFor({ providerId: provider.id }), organization: chainScopeFor({ organizationId: organization.id }), user: chainScopeFor({ actorUserId: loner.id }) },
  };
}

describe("event retention", () => {
  afterEach(() => {
    delete process.env.EVENT_RETENTION_DAYS;
    resetEnvCache();
  });

  it("deletes older events chain by chain, in batches, and every chain stays verifiable from its retained start", async () => {
    const { scopes, provider } = await history();
    const result = await purgeExpiredEvents({ retentionDays: 30, now: NOW, batchSize: 7 });
    expect(result).toEqual({ cutoff: "2026-05-16T12:00:00.000000Z", chains: 3, deleted: 57 });

    const remaining = await db.event.findMany({ orderBy: { id: "asc" }, select: { chainScope: true, type: true, occurredAt: true, details: true } });
    expect(remaining.filter((e) => e.type !== "EVENTS_PURGED").every((e) => e.occurredAt >= daysAgo(30))).toBe(true);
    expect(remaining.filter((e) => e.chainScope === scopes.provider && e.type === "PROVIDER_UPDATED")).toHaveLength(5);
    expect(remaining.filter((e) => e.chainScope === scopes.organization && e.type === "MEMBER_REMOVED")).toHaveLength(1);

    for (const scope of Object.values(scopes)) expect(await verifyChain(scope), scope).toMatchObject({ valid: true, firstBrokenEventId: null });

    const summaries = remaining.filter((e) => e.type === "EVENTS_PURGED");
    expect(summaries.map((s) => [s.chainScope, (s.details as { count: number }).count]).sort()).toEqual(
      [
        [scopes.organization, 3],
        [scopes.provider, 50],
        [scopes.user, 4],
      ].sort(),
    );
    expect(summaries[0]!.details).toMatchObject({ cutoff: "2026-05-16T12:00:00.000000Z", retentionDays: 30 });

    const heads = await db.eventChainHead.findMany({ where: { scope: scopes.provider } });
    expect(heads[0]!.anchorSeq).toBe(50n);

    // The summary is in the provider's own log, in plain words.
    const admin = (await db.providerUser.findFirstOrThrow({ where: { providerId: provider.id }, select: { userId: true } })).userId!;
    const log = await call(providerEvents, "GET", `/api/v1/providers/${provider.id}/events?type=EVENTS_PURGED`, { as: { id: admin }, params: { id: provider.id } });
    expect(log.body.data[0].description).toBe("The system deleted 50 events older than 2026-05-16 (UTC) under the retention policy");
  });

  it("does nothing (and records nothing) when nothing has expired, e.g. when run twice", async () => {
    await history();
    await purgeExpiredEvents({ retentionDays: 30, now: NOW });
    const count = await db.event.count();
    expect(await purgeExpiredEvents({ retentionDays: 30, now: NOW })).toMatchObject({ chains: 0, deleted: 0 });
    expect(await db.event.count()).toBe(count);
  });

  it("detects tampering behind the moved anchor just like before", async () => {
    const { scopes } = await history();
    await purgeExpiredEvents({ retentionDays: 30, now: NOW, batchSize: 4 });
    const firstKept = await db.event.findFirstOrThrow({ where: { chainScope: scopes.provider }, orderBy: { seq: "asc" } });
    await db.event.delete({ where: { id: firstKept.id } });
    expect(await verifyChain(scopes.provider)).toMatchObject({ valid: false, reason: "missing_events" });
  });

  it("runs as a daily job only when EVENT_RETENTION_DAYS is set, once per day across instances", async () => {
    expect(eventRetentionJob.dueKey(NOW)).toBeNull();
    process.env.EVENT_RETENTION_DAYS = "30";
    resetEnvCache();
    const key = eventRetentionJob.dueKey(NOW);
    expect(key).toBe("event-retention:2026-06-15");
    const { provider, admin } = await createProvider();
    await record([{ type: "PROVIDER_UPDATED", actor: actorOf(admin!), meta, providerId: provider.id, at: new Date(Date.now() - 40 * 86_400_000) }]);
    expect(await runOnce(key!, () => eventRetentionJob.run(key!))).toBe(true);
    expect(await runOnce(key!, () => eventRetentionJob.run(key!))).toBe(false);
    expect((await db.event.findMany({ select: { type: true } })).map((e) => e.type)).toEqual(["EVENTS_PURGED"]);
    expect((await db.jobRun.findUniqueOrThrow({ where: { key: key! } })).result).toMatchObject({ chains: 1, deleted: 1 });
  });

  it("refuses a retention period below one day", async () => {
    await expect(purgeExpiredEvents({ retentionDays: 0 })).rejects.toThrow(/at least 1/);
  });
});
