// Collections and who may use them. Every organization has one default collection (created with the
// organization; imports put items without a folder or collection there). It can be renamed and its
// access changed, but not deleted: imports and unassigned items rely on it. Deleting another
// collection keeps its items in the organization (owners and admins still see them).
import { z } from "zod";
import type { ActionContext } from "@/lib/actor";
import { decodeCursor, pageOf, type Page } from "@/lib/api/pagination";
import { isUuid } from "@/lib/authz/context";
import { db, type Tx } from "@/lib/db/client";
import type { CollectionPermission, MemberStatus, OrganizationRole } from "@/lib/db/generated/enums";
import { transaction } from "@/lib/db/transaction";
import { conflict, notFound, unprocessable } from "@/lib/errors";
import { recordEvent, recordEvents, type EventInput } from "@/lib/events/recorder";
import { requireOwnIds, type GroupAccessEntry, type MemberAccessEntry } from "./access";

export const DEFAULT_COLLECTION_NAME = "Default collection";

/** Collection names allow nesting with "/" (as in Bitwarden), so they may be longer than other names. */
export const collectionNameSchema = z
  .string({ message: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(200, "Collection names are at most 200 characters.");

export interface CollectionSummary {
  id: string;
  name: string;
  isDefault: boolean;
  itemCount: number;
  memberCount: number;
  groupCount: number;
  createdAt: Date;
}

export interface CollectionDetail extends CollectionSummary {
  members: { memberId: string; email: string; name: string | null; role: OrganizationRole; status: MemberStatus; permission: CollectionPermission }[];
  groups: { groupId: string; name: string; permission: CollectionPermission }[];
}

const cursorShape = z.tuple([z.string(), z.uuid()]);

export async function listCollections(input: { organizationId: string; q?: string; limit: number; cursor?: string }): Promise<Page<CollectionSummary>> {
  const after = decodeCursor(input.cursor, cursorShape);
  const rows = await db.collection.findMany({
    where: {
      organizationId: input.organizationId,
      AND: [
        input.q ? { name: { contains: input.q, mode: "insensitive" } } : {},
        after ? { OR: [{ name: { gt: after[0] } }, { name: after[0], id: { gt: after[1] } }] } : {},
      ],
    },
    select: { id: true, name: true, isDefault: true, createdAt: true, _count: { select: { items: true, memberAccess: true, groupAccess: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: input.limit + 1,
  });
  return pageOf(
    rows,
    input.limit,
    (c) => ({
      id: c.id,
      name: c.name,
      isDefault: c.isDefault,
      itemCount: c._count.items,
      memberCount: c._count.memberAccess,
      groupCount: c._count.groupAccess,
      createdAt: c.createdAt,
    }),
    (c) => [c.name, c.id],
  );
}

export async function getCollection(organizationId: string, collectionId: string, client: Tx = db): Promise<CollectionDetail> {
  if (!isUuid(collectionId)) throw notFound("collection");
  const c = await client.collection.findFirst({
    where: { id: collectionId, organizationId },
    select: {
      id: true,
      name: true,
      isDefault: true,
      createdAt: true,
      _count: { select: { items: true, memberAccess: true, groupAccess: true } },
      memberAccess: {
        select: { permission: true, member: { select: { id: true, email: true, role: true, status: true, user: { select: { name: true } } } } },
        orderBy: { member: { email: "asc" } },
      },
      groupAccess: { select: { permission: true, group: { select: { id: true, name: true } } }, orderBy: { group: { name: "asc" } } },
    },
  });
  if (!c) throw notFound("collection");
  return {
    id: c.id,
    name: c.name,
    isDefault: c.isDefault,
    createdAt: c.createdAt,
    itemCount: c._count.items,
    memberCount: c._count.memberAccess,
    groupCount: c._count.groupAccess,
    members: c.memberAccess.map((a) => ({
      memberId: a.member.id,
      email: a.member.email,
      name: a.member.user?.name ?? null,
      role: a.member.role,
      status: a.member.status,
      permission: a.permission,
    })),
    groups: c.groupAccess.map((a) => ({ groupId: a.group.id, name: a.group.name, permission: a.permission })),
  };
}

async function requireUniqueName(tx: Tx, organizationId: string, name: string, exceptId?: string): Promise<void> {
  const clash = await tx.collection.findFirst({ where: { organizationId, name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw conflict(`A collection named "${name}" already exists. Choose another name.`, "collection_exists");
}

async function validateAccess(tx: Tx, organizationId: string, members?: MemberAccessEntry[], groups?: GroupAccessEntry[]): Promise<void> {
  await requireOwnIds(tx, organizationId, "member", (members ?? []).map((m) => m.memberId), "members");
  await requireOwnIds(tx, organizationId, "group", (groups ?? []).map((g) => g.groupId), "groups");
}

type AccessSnapshot = { id: string; permission: CollectionPermission }[];

function sameAccess(a: AccessSnapshot, b: AccessSnapshot): boolean {
  return a.length === b.length && a.every((x) => b.some((y) => y.id === x.id && y.permission === x.permission));
}

export interface CreateCollectionInput {
  organizationId: string;
  name: string;
  members?: MemberAccessEntry[];
  groups?: GroupAccessEntry[];
}

export async function createCollection(input: CreateCollectionInput, ctx: ActionContext): Promise<CollectionDetail> {
  return transaction(async (tx) => {
    await requireUniqueName(tx, input.organizationId, input.name);
    await validateAccess(tx, input.organizationId, input.members, input.groups);
    const collection = await tx.collection.create({ data: { organizationId: input.organizationId, name: input.name }, select: { id: true } });
    if (input.members?.length) await tx.collectionMemberAccess.createMany({ data: input.members.map((m) => ({ collectionId: collection.id, ...m })) });
    if (input.groups?.length) await tx.collectionGroupAccess.createMany({ data: input.groups.map((g) => ({ collectionId: collection.id, ...g })) });
    await recordEvent(tx, {
      type: "COLLECTION_CREATED",
      actor: ctx.actor,
      meta: ctx.meta,
      organizationId: input.organizationId,
      target: { type: "COLLECTION", id: collection.id, name: input.name },
      details: {
        members: (input.members ?? []).map((m) => ({ id: m.memberId, permission: m.permission })),
        groups: (input.groups ?? []).map((g) => ({ id: g.groupId, permission: g.permission })),
      },
    });
    return getCollection(input.organizationId, collection.id, tx);
  });
}

export interface UpdateCollectionInput {
  organizationId: string;
  collectionId: string;
  name?: string;
  /** Replace the member access list when given. */
  members?: MemberAccessEntry[];
  /** Replace the group access list when given. */
  groups?: GroupAccessEntry[];
}

export async function updateCollection(input: UpdateCollectionInput, ctx: ActionContext): Promise<CollectionDetail> {
  if (!isUuid(input.collectionId)) throw notFound("collection");
  return transaction(async (tx) => {
    const collection = await tx.collection.findFirst({ where: { id: input.collectionId, organizationId: input.organizationId }, select: { id: true, name: true } });
    if (!collection) throw notFound("collection");
    await validateAccess(tx, input.organizationId, input.members, input.groups);
    const details: Record<string, unknown> = {};
    if (input.name !== undefined && input.name !== collection.name) {
      await requireUniqueName(tx, input.organizationId, input.name, collection.id);
      details.name = { from: collection.name, to: input.name };
    }
    if (input.members) {
      const before = (await tx.collectionMemberAccess.findMany({ where: { collectionId: collection.id } })).map((a) => ({ id: a.memberId, permission: a.permission }));
      const after = input.members.map((m) => ({ id: m.memberId, permission: m.permission }));
      if (!sameAccess(before, after)) {
        await tx.collectionMemberAccess.deleteMany({ where: { collectionId: collection.id } });
        if (input.members.length) await tx.collectionMemberAccess.createMany({ data: input.members.map((m) => ({ collectionId: collection.id, ...m })) });
        details.members = { from: before, to: after };
      }
    }
    if (input.groups) {
      const before = (await tx.collectionGroupAccess.findMany({ where: { collectionId: collection.id } })).map((a) => ({ id: a.groupId, permission: a.permission }));
      const after = input.groups.map((g) => ({ id: g.groupId, permission: g.permission }));
      if (!sameAccess(before, after)) {
        await tx.collectionGroupAccess.deleteMany({ where: { collectionId: collection.id } });
        if (input.groups.length) await tx.collectionGroupAccess.createMany({ data: input.groups.map((g) => ({ collectionId: collection.id, ...g })) });
        details.groups = { from: before, to: after };
      }
    }
    if (Object.keys(details).length > 0) {
      await tx.collection.update({ where: { id: collection.id }, data: { name: input.name ?? collection.name } });
      await recordEvent(tx, {
        type: "COLLECTION_UPDATED",
        actor: ctx.actor,
        meta: ctx.meta,
        organizationId: input.organizationId,
        target: { type: "COLLECTION", id: collection.id, name: input.name ?? collection.name },
        // `changed` lists what changed for the log's sentence; the other keys hold before/after.
        details: { ...details, changed: Object.keys(details) },
      });
    }
    return getCollection(input.organizationId, collection.id, tx);
  });
}

export async function deleteCollection(input: { organizationId: string; collectionId: string }, ctx: ActionContext): Promise<{ id: string; deleted: true }> {
  if (!isUuid(input.collectionId)) throw notFound("collection");
  return transaction(async (tx) => {
    const collection = await tx.collection.findFirst({
      where: { id: input.collectionId, organizationId: input.organizationId },
      select: { id: true, name: true, isDefault: true, _count: { select: { items: true } } },
    });
    if (!collection) throw notFound("collection");
    if (collection.isDefault) {
      throw unprocessable("The default collection cannot be deleted: imported items without a folder or collection go there. Rename it instead.", "default_collection");
    }
    await tx.collection.delete({ where: { id: collection.id } });
    await recordEvent(tx, {
      type: "COLLECTION_DELETED",
      actor: ctx.actor,
      meta: ctx.meta,
      organizationId: input.organizationId,
      target: { type: "COLLECTION", id: collection.id, name: collection.name },
      details: { itemCount: collection._count.items },
    });
    return { id: collection.id, deleted: true as const };
  });
}

/**
 * The collections named (creating missing ones, and the default collection when the organization
 * has none), as name → id. Used by imports; the created ones get COLLECTION_CREATED events.
 */
export async function ensureCollections(
  tx: Tx,
  organizationId: string,
  names: string[],
  ctx: ActionContext,
  details: Record<string, unknown>,
): Promise<{ ids: Map<string, string>; defaultId: string; created: string[] }> {
  const events: EventInput[] = [];
  let defaultCollection = await tx.collection.findFirst({ where: { organizationId, isDefault: true }, select: { id: true, name: true } });
  const created: string[] = [];
  if (!defaultCollection) {
    // An organization without a default collection (added from elsewhere) gets one now, or its
    // existing "Default collection" becomes the default.
    const sameName = await tx.collection.findFirst({ where: { organizationId, name: DEFAULT_COLLECTION_NAME }, select: { id: true } });
    if (sameName) {
      defaultCollection = await tx.collection.update({ where: { id: sameName.id }, data: { isDefault: true }, select: { id: true, name: true } });
    } else {
      defaultCollection = await tx.collection.create({ data: { organizationId, name: DEFAULT_COLLECTION_NAME, isDefault: true }, select: { id: true, name: true } });
      created.push(DEFAULT_COLLECTION_NAME);
      events.push(collectionCreatedEvent(organizationId, defaultCollection, ctx, { ...details, isDefault: true }));
    }
  }
  const wanted = [...new Set(names)];
  const existing = await tx.collection.findMany({ where: { organizationId, name: { in: wanted } }, select: { id: true, name: true } });
  const ids = new Map(existing.map((c) => [c.name, c.id]));
  const missing = wanted.filter((n) => !ids.has(n));
  if (missing.length) {
    const rows = await tx.collection.createManyAndReturn({ data: missing.map((name) => ({ organizationId, name })), select: { id: true, name: true } });
    for (const row of rows) {
      ids.set(row.name, row.id);
      created.push(row.name);
      events.push(collectionCreatedEvent(organizationId, row, ctx, details));
    }
  }
  await recordEvents(tx, events);
  return { ids, defaultId: defaultCollection.id, created };
}

function collectionCreatedEvent(organizationId: string, c: { id: string; name: string }, ctx: ActionContext, details: Record<string, unknown>): EventInput {
  return { type: "COLLECTION_CREATED", actor: ctx.actor, meta: ctx.meta, organizationId, target: { type: "COLLECTION", id: c.id, name: c.name }, details };
}
