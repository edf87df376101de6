// Groups of organization members: list, read, create, rename, add/remove members, give the group
// access to collections, delete. Members and collections named in a request must belong to the
// organization; every change is one transaction with its GROUP_* event.
import { z } from "zod";
import type { ActionContext } from "@/lib/actor";
import { decodeCursor, pageOf, type Page } from "@/lib/api/pagination";
import { isUuid } from "@/lib/authz/context";
import { db, type Tx } from "@/lib/db/client";
import type { CollectionPermission, MemberStatus, OrganizationRole } from "@/lib/db/generated/enums";
import { transaction } from "@/lib/db/transaction";
import { conflict, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";
import { requireOwnIds, type CollectionAccessEntry } from "@/lib/services/collections/access";

/** The group editor shows at most this many members; larger groups are edited by adding and removing. */
const GROUP_MEMBERS_SHOWN = 1000;

export interface GroupSummary {
  id: string;
  name: string;
  memberCount: number;
  collectionCount: number;
  createdAt: Date;
}

export interface GroupDetail extends GroupSummary {
  members: { id: string; email: string; name: string | null; role: OrganizationRole; status: MemberStatus }[];
  collections: { id: string; name: string; permission: CollectionPermission }[];
}

const cursorShape = z.tuple([z.string(), z.uuid()]);

export async function listGroups(input: { organizationId: string; q?: string; limit: number; cursor?: string }): Promise<Page<GroupSummary>> {
  const after = decodeCursor(input.cursor, cursorShape);
  const rows = await db.group.findMany({
    where: {
      organizationId: input.organizationId,
      AND: [
        input.q ? { name: { contains: input.q, mode: "insensitive" } } : {},
        after ? { OR: [{ name: { gt: after[0] } }, { name: after[0], id: { gt: after[1] } }] } : {},
      ],
    },
    select: { id: true, name: true, createdAt: true, _count: { select: { members: true, collectionAccess: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: input.limit + 1,
  });
  return pageOf(
    rows,
    input.limit,
    (g) => ({ id: g.id, name: g.name, memberCount: g._count.members, collectionCount: g._count.collectionAccess, createdAt: g.createdAt }),
    (g) => [g.name, g.id],
  );
}

export async function getGroup(organizationId: string, groupId: string, client: Tx = db): Promise<GroupDetail> {
  if (!isUuid(groupId)) throw notFound("group");
  const group = await client.group.findFirst({
    where: { id: groupId, organizationId },
    select: {
      id: true,
      name: true,
      createdAt: true,
      _count: { select: { members: true, collectionAccess: true } },
      members: {
        select: { member: { select: { id: true, email: true, role: true, status: true, user: { select: { name: true } } } } },
        orderBy: { member: { email: "asc" } },
        take: GROUP_MEMBERS_SHOWN,
      },
      collectionAccess: { select: { permission: true, collection: { select: { id: true, name: true } } }, orderBy: { collection: { name: "asc" } } },
    },
  });
  if (!group) throw notFound("group");
  return {
    id: group.id,
    name: group.name,
    createdAt: group.createdAt,
    memberCount: group._count.members,
    collectionCount: group._count.collectionAccess,
    members: group.members.map(({ member }) => ({ id: member.id, email: member.email, name: member.user?.name ?? null, role: member.role, status: member.status })),
    collections: group.collectionAccess.map((a) => ({ id: a.collection.id, name: a.collection.name, permission: a.permission })),
  };
}

async function requireUniqueName(tx: Tx, organizationId: string, name: string, exceptId?: string): Promise<void> {
  const clash = await tx.group.findFirst({ where: { organizationId, name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw conflict(`A group named "${name}" already exists. Choose another name.`, "group_exists");
}

async function replaceCollections(tx: Tx, groupId: string, collections: CollectionAccessEntry[]): Promise<void> {
  await tx.collectionGroupAccess.deleteMany({ where: { groupId } });
  if (collections.length) await tx.collectionGroupAccess.createMany({ data: collections.map((c) => ({ groupId, collectionId: c.collectionId, permission: c.permission })) });
}

export interface CreateGroupInput {
  organizationId: string;
  name: string;
  memberIds?: string[];
  collections?: CollectionAccessEntry[];
}

export async function createGroup(input: CreateGroupInput, ctx: ActionContext): Promise<GroupDetail> {
  return transaction(async (tx) => {
    await requireUniqueName(tx, input.organizationId, input.name);
    const memberIds = [...new Set(input.memberIds ?? [])];
    await requireOwnIds(tx, input.organizationId, "member", memberIds, "memberIds");
    await requireOwnIds(tx, input.organizationId, "collection", (input.collections ?? []).map((c) => c.collectionId), "collections");
    const group = await tx.group.create({ data: { organizationId: input.organizationId, name: input.name }, select: { id: true } });
    if (memberIds.length) await tx.groupMember.createMany({ data: memberIds.map((memberId) => ({ groupId: group.id, memberId })) });
    await replaceCollections(tx, group.id, input.collections ?? []);
    await recordEvent(tx, {
      type: "GROUP_CREATED",
      actor: ctx.actor,
      meta: ctx.meta,
      organizationId: input.organizationId,
      target: { type: "GROUP", id: group.id, name: input.name },
      details: { memberCount: memberIds.length, collections: (input.collections ?? []).map((c) => ({ id: c.collectionId, permission: c.permission })) },
    });
    return getGroup(input.organizationId, group.id, tx);
  });
}

export interface UpdateGroupInput {
  organizationId: string;
  groupId: string;
  name?: string;
  addMemberIds?: string[];
  removeMemberIds?: string[];
  /** Replaces the group's collection access when given. */
  collections?: CollectionAccessEntry[];
}

export async function updateGroup(input: UpdateGroupInput, ctx: ActionContext): Promise<GroupDetail> {
  if (!isUuid(input.groupId)) throw notFound("group");
  return transaction(async (tx) => {
    const group = await tx.group.findFirst({ where: { id: input.groupId, organizationId: input.organizationId }, select: { id: true, name: true } });
    if (!group) throw notFound("group");
    const details: Record<string, unknown> = {};
    if (input.name !== undefined && input.name !== group.name) {
      await requireUniqueName(tx, input.organizationId, input.name, group.id);
      await tx.group.update({ where: { id: group.id }, data: { name: input.name } });
      details.name = { from: group.name, to: input.name };
    }
    const add = [...new Set(input.addMemberIds ?? [])];
    const remove = [...new Set(input.removeMemberIds ?? [])];
    await requireOwnIds(tx, input.organizationId, "member", add, "addMemberIds");
    if (add.length) {
      const result = await tx.groupMember.createMany({ data: add.map((memberId) => ({ groupId: group.id, memberId })), skipDuplicates: true });
      if (result.count) details.membersAdded = result.count;
    }
    if (remove.length) {
      const result = await tx.groupMember.deleteMany({ where: { groupId: group.id, memberId: { in: remove } } });
      if (result.count) details.membersRemoved = result.count;
    }
    if (input.collections) {
      await requireOwnIds(tx, input.organizationId, "collection", input.collections.map((c) => c.collectionId), "collections");
      const before = await tx.collectionGroupAccess.findMany({ where: { groupId: group.id }, select: { collectionId: true, permission: true } });
      await replaceCollections(tx, group.id, input.collections);
      const changed =
        before.length !== input.collections.length ||
        input.collections.some((c) => !before.some((b) => b.collectionId === c.collectionId && b.permission === c.permission));
      if (changed) {
        details.collections = {
          from: before.map((b) => ({ id: b.collectionId, permission: b.permission })),
          to: input.collections.map((c) => ({ id: c.collectionId, permission: c.permission })),
        };
      }
    }
    if (Object.keys(details).length > 0) {
      await tx.group.update({ where: { id: group.id }, data: { updatedAt: new Date() } });
      await recordEvent(tx, {
        type: "GROUP_UPDATED",
        actor: ctx.actor,
        meta: ctx.meta,
        organizationId: input.organizationId,
        target: { type: "GROUP", id: group.id, name: input.name ?? group.name },
        // `changed` lists what changed for the log's sentence; the other keys hold before/after.
        details: { ...details, changed: Object.keys(details) },
      });
    }
    return getGroup(input.organizationId, group.id, tx);
  });
}

export async function deleteGroup(input: { organizationId: string; groupId: string }, ctx: ActionContext): Promise<{ id: string; deleted: true }> {
  if (!isUuid(input.groupId)) throw notFound("group");
  return transaction(async (tx) => {
    const group = await tx.group.findFirst({
      where: { id: input.groupId, organizationId: input.organizationId },
      select: { id: true, name: true, _count: { select: { members: true, collectionAccess: true } } },
    });
    if (!group) throw notFound("group");
    await tx.group.delete({ where: { id: group.id } });
    await recordEvent(tx, {
      type: "GROUP_DELETED",
      actor: ctx.actor,
      meta: ctx.meta,
      organizationId: input.organizationId,
      target: { type: "GROUP", id: group.id, name: group.name },
      details: { memberCount: group._count.members, collectionCount: group._count.collectionAccess },
    });
    return { id: group.id, deleted: true as const };
  });
}
