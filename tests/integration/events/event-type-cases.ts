// The shape shared by the event-type tables (one row per catalog type, split by area into
// tests/integration/events/cases/*.ts) and the runners that turn a table into tests:
//
//   - eventTypeCases: each row performs the real action (through its route handler with a real
//     session where there is one) and says what the event must hold. The runner finds exactly one
//     event of the type, compares every column that matters, searches the whole stored row for
//     secrets, checks that the chain still verifies and that the log's sentence reads right.
//   - refusalCases: a refused request (4xx from the route) writes no event and changes nothing:
//     the whole database reads the same before and after.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import type { RequestMeta } from "@/lib/actor";
import { db, sql } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { EventType, TargetType } from "@/lib/events/catalog";
import { describeEvent } from "@/lib/events/describe";
import { verifyChain } from "@/lib/services/events/verify-chain";
import { eventsOf } from "../support/events";
import { TEST_PASSWORD } from "../support/factories";
import type { CallResult } from "../support/http";

/** The request metadata `call()` (tests/integration/support/http.ts) sends: what route events must store. */
export const HTTP_META: RequestMeta = { ip: "198.51.100.7", userAgent: "vitest" };

export interface ExpectedEvent {
  /** Who acted, as they were when they acted (the runner renames everyone afterwards); null: the system. */
  actor: { id: string; name: string; email: string } | null;
  /** The provider whose log shows the event. */
  providerId: string | null;
  /** Set when a provider member acted inside a client organization. */
  actingProviderId: string | null;
  organizationId: string | null;
  target: { type: TargetType; id: string; name: string } | null;
  /** Compared with toEqual: every key, so nothing unexpected (or secret) rides along. */
  details: Record<string, unknown>;
  meta: RequestMeta;
  chainScope: string;
  /** The log's sentence for the event (describeEvent with the current organization and provider names). */
  sentence: string;
  /** Values that must appear nowhere in the stored row, besides TEST_PASSWORD and every mailed token. */
  secrets?: string[];
}

export interface EventTypeCase {
  type: EventType;
  act: () => Promise<ExpectedEvent>;
}

export interface RefusalCase {
  name: string;
  /** Builds the world and returns the request that must be refused. */
  arrange: () => Promise<() => Promise<CallResult>>;
  status: number;
  code: string;
}

export const actorOf = (user: { id: string; name: string; email: string }) => ({ id: user.id, name: user.name, email: user.email });

/** Asserts a route answered as expected, showing its body when it did not. */
export function expectStatus(res: CallResult, status: number): void {
  expect(res.status, res.text).toBe(status);
}

// Rows that need TOTP codes freeze the clock (tests/integration/account-security/support.ts).
function restoreClock(): void {
  afterEach(() => {
    vi.useRealTimers();
  });
}

export function eventTypeCases(cases: readonly EventTypeCase[]): void {
  restoreClock();
  it.each(cases.map((c) => [c.type, c] as const))("%s", async (type, { act }) => {
    const { sentence, secrets = [], ...expected } = await act();
    await renameEveryone();

    const events = await eventsOf(type);
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect({
      actor: event.actorUserId || event.actorName || event.actorEmail ? { id: event.actorUserId, name: event.actorName, email: event.actorEmail } : null,
      providerId: event.providerId,
      actingProviderId: event.actingProviderId,
      organizationId: event.organizationId,
      target: event.targetType || event.targetId || event.targetName ? { type: event.targetType, id: event.targetId, name: event.targetName } : null,
      details: event.details,
      meta: { ip: event.ip, userAgent: event.userAgent },
      chainScope: event.chainScope,
    }).toEqual(expected);

    const stored = await storedRow(event.id);
    for (const secret of [TEST_PASSWORD, ...secrets, ...mailedTokens()]) {
      expect(secret.length, "a secret to look for").toBeGreaterThanOrEqual(6);
      expect(stored, "no secret in the stored event").not.toContain(secret);
    }
    expect(await verifyChain(event.chainScope)).toMatchObject({ valid: true, firstBrokenEventId: null });
    expect(describeEvent(event, await namesFor(event))).toBe(sentence);
  });
}

export function refusalCases(cases: readonly RefusalCase[]): void {
  restoreClock();
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, { arrange, status, code }) => {
    const request = await arrange();
    const eventsBefore = await db.event.count();
    const before = await databaseSnapshot();
    const res = await request();
    expect(res.status, res.text).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await db.event.count()).toBe(eventsBefore);
    expect(await databaseSnapshot()).toEqual(before);
  });
}

/** Every row of every table, as text: equal snapshots mean nothing was written. */
async function databaseSnapshot(): Promise<Record<string, string[]>> {
  const tables = await sql().query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const snapshot: Record<string, string[]> = {};
  for (const { tablename } of tables) {
    const rows = await sql().query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${tablename}" t ORDER BY 1`);
    snapshot[tablename] = rows.map((r) => r.row);
  }
  return snapshot;
}

/** The stored event exactly as the database holds it (hashes as hex, details as stored jsonb). */
async function storedRow(id: bigint): Promise<string> {
  const [row] = await sql().query<{ row: string }>(`SELECT to_jsonb(e)::text AS row FROM events e WHERE e.id = $1`, [id.toString()]);
  return row!.row;
}

/** Events keep the actor's name and email as they were: renaming everyone must not change them. */
async function renameEveryone(): Promise<void> {
  await db.$executeRaw`UPDATE users SET name = 'Renamed ' || name, email = 'renamed.' || email`;
}

/** Every token of every link mailed in this test file (invitations, setup links). */
function mailedTokens(): string[] {
  const dir = env().MAIL_OUTBOX_DIR;
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  return files.flatMap((file) => {
    const mail = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { links?: string[] };
    return (mail.links ?? []).flatMap((link) => new URL(link).searchParams.getAll("token"));
  });
}

/** The names the log page shows with an event: its organization's and acting provider's current names. */
async function namesFor(event: { organizationId: string | null; actingProviderId: string | null }) {
  const [organization, actingProvider] = await Promise.all([
    event.organizationId ? db.organization.findUnique({ where: { id: event.organizationId }, select: { name: true } }) : null,
    event.actingProviderId ? db.provider.findUnique({ where: { id: event.actingProviderId }, select: { name: true } }) : null,
  ]);
  return { organizationName: organization?.name ?? null, actingProviderName: actingProvider?.name ?? null };
}
