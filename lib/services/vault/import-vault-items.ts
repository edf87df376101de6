// Importing a Bitwarden export into an organization. The file is parsed and checked completely
// first (nothing is written when any item is wrong), then everything is written in ONE transaction:
// missing collections, the items (secret content encrypted under the organization's data key) in
// multi-row inserts of IMPORT_CHUNK items, their collection links, an import job row and
// VAULT_ITEMS_IMPORTED with counts only. A preview runs the same checks and writes nothing.
import { randomUUID } from "node:crypto";
import type { ActionContext } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { VaultItemType } from "@/lib/db/generated/enums";
import { insertRows } from "@/lib/db/bulk-insert";
import { transaction } from "@/lib/db/transaction";
import { recordEvent } from "@/lib/events/recorder";
import { ensureCollections, DEFAULT_COLLECTION_NAME } from "@/lib/services/collections/collections";
import { organizationDataKeyForWrite } from "@/lib/vault/data-key";
import { parseImportFile, type ImportFormat } from "@/lib/vault/import/parse";
import { encryptSecret, type VaultItemInput } from "@/lib/vault/item";

const IMPORT_CHUNK = 1000;
/** 10,000 items take a few seconds; the ceiling leaves room for slow disks and 50,000-item files. */
const IMPORT_TIMEOUT_MS = 10 * 60_000;

const ITEM_COLUMNS = [
  { name: "id", cast: "uuid" },
  { name: "organization_id", cast: "uuid" },
  { name: "type", cast: '"VaultItemType"' },
  { name: "name" },
  { name: "ciphertext", cast: "bytea" },
  { name: "import_job_id", cast: "uuid" },
  { name: "created_at", cast: "timestamptz" },
  { name: "updated_at", cast: "timestamptz" },
] as const;
const LINK_COLUMNS = [
  { name: "item_id", cast: "uuid" },
  { name: "collection_id", cast: "uuid" },
] as const;

export interface ImportProgress {
  phase: "writing";
  done: number;
  total: number;
}

export interface ImportSummary {
  format: ImportFormat;
  imported: number;
  byType: Record<VaultItemType, number>;
  /** Every collection the items go to, with how many items each gets and whether it is created. */
  collections: { name: string; items: number; exists: boolean }[];
}

export interface ImportResult extends ImportSummary {
  importJobId: string;
  collectionsCreated: string[];
}

export interface ParsedImport {
  format: ImportFormat;
  items: VaultItemInput[];
}

/** Parses and checks the file (400 naming the line or item on the first problem). */
export function parseImport(contentType: string, content: string): ParsedImport {
  return parseImportFile(contentType, content);
}

export async function previewImport(organizationId: string, file: ParsedImport): Promise<ImportSummary> {
  const byType: Record<VaultItemType, number> = { LOGIN: 0, SECURE_NOTE: 0, CARD: 0, IDENTITY: 0 };
  const perCollection = new Map<string, number>();
  let unassigned = 0;
  for (const item of file.items) {
    byType[item.type]++;
    if (item.collections.length === 0) unassigned++;
    for (const name of item.collections) perCollection.set(name, (perCollection.get(name) ?? 0) + 1);
  }
  const [existing, defaultCollection] = await Promise.all([
    db.collection.findMany({ where: { organizationId, name: { in: [...perCollection.keys()] } }, select: { name: true } }),
    db.collection.findFirst({ where: { organizationId, isDefault: true }, select: { name: true } }),
  ]);
  const existingNames = new Set(existing.map((c) => c.name));
  const collections = [...perCollection.entries()].map(([name, items]) => ({ name, items, exists: existingNames.has(name) }));
  if (unassigned > 0) {
    const name = defaultCollection?.name ?? DEFAULT_COLLECTION_NAME;
    const same = collections.find((c) => c.name === name);
    if (same) same.items += unassigned;
    else collections.push({ name, items: unassigned, exists: Boolean(defaultCollection) });
  }
  collections.sort((a, b) => a.name.localeCompare(b.name));
  return { format: file.format, imported: file.items.length, byType, collections };
}

export async function importVaultItems(
  input: { organizationId: string; file: ParsedImport; onProgress?: (progress: ImportProgress) => void },
  ctx: ActionContext,
): Promise<ImportResult> {
  const { organizationId, file } = input;
  const summary = await previewImport(organizationId, file);
  const total = file.items.length;
  return transaction(
    async (tx) => {
      const key = await organizationDataKeyForWrite(tx, organizationId);
      const job = await tx.importJob.create({
        data: { organizationId, format: file.format, status: "RUNNING", totalItems: total, createdById: ctx.actor.userId },
        select: { id: true },
      });
      const names = new Set(file.items.flatMap((i) => i.collections));
      const collections = await ensureCollections(tx, organizationId, [...names], ctx, { source: "import", importJobId: job.id });
      input.onProgress?.({ phase: "writing", done: 0, total });
      for (let start = 0; start < total; start += IMPORT_CHUNK) {
        const chunk = file.items.slice(start, start + IMPORT_CHUNK).map((item) => ({ id: randomUUID(), item }));
        const now = new Date();
        await insertRows(
          tx,
          "vault_items",
          ITEM_COLUMNS,
          chunk.map(({ id, item }) => [id, organizationId, item.type, item.name, Buffer.from(encryptSecret(key, organizationId, id, item.secret)), job.id, now, now]),
        );
        await insertRows(
          tx,
          "vault_item_collections",
          LINK_COLUMNS,
          chunk.flatMap(({ id, item }) =>
            (item.collections.length ? item.collections.map((name) => collections.ids.get(name)!) : [collections.defaultId]).map((collectionId) => [id, collectionId]),
          ),
        );
        input.onProgress?.({ phase: "writing", done: Math.min(start + IMPORT_CHUNK, total), total });
      }
      await tx.importJob.update({ where: { id: job.id }, data: { status: "COMPLETED", importedItems: total, finishedAt: new Date() } });
      await recordEvent(tx, {
        type: "VAULT_ITEMS_IMPORTED",
        actor: ctx.actor,
        meta: ctx.meta,
        organizationId,
        details: {
          importJobId: job.id,
          format: file.format,
          imported: total,
          byType: summary.byType,
          collections: summary.collections.length,
          collectionsCreated: collections.created.length,
        },
      });
      return { ...summary, importJobId: job.id, collectionsCreated: collections.created };
    },
    { timeout: IMPORT_TIMEOUT_MS },
  );
}

/** The organization's latest imports, with who ran them, for the import page. */
export async function recentImports(organizationId: string, take = 10) {
  const jobs = await db.importJob.findMany({
    where: { organizationId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, format: true, status: true, totalItems: true, importedItems: true, createdAt: true, finishedAt: true, createdById: true },
  });
  const ids = [...new Set(jobs.map((j) => j.createdById).filter((id): id is string => Boolean(id)))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return jobs.map((j) => ({ ...j, createdBy: j.createdById ? (names.get(j.createdById) ?? null) : null }));
}
