// Reading an organization's vault items. Only the organization's own confirmed members get here
// (permission org.items.read; provider members are refused before this runs, PRODUCT.md rule 5).
// Owners and admins see every item; users see items in collections they can access directly or
// through a group, with their grants combined (lib/services/collections/access.ts). Secrets are decrypted on the server
// and, for "except passwords" permissions, removed before anything leaves it.
import { z } from "zod";
import { decodeCursor, pageOf, type Page } from "@/lib/api/pagination";
import { isUuid } from "@/lib/authz/context";
import { db } from "@/lib/db/client";
import type { CollectionPermission, OrganizationRole, VaultItemType } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/generated/client.ts";
import { notFound } from "@/lib/errors";
import { combinePermissions, showsSecrets } from "@/lib/services/collections/access";
import { organizationDataKey } from "@/lib/vault/data-key";
import { decryptSecret, withoutSecrets, type VaultSecret } from "@/lib/vault/item";

export interface VaultReader {
  memberId: string;
  role: OrganizationRole;
}

type Reach = { all: true } | { all: false; permissions: Map<string, CollectionPermission> };

/** Which collections the member reaches, and how. */
async function reachOf(organizationId: string, reader: VaultReader): Promise<Reach> {
  if (reader.role === "OWNER" || reader.role === "ADMIN") return { all: true };
  const [direct, viaGroups] = await Promise.all([
    db.collectionMemberAccess.findMany({ where: { memberId: reader.memberId, collection: { organizationId } }, select: { collectionId: true, permission: true } }),
    db.collectionGroupAccess.findMany({
      where: { group: { organizationId, members: { some: { memberId: reader.memberId } } } },
      select: { collectionId: true, permission: true },
    }),
  ]);
  const grouped = new Map<string, CollectionPermission[]>();
  for (const a of [...direct, ...viaGroups]) grouped.set(a.collectionId, [...(grouped.get(a.collectionId) ?? []), a.permission]);
  return { all: false, permissions: new Map([...grouped].map(([id, list]) => [id, combinePermissions(list)!])) };
}

export interface VaultItemView {
  id: string;
  type: VaultItemType;
  name: string;
  collectionIds: string[];
  permission: CollectionPermission;
  /** True when passwords, TOTP and hidden fields were removed because of the permission. */
  secretsHidden: boolean;
  data: VaultSecret;
  createdAt: Date;
  updatedAt: Date;
}

interface ItemRow {
  id: string;
  type: VaultItemType;
  name: string;
  ciphertext: Uint8Array;
  createdAt: Date;
  updatedAt: Date;
  collections: { collectionId: string }[];
}

function view(organizationId: string, key: Buffer, reach: Reach, row: ItemRow): VaultItemView {
  const collectionIds = row.collections.map((c) => c.collectionId).filter((id) => reach.all || reach.permissions.has(id));
  const permission: CollectionPermission = reach.all ? "MANAGE" : combinePermissions(collectionIds.map((id) => reach.permissions.get(id)!))!;
  const secret = decryptSecret(key, organizationId, row.id, row.ciphertext);
  const secretsHidden = !showsSecrets(permission);
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    collectionIds,
    permission,
    secretsHidden,
    data: secretsHidden ? withoutSecrets(secret) : secret,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function reachFilter(reach: Reach, collectionId?: string): Prisma.VaultItemWhereInput {
  if (reach.all) return collectionId ? { collections: { some: { collectionId } } } : {};
  const ids = [...reach.permissions.keys()].filter((id) => !collectionId || id === collectionId);
  return { collections: { some: { collectionId: { in: ids } } } };
}

const select = { id: true, type: true, name: true, ciphertext: true, createdAt: true, updatedAt: true, collections: { select: { collectionId: true } } } as const;
const cursorShape = z.tuple([z.string(), z.uuid()]);

export interface ListVaultItemsInput {
  organizationId: string;
  reader: VaultReader;
  q?: string;
  type?: VaultItemType;
  collectionId?: string;
  limit: number;
  cursor?: string;
}

export async function listVaultItems(input: ListVaultItemsInput): Promise<Page<VaultItemView>> {
  const after = decodeCursor(input.cursor, cursorShape);
  const reach = await reachOf(input.organizationId, input.reader);
  const rows = await db.vaultItem.findMany({
    where: {
      organizationId: input.organizationId,
      ...(input.type ? { type: input.type } : {}),
      AND: [
        reachFilter(reach, input.collectionId),
        input.q ? { name: { contains: input.q, mode: "insensitive" } } : {},
        after ? { OR: [{ name: { gt: after[0] } }, { name: after[0], id: { gt: after[1] } }] } : {},
      ],
    },
    select,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: input.limit + 1,
  });
  if (rows.length === 0) return { data: [], nextCursor: null };
  const key = await organizationDataKey(input.organizationId);
  if (!key) throw new Error(`Organization ${input.organizationId} has vault items but no data key`);
  return pageOf(rows, input.limit, (row) => view(input.organizationId, key, reach, row), (row) => [row.name, row.id]);
}

/** One item, or 404 when it does not exist or the member cannot reach it. */
export async function getVaultItem(organizationId: string, reader: VaultReader, itemId: string): Promise<VaultItemView> {
  if (!isUuid(itemId)) throw notFound("item");
  const reach = await reachOf(organizationId, reader);
  const row = await db.vaultItem.findFirst({ where: { id: itemId, organizationId, AND: [reachFilter(reach)] }, select });
  const key = row ? await organizationDataKey(organizationId) : null;
  if (!row || !key) throw notFound("item");
  return view(organizationId, key, reach, row);
}

/** Counts only — what provider members (who never see credentials) are shown. */
export async function vaultSummary(organizationId: string): Promise<{ total: number; byType: Record<VaultItemType, number> }> {
  const groups = await db.vaultItem.groupBy({ by: ["type"], where: { organizationId }, _count: { _all: true } });
  const byType: Record<VaultItemType, number> = { LOGIN: 0, SECURE_NOTE: 0, CARD: 0, IDENTITY: 0 };
  for (const g of groups) byType[g.type] = g._count._all;
  return { total: Object.values(byType).reduce((a, b) => a + b, 0), byType };
}

/** The collections a member reads items from, for the vault page's filter (the first 500 by name). */
export async function readableCollections(organizationId: string, reader: VaultReader): Promise<{ id: string; name: string }[]> {
  const reach = await reachOf(organizationId, reader);
  return db.collection.findMany({
    where: { organizationId, ...(reach.all ? {} : { id: { in: [...reach.permissions.keys()] } }) },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 500,
  });
}
