// Event retention (EVENT_RETENTION_DAYS): deletes events older than the cutoff, chain by chain,
// always a prefix of the chain (so what remains is one unbroken run of it). Each batch deletes rows
// and moves the chain's anchor to the last deleted row in one transaction, so verification starts
// from the retained start at every moment; the last transaction of a chain also records one
// EVENTS_PURGED summary (count, cutoff) in that chain.
import { SYSTEM_META } from "@/lib/actor";
import { db, type Tx } from "@/lib/db/client";
import { transaction } from "@/lib/db/transaction";
import { recordEvent } from "@/lib/events/recorder";

export interface PurgeResult {
  cutoff: string;
  /** Chains that had expired events. */
  chains: number;
  deleted: number;
}

export interface PurgeOptions {
  retentionDays: number;
  now?: Date;
  /** Rows deleted per transaction (each holds the chain's head lock, so keep it short). */
  batchSize?: number;
}

const HEADS_PER_READ = 500;

export async function purgeExpiredEvents(options: PurgeOptions): Promise<PurgeResult> {
  if (!Number.isInteger(options.retentionDays) || options.retentionDays < 1) throw new Error("retentionDays must be a whole number of days, at least 1");
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.retentionDays * 86_400_000);
  const batchSize = options.batchSize ?? 5000;
  let chains = 0;
  let deleted = 0;
  let afterScope = "";
  for (;;) {
    // Heads in keyset order; for each, is the oldest retained event expired? (one index lookup)
    const heads = await db.$queryRaw<{ scope: string; expired: boolean }[]>`
      SELECT h.scope, EXISTS (
          SELECT 1 FROM (SELECT occurred_at FROM events e WHERE e.chain_scope = h.scope AND e.seq > h.anchor_seq ORDER BY e.seq LIMIT 1) oldest
           WHERE oldest.occurred_at < ${cutoff.toISOString()}::timestamptz) AS expired
        FROM event_chain_heads h WHERE h.scope > ${afterScope} ORDER BY h.scope LIMIT ${HEADS_PER_READ}`;
    for (const head of heads) {
      if (!head.expired) continue;
      const count = await purgeChain(head.scope, cutoff, options.retentionDays, batchSize);
      if (count > 0) {
        chains++;
        deleted += count;
      }
    }
    if (heads.length < HEADS_PER_READ) break;
    afterScope = heads.at(-1)!.scope;
  }
  return { cutoff: isoMicros(cutoff), chains, deleted };
}

async function purgeChain(scope: string, cutoff: Date, retentionDays: number, batchSize: number): Promise<number> {
  let total = 0;
  let firstSeq: bigint | null = null;
  for (;;) {
    const step = await transaction(async (tx) => {
      const head = (await tx.$queryRaw<{ anchor_seq: bigint }[]>`SELECT anchor_seq FROM event_chain_heads WHERE scope = ${scope} FOR UPDATE`)[0];
      if (!head) return { deleted: 0, done: true };
      const rows = await tx.$queryRaw<{ seq: bigint; hash: Uint8Array; expired: boolean }[]>`
        SELECT seq, hash, occurred_at < ${cutoff.toISOString()}::timestamptz AS expired
          FROM events WHERE chain_scope = ${scope} AND seq > ${head.anchor_seq} ORDER BY seq LIMIT ${batchSize}`;
      const firstKept = rows.findIndex((r) => !r.expired);
      const expired = firstKept === -1 ? rows : rows.slice(0, firstKept);
      const done = expired.length < batchSize;
      const last = expired.at(-1);
      if (last) {
        firstSeq ??= BigInt(expired[0]!.seq);
        await tx.$executeRaw`DELETE FROM events WHERE chain_scope = ${scope} AND seq > ${head.anchor_seq} AND seq <= ${last.seq}`;
        await tx.$executeRaw`UPDATE event_chain_heads SET anchor_seq = ${last.seq}, anchor_hash = ${Buffer.from(last.hash)} WHERE scope = ${scope}`;
      }
      const deletedNow = expired.length;
      if (done && total + deletedNow > 0) {
        await recordSummary(tx, scope, {
          count: total + deletedNow,
          cutoff: isoMicros(cutoff),
          retentionDays,
          fromSeq: String(firstSeq),
          toSeq: String(last?.seq ?? head.anchor_seq),
        });
      }
      return { deleted: deletedNow, done };
    });
    total += step.deleted;
    if (step.done) return total;
  }
}

/** The summary goes into the chain it summarises, shown in the same log as the deleted events. */
async function recordSummary(tx: Tx, scope: string, details: Record<string, unknown>): Promise<void> {
  const [kind, id] = scope.split(":") as [string, string | undefined];
  await recordEvent(tx, {
    type: "EVENTS_PURGED",
    actor: null,
    meta: SYSTEM_META,
    providerId: kind === "provider" ? id : null,
    organizationId: kind === "organization" ? id : null,
    chainScope: scope,
    details,
  });
}

function isoMicros(date: Date): string {
  return date.toISOString().replace("Z", "000Z");
}
