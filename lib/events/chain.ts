// The tamper-evident part of the event log. Every event belongs to one chain (its provider, else its
// organization, else its user) and stores sha256(previous hash || canonical content). Changing or
// deleting any row breaks the link that follows it.
import { createHash } from "node:crypto";

export const GENESIS_HASH = Buffer.alloc(32);

export interface ChainedFields {
  chainScope: string;
  seq: bigint;
  occurredAt: string; // ISO-8601 UTC with microseconds, exactly as hashed
  type: string;
  providerId: string | null;
  actingProviderId: string | null;
  organizationId: string | null;
  actorUserId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  targetName: string | null;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
}

export function chainScopeFor(input: { providerId?: string | null; organizationId?: string | null; actorUserId?: string | null }): string {
  if (input.providerId) return `provider:${input.providerId}`;
  if (input.organizationId) return `organization:${input.organizationId}`;
  if (input.actorUserId) return `user:${input.actorUserId}`;
  return "platform";
}

/** JSON with object keys sorted at every level, so equal values always serialize identically. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function eventHash(prevHash: Uint8Array, fields: ChainedFields): Buffer {
  const content = canonicalJson([
    "v1",
    fields.chainScope,
    fields.seq.toString(),
    fields.occurredAt,
    fields.type,
    fields.providerId,
    fields.actingProviderId,
    fields.organizationId,
    fields.actorUserId,
    fields.actorName,
    fields.actorEmail,
    fields.targetType,
    fields.targetId,
    fields.targetName,
    fields.ip,
    fields.userAgent,
    fields.details,
  ]);
  return createHash("sha256").update(prevHash).update(content, "utf8").digest();
}
