// Collection access lists: which members and groups may use a collection, and with what permission.
// Shared by the collection editor (members and groups of one collection) and the group editor
// (collections of one group). Ids in a request body must belong to the organization in the path.
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import type { CollectionPermission } from "@/lib/db/generated/enums";
import { badRequest } from "@/lib/errors";
import { idSchema } from "@/lib/validation";

export const COLLECTION_PERMISSIONS = ["VIEW", "VIEW_EXCEPT_PASSWORDS", "EDIT", "EDIT_EXCEPT_PASSWORDS", "MANAGE"] as const satisfies readonly CollectionPermission[];

/** Permissions that show passwords, TOTP seeds and hidden fields. */
export function showsSecrets(permission: CollectionPermission): boolean {
  return permission !== "VIEW_EXCEPT_PASSWORDS" && permission !== "EDIT_EXCEPT_PASSWORDS";
}

/**
 * The permission a member has when several grants reach the same item (direct and through groups,
 * or through several collections), combined as in the reference product: they may edit if any grant
 * lets them, see passwords if any grant shows them, and manage if any grant is MANAGE.
 */
export function combinePermissions(permissions: CollectionPermission[]): CollectionPermission | null {
  if (permissions.length === 0) return null;
  if (permissions.includes("MANAGE")) return "MANAGE";
  const edit = permissions.some((p) => p === "EDIT" || p === "EDIT_EXCEPT_PASSWORDS");
  const secrets = permissions.some(showsSecrets);
  if (edit) return secrets ? "EDIT" : "EDIT_EXCEPT_PASSWORDS";
  return secrets ? "VIEW" : "VIEW_EXCEPT_PASSWORDS";
}

const MAX_ACCESS_ENTRIES = 1000;

const permissionSchema = z.enum(COLLECTION_PERMISSIONS, { message: "Choose a permission." });

function accessList<K extends string>(key: K) {
  return z
    .array(z.strictObject({ [key]: idSchema, permission: permissionSchema } as Record<K, typeof idSchema> & { permission: typeof permissionSchema }))
    .max(MAX_ACCESS_ENTRIES, `At most ${MAX_ACCESS_ENTRIES} entries; give access through groups instead.`)
    .refine((list) => new Set(list.map((e) => (e as Record<K, string>)[key])).size === list.length, "Each one may appear only once.");
}

export const memberAccessListSchema = accessList("memberId");
export const groupAccessListSchema = accessList("groupId");
export const collectionAccessListSchema = accessList("collectionId");

export type MemberAccessEntry = { memberId: string; permission: CollectionPermission };
export type GroupAccessEntry = { groupId: string; permission: CollectionPermission };
export type CollectionAccessEntry = { collectionId: string; permission: CollectionPermission };

/** 400 naming the field when an id in the body is not one of this organization's. */
export async function requireOwnIds(
  tx: Tx,
  organizationId: string,
  kind: "member" | "group" | "collection",
  ids: string[],
  field: string,
): Promise<void> {
  if (ids.length === 0) return;
  const unique = [...new Set(ids)];
  const where = { organizationId, id: { in: unique } };
  const found =
    kind === "member"
      ? await tx.organizationMember.findMany({ where, select: { id: true } })
      : kind === "group"
        ? await tx.group.findMany({ where, select: { id: true } })
        : await tx.collection.findMany({ where, select: { id: true } });
  if (found.length === unique.length) return;
  const known = new Set(found.map((r) => r.id));
  const missing = unique.filter((id) => !known.has(id));
  throw badRequest(`Unknown ${kind}${missing.length > 1 ? "s" : ""} in this organization: ${missing.slice(0, 5).join(", ")}.`, { [field]: `Unknown ${kind}: ${missing[0]}` });
}
