// Writes events inside the caller's transaction, so a change and its event commit or roll back
// together. Each chain's head row is locked while its events are appended, which keeps the hash
// chain linear under concurrent writers.
import type { Actor, RequestMeta } from "@/lib/actor";
import type { Tx } from "@/lib/db/client";
import { isEventType, type EventType, type TargetType } from "./catalog";
import { chainScopeFor, eventHash, GENESIS_HASH, type ChainedFields } from "./chain";

export interface EventInput {
  type: EventType;
  actor: Actor | null;
  meta: RequestMeta;
  /** The provider whose log shows the event. Defaults to the actor's acting provider. */
  providerId?: string | null;
  organizationId?: string | null;
  target?: { type: TargetType; id: string; name?: string | null } | null;
  /** Context such as old/new values. Never secrets: the log is readable by admins and exportable. */
  details?: Record<string, unknown>;
  /**
   * Backdates the event. Only for loading history (the demo seed, benchmarks); events of real actions
   * take the database clock. Events of one call must be in time order.
   */
  at?: Date;
  /**
   * The chain to append to, when it is not the one the provider/organization/actor imply. Only for
   * the log's own bookkeeping: the retention summary of a user's chain is written by the system.
   */
  chainScope?: string;
}

const COLUMNS = [
  "occurred_at",
  "type",
  "provider_id",
  "acting_provider_id",
  "organization_id",
  "actor_user_id",
  "actor_name",
  "actor_email",
  "target_type",
  "target_id",
  "target_name",
  "ip",
  "user_agent",
  "details",
  "chain_scope",
  "seq",
  "prev_hash",
  "hash",
] as const;
const CASTS: Partial<Record<(typeof COLUMNS)[number], string>> = {
  occurred_at: "timestamptz",
  provider_id: "uuid",
  acting_provider_id: "uuid",
  organization_id: "uuid",
  actor_user_id: "uuid",
  details: "jsonb",
  seq: "bigint",
  prev_hash: "bytea",
  hash: "bytea",
};
const ROWS_PER_STATEMENT = 1000;

export async function recordEvent(tx: Tx, input: EventInput): Promise<void> {
  await recordEvents(tx, [input]);
}

export async function recordEvents(tx: Tx, inputs: readonly EventInput[]): Promise<void> {
  const byScope = new Map<string, ChainedFields[]>();
  for (const input of inputs) {
    const fields = toFields(input);
    const list = byScope.get(fields.chainScope) ?? [];
    list.push(fields);
    byScope.set(fields.chainScope, list);
  }
  // Lock heads in a fixed order so two transactions writing to the same chains cannot deadlock.
  for (const scope of [...byScope.keys()].sort()) {
    await appendToChain(tx, scope, byScope.get(scope)!);
  }
}

function toFields(input: EventInput): ChainedFields {
  if (!isEventType(input.type)) throw new Error(`Unknown event type ${input.type}`);
  const actingProviderId = input.actor?.actingProviderId ?? null;
  const providerId = input.providerId ?? actingProviderId;
  const organizationId = input.organizationId ?? null;
  const actorUserId = input.actor?.userId ?? null;
  return {
    chainScope: input.chainScope ?? chainScopeFor({ providerId, organizationId, actorUserId }),
    seq: 0n,
    occurredAt: input.at ? isoMicros(input.at) : "",
    type: input.type,
    providerId,
    actingProviderId,
    organizationId,
    actorUserId,
    actorName: input.actor?.name ?? null,
    actorEmail: input.actor?.email ?? null,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    targetName: input.target?.name ?? null,
    ip: input.meta.ip,
    userAgent: input.meta.userAgent,
    // Hashed as it will read back from the jsonb column (a Date becomes its ISO string, undefined goes).
    // Events of calls made with an API key say which key.
    details: JSON.parse(
      JSON.stringify(input.actor?.apiKey ? { ...input.details, apiKeyId: input.actor.apiKey.id, apiKeyPrefix: input.actor.apiKey.prefix } : (input.details ?? {})),
    ),
  };
}

function isoMicros(date: Date): string {
  return date.toISOString().replace("Z", "000Z");
}

async function lockHead(tx: Tx, scope: string): Promise<{ seq: bigint; hash: Uint8Array; now: string }> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const rows = await tx.$queryRaw<{ seq: bigint; hash: Uint8Array; now: string }[]>`
      SELECT seq, hash, to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS now
        FROM event_chain_heads WHERE scope = ${scope} FOR UPDATE`;
    if (rows[0]) return rows[0];
    await tx.$executeRaw`
      INSERT INTO event_chain_heads (scope, seq, hash, anchor_seq, anchor_hash)
      VALUES (${scope}, 0, ${GENESIS_HASH}, 0, ${GENESIS_HASH}) ON CONFLICT (scope) DO NOTHING`;
  }
  throw new Error(`Could not lock event chain ${scope}`);
}

async function appendToChain(tx: Tx, scope: string, events: ChainedFields[]): Promise<void> {
  const head = await lockHead(tx, scope);
  let seq = BigInt(head.seq);
  let prev: Uint8Array = head.hash;
  const rows: unknown[][] = [];
  for (const event of events) {
    seq += 1n;
    event.seq = seq;
    event.occurredAt ||= head.now;
    const hash = eventHash(prev, event);
    rows.push([
      event.occurredAt,
      event.type,
      event.providerId,
      event.actingProviderId,
      event.organizationId,
      event.actorUserId,
      event.actorName,
      event.actorEmail,
      event.targetType,
      event.targetId,
      event.targetName,
      event.ip,
      event.userAgent,
      JSON.stringify(event.details),
      scope,
      seq.toString(),
      Buffer.from(prev),
      hash,
    ]);
    prev = hash;
  }
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const params: unknown[] = [];
    const values = chunk.map((row) => {
      const placeholders = row.map((value, i) => {
        params.push(value);
        const cast = CASTS[COLUMNS[i]!];
        return cast ? `$${params.length}::${cast}` : `$${params.length}`;
      });
      return `(${placeholders.join(", ")})`;
    });
    await tx.$executeRawUnsafe(`INSERT INTO events (${COLUMNS.join(", ")}) VALUES ${values.join(", ")}`, ...params);
  }
  await tx.$executeRaw`UPDATE event_chain_heads SET seq = ${seq}, hash = ${Buffer.from(prev)} WHERE scope = ${scope}`;
}
