// A client organization with one of everyone: its owner, admin and user; the managing provider's
// admin and service user; another provider's admin; an outsider. Plus members in each status to
// act on, a group, a default and a shared collection, and one vault item the user can view.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { db } from "@/lib/db/client";
import type { CollectionPermission, OrganizationRole, VaultItemType } from "@/lib/db/generated/client.ts";
import { newDataKey, unwrapDataKey } from "@/lib/crypto/envelope";
import { encryptSecret, type VaultSecret } from "@/lib/vault/item";
import { addMember, addProviderUser, createOrganization, createProvider, createUser, type TestUser } from "../support/factories";

export async function addCollection(organizationId: string, name: string, options: { isDefault?: boolean } = {}) {
  return db.collection.create({ data: { organizationId, name, isDefault: options.isDefault ?? false } });
}

export async function grantCollection(collectionId: string, to: { memberId?: string; groupId?: string }, permission: CollectionPermission) {
  if (to.memberId) await db.collectionMemberAccess.create({ data: { collectionId, memberId: to.memberId, permission } });
  if (to.groupId) await db.collectionGroupAccess.create({ data: { collectionId, groupId: to.groupId, permission } });
}

export async function addGroup(organizationId: string, name: string, memberIds: string[] = []) {
  const group = await db.group.create({ data: { organizationId, name } });
  if (memberIds.length) await db.groupMember.createMany({ data: memberIds.map((memberId) => ({ groupId: group.id, memberId })) });
  return group;
}

export function secretOf(overrides: Partial<VaultSecret> = {}): VaultSecret {
  return { notes: null, favorite: false, reprompt: false, fields: [], passwordHistory: [], ...overrides };
}

/** Stores an encrypted item the way the import does (creating the organization's data key if needed). */
export async function addItem(organizationId: string, input: { name: string; type?: VaultItemType; collectionIds: string[]; secret: VaultSecret }) {
  const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { dataKeyWrapped: true } });
  let key: Buffer;
  if (org.dataKeyWrapped) key = unwrapDataKey(org.dataKeyWrapped, organizationId);
  else {
    const fresh = newDataKey(organizationId);
    await db.organization.update({ where: { id: organizationId }, data: { dataKeyWrapped: fresh.wrapped } });
    key = fresh.key;
  }
  const id = randomUUID();
  const item = await db.vaultItem.create({
    data: { id, organizationId, type: input.type ?? "LOGIN", name: input.name, ciphertext: encryptSecret(key, organizationId, id, input.secret) },
  });
  if (input.collectionIds.length) await db.vaultItemCollection.createMany({ data: input.collectionIds.map((collectionId) => ({ itemId: id, collectionId })) });
  return item;
}

export async function memberOf(organizationId: string, role: OrganizationRole, status: "INVITED" | "ACCEPTED" | "CONFIRMED" | "REVOKED", name = role.toLowerCase()) {
  const user = await createUser({ name: `${name} ${status.toLowerCase()}` });
  const member =
    status === "REVOKED"
      ? await db.organizationMember.create({ data: { organizationId, userId: user.id, email: user.email, role, status, statusBeforeRevoke: "CONFIRMED" } })
      : await addMember(organizationId, status === "INVITED" ? user.email : user, role, status);
  return { user, member };
}

export type Actor = "owner" | "admin" | "user" | "providerAdmin" | "serviceUser" | "otherProviderAdmin" | "outsider" | "signedOut";
export const ACTORS: Actor[] = ["owner", "admin", "user", "providerAdmin", "serviceUser", "otherProviderAdmin", "outsider", "signedOut"];

export async function orgWorld(options: { seats?: number } = {}) {
  const { provider, admin: providerAdmin } = await createProvider({ name: "Acme MSP" });
  const serviceUser = await createUser({ name: "Sam Service" });
  await addProviderUser(provider.id, serviceUser, "SERVICE_USER", "CONFIRMED");
  const { organization, owner, ownerMembership } = await createOrganization({ name: "Contoso", providerId: provider.id, seats: options.seats ?? 20 });
  const admin = await memberOf(organization.id, "ADMIN", "CONFIRMED", "Ada Admin");
  const user = await memberOf(organization.id, "USER", "CONFIRMED", "Uma User");
  const target = await memberOf(organization.id, "USER", "CONFIRMED", "Tina Target");
  const invited = await memberOf(organization.id, "USER", "INVITED", "Ivan Invited");
  const accepted = await memberOf(organization.id, "USER", "ACCEPTED", "Alma Accepted");
  const revoked = await memberOf(organization.id, "USER", "REVOKED", "Rick Revoked");
  const defaultCollection = await addCollection(organization.id, "Default collection", { isDefault: true });
  const shared = await addCollection(organization.id, "Shared");
  await grantCollection(shared.id, { memberId: user.member.id }, "VIEW");
  const group = await addGroup(organization.id, "Finance", [target.member.id]);
  const item = await addItem(organization.id, {
    name: "Bank portal",
    collectionIds: [shared.id],
    secret: secretOf({ login: { username: "finance@contoso.test", password: "S3cret-Bank-Pass!", totp: "JBSWY3DPEHPK3PXP", uris: [{ uri: "https://bank.test", match: null }] } }),
  });

  const { provider: otherProvider, admin: otherProviderAdmin } = await createProvider({ name: "Other MSP" });
  const { organization: otherOrganization, owner: otherOwner } = await createOrganization({ name: "Elsewhere", providerId: otherProvider.id });
  const outsider = await createUser({ name: "Oscar Outsider" });

  const actors: Record<Actor, TestUser | null> = {
    owner: owner!,
    admin: admin.user,
    user: user.user,
    providerAdmin: providerAdmin!,
    serviceUser,
    otherProviderAdmin: otherProviderAdmin!,
    outsider,
    signedOut: null,
  };
  return {
    provider,
    organization,
    owner: owner!,
    ownerMembership: ownerMembership!,
    providerAdmin: providerAdmin!,
    serviceUser,
    admin,
    user,
    target,
    invited,
    accepted,
    revoked,
    defaultCollection,
    shared,
    group,
    item,
    otherOrganization,
    otherOwner: otherOwner!,
    outsider,
    actors,
  };
}

export type World = Awaited<ReturnType<typeof orgWorld>>;

export interface OutboxMessage {
  to: string;
  subject: string;
  text: string;
  links: string[];
}

/** Messages written to the test outbox for one address, oldest first. */
export function mailsTo(address: string): OutboxMessage[] {
  const dir = env().MAIL_OUTBOX_DIR;
  let files: string[] = [];
  try {
    files = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return files.map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as OutboxMessage).filter((m) => m.to === address);
}

/** JSON of rows that may hold bigints (event ids), to search for leaked secrets. */
export function dump(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString("latin1") : v));
}
