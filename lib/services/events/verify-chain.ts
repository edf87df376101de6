// Walks one hash chain from its anchor (where retention left it) to its head, in batches, and
// reports the first broken link:
//   hash_mismatch   a row's content no longer hashes to its stored hash (the row was edited)
//   missing_events  a gap in the sequence (rows were deleted)
//   link_mismatch   a row does not point at the previous row's hash (rows were deleted or replaced)
//   missing_tail    the head says more events were written than are there (the newest were deleted)
//   missing_head    events exist but the chain's head row is gone
// A long chain can be verified in several calls (`maxRows` + the returned cursor), so the page can
// show progress; each call resumes from the last verified row.
import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/pagination";
import { db } from "@/lib/db/client";
import { conflict } from "@/lib/errors";
import { chainScopeFor, eventHash } from "@/lib/events/chain";

export type BreakReason = "hash_mismatch" | "missing_events" | "link_mismatch" | "missing_tail" | "missing_head";

export interface VerifyResult {
  valid: boolean;
  /** Events verified, over all calls of this walk. */
  checked: number;
  /** Events in the chain from its anchor to its head (what `checked` reaches when the walk is done). */
  total: number;
  firstBrokenEventId: string | null;
  reason: BreakReason | null;
  /** Present while the walk is not finished: pass it back as `cursor` to go on. */
  nextCursor: string | null;
}

interface ChainRow {
  id: string;
  seq: bigint;
  occurred_at: string;
  type: string;
  provider_id: string | null;
  acting_provider_id: string | null;
  organization_id: string | null;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  target_type: string | null;
  target_id: string | null;
  target_name: string | null;
  ip: string | null;
  user_agent: string | null;
  details: unknown;
  prev_hash: Uint8Array;
  hash: Uint8Array;
}

const BATCH = 2000;
const cursorShape = z.tuple([z.string().regex(/^\d{1,19}$/), z.number().int().min(0)]);

export function providerChain(providerId: string): string {
  return chainScopeFor({ providerId });
}

export function organizationChain(organizationId: string): string {
  return chainScopeFor({ organizationId });
}

export async function verifyChain(scope: string, options: { cursor?: string; maxRows?: number } = {}): Promise<VerifyResult> {
  const resume = decodeCursor(options.cursor, cursorShape);
  const head = (
    await db.$queryRaw<{ seq: bigint; hash: Uint8Array; anchor_seq: bigint; anchor_hash: Uint8Array }[]>`
      SELECT seq, hash, anchor_seq, anchor_hash FROM event_chain_heads WHERE scope = ${scope}`
  )[0];
  if (!head) {
    const orphan = await db.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM events WHERE chain_scope = ${scope} ORDER BY seq LIMIT 1`;
    return orphan[0] ? broken(0, 0, orphan[0].id, "missing_head") : { valid: true, checked: 0, total: 0, firstBrokenEventId: null, reason: null, nextCursor: null };
  }
  const total = Number(head.seq - head.anchor_seq);
  let checked = resume?.[1] ?? 0;
  let lastSeq = head.anchor_seq;
  let prev: Buffer = Buffer.from(head.anchor_hash);
  if (resume) {
    lastSeq = BigInt(resume[0]);
    if (lastSeq < head.anchor_seq) throw trimmedWhileVerifying();
    if (lastSeq > head.anchor_seq) {
      const row = (await db.$queryRaw<{ hash: Uint8Array }[]>`SELECT hash FROM events WHERE chain_scope = ${scope} AND seq = ${lastSeq}`)[0];
      if (!row) throw trimmedWhileVerifying();
      prev = Buffer.from(row.hash);
    }
  }
  const budget = options.maxRows ?? Number.POSITIVE_INFINITY;
  let walked = 0;
  while (lastSeq < head.seq) {
    if (walked >= budget) return { valid: true, checked, total, firstBrokenEventId: null, reason: null, nextCursor: encodeCursor([lastSeq.toString(), checked]) };
    const rows = await db.$queryRaw<ChainRow[]>`
      SELECT id::text AS id, seq, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at, type,
             provider_id::text AS provider_id, acting_provider_id::text AS acting_provider_id, organization_id::text AS organization_id,
             actor_user_id::text AS actor_user_id, actor_name, actor_email, target_type, target_id, target_name, ip, user_agent, details, prev_hash, hash
        FROM events WHERE chain_scope = ${scope} AND seq > ${lastSeq} AND seq <= ${head.seq}
       ORDER BY seq LIMIT ${Math.min(BATCH, budget - walked)}`;
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = BigInt(row.seq);
      if (seq !== lastSeq + 1n) return await gapOrTrim(scope, row.id, lastSeq, checked, total, "missing_events");
      if (!prev.equals(Buffer.from(row.prev_hash))) return await gapOrTrim(scope, row.id, lastSeq, checked, total, "link_mismatch");
      const recomputed = eventHash(prev, {
        chainScope: scope,
        seq,
        occurredAt: row.occurred_at,
        type: row.type,
        providerId: row.provider_id,
        actingProviderId: row.acting_provider_id,
        organizationId: row.organization_id,
        actorUserId: row.actor_user_id,
        actorName: row.actor_name,
        actorEmail: row.actor_email,
        targetType: row.target_type,
        targetId: row.target_id,
        targetName: row.target_name,
        ip: row.ip,
        userAgent: row.user_agent,
        details: row.details,
      });
      if (!recomputed.equals(Buffer.from(row.hash))) return broken(checked, total, row.id, "hash_mismatch");
      prev = recomputed;
      lastSeq = seq;
      checked++;
      walked++;
    }
  }
  if (lastSeq < head.seq || !prev.equals(Buffer.from(head.hash))) return broken(checked, total, null, "missing_tail");
  return { valid: true, checked, total, firstBrokenEventId: null, reason: null, nextCursor: null };
}

function broken(checked: number, total: number, eventId: string | null, reason: BreakReason): VerifyResult {
  return { valid: false, checked, total, firstBrokenEventId: eventId, reason, nextCursor: null };
}

/** A gap right where retention has just moved the anchor is not tampering: the walk must start again. */
async function gapOrTrim(scope: string, eventId: string, lastSeq: bigint, checked: number, total: number, reason: BreakReason): Promise<VerifyResult> {
  const anchor = (await db.$queryRaw<{ anchor_seq: bigint }[]>`SELECT anchor_seq FROM event_chain_heads WHERE scope = ${scope}`)[0];
  if (anchor && anchor.anchor_seq > lastSeq) throw trimmedWhileVerifying();
  return broken(checked, total, eventId, reason);
}

function trimmedWhileVerifying() {
  return conflict("Retention removed old events while the log was being verified. Verify again.", "log_trimmed");
}

/** `?cursor=` to resume a walk, `?limit=` to verify at most that many events in this call. */
export const verifyQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number({ message: "limit must be a number" }).int("limit must be a whole number").min(100, "limit must be at least 100").max(10_000_000).optional(),
});
