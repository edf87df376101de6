// The organization's data key, which encrypts its vault items. Stored only wrapped by the
// key-encryption key (lib/crypto/envelope.ts); created on first use for organizations without one.
import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { newDataKey, unwrapDataKey } from "@/lib/crypto/envelope";
import { notFound } from "@/lib/errors";

/** Reads the key, or creates it. Two racing creators cannot both win: the update only fills an empty column. */
export async function organizationDataKeyForWrite(tx: Tx, organizationId: string): Promise<Buffer> {
  const current = await tx.organization.findUnique({ where: { id: organizationId }, select: { dataKeyWrapped: true } });
  if (!current) throw notFound("organization");
  if (current.dataKeyWrapped) return unwrapDataKey(current.dataKeyWrapped, organizationId);
  const fresh = newDataKey(organizationId);
  await tx.$executeRaw`UPDATE organizations SET data_key_wrapped = ${Buffer.from(fresh.wrapped)} WHERE id = ${organizationId}::uuid AND data_key_wrapped IS NULL`;
  const stored = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { dataKeyWrapped: true } });
  return unwrapDataKey(stored.dataKeyWrapped!, organizationId);
}

/** The key for reading; null when the organization has never stored an item. */
export async function organizationDataKey(organizationId: string): Promise<Buffer | null> {
  const row = await db.organization.findUnique({ where: { id: organizationId }, select: { dataKeyWrapped: true } });
  return row?.dataKeyWrapped ? unwrapDataKey(row.dataKeyWrapped, organizationId) : null;
}
