// Pieces shared by the provider-member services: loading memberships scoped to their provider,
// the public shape of a membership, invitation tokens and the invitation mail.
import type { Actor } from "@/lib/actor";
import { newToken, hashToken } from "@/lib/crypto/tokens";
import type { Tx } from "@/lib/db/client";
import type { ProviderUserRole, ProviderUserStatus } from "@/lib/db/generated/client.ts";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { sendMailSafely } from "@/lib/mail/mailer";
import { providerUserInvitationMail } from "@/lib/mail/templates";

export const MEMBER_SELECT = {
  id: true,
  providerId: true,
  userId: true,
  email: true,
  role: true,
  status: true,
  inviteExpiresAt: true,
  createdAt: true,
  clientScoped: true,
  user: { select: { name: true, totpEnabledAt: true } },
  _count: { select: { clients: true } },
} as const;

export interface MemberRow {
  id: string;
  providerId: string;
  userId: string | null;
  email: string;
  role: ProviderUserRole;
  status: ProviderUserStatus;
  inviteExpiresAt: Date | null;
  createdAt: Date;
  clientScoped: boolean;
  user: { name: string; totpEnabledAt: Date | null } | null;
  _count: { clients: number };
}

export interface ProviderUserView {
  id: string;
  email: string;
  name: string | null;
  role: ProviderUserRole;
  status: ProviderUserStatus;
  userId: string | null;
  invitedAt: string;
  /** When an open invitation's link stops working (INVITED only). */
  inviteExpiresAt: string | null;
  /** The member's account has two-step login (false while invited without an account). */
  twoFactorEnabled: boolean;
  /** Which clients the member reaches: all of the provider's, or (Service Users only) the assigned ones. */
  clientAccess: { scoped: boolean; clients: number };
}

export function toView(row: MemberRow): ProviderUserView {
  return {
    id: row.id,
    email: row.email,
    name: row.user?.name ?? null,
    role: row.role,
    status: row.status,
    userId: row.userId,
    invitedAt: row.createdAt.toISOString(),
    inviteExpiresAt: row.status === "INVITED" && row.inviteExpiresAt ? row.inviteExpiresAt.toISOString() : null,
    twoFactorEnabled: Boolean(row.user?.totpEnabledAt),
    clientAccess: { scoped: row.clientScoped && row.role === "SERVICE_USER", clients: row.clientScoped && row.role === "SERVICE_USER" ? row._count.clients : 0 },
  };
}

/**
 * The memberships with these ids, each locked for the transaction, all of them belonging to
 * `providerId`. Any id that is unknown or belongs to another provider makes the whole request a 404.
 */
export async function loadMembersForUpdate(tx: Tx, providerId: string, ids: readonly string[]): Promise<MemberRow[]> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))].sort();
  await tx.$queryRaw`SELECT id FROM provider_users WHERE provider_id = ${providerId}::uuid AND id = ANY(${unique}::uuid[]) ORDER BY id FOR UPDATE`;
  const rows = await tx.providerUser.findMany({ where: { providerId, id: { in: unique } }, select: MEMBER_SELECT, orderBy: { email: "asc" } });
  if (rows.length !== unique.length) throw notFound(unique.length === 1 ? "provider member" : "provider member (one of the selected ones)");
  return rows;
}

export interface IssuedInvite {
  token: string;
  tokenHash: string;
  expiresAt: Date;
}

export function issueInviteToken(): IssuedInvite {
  const token = newToken();
  return { token, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + env().INVITE_TOKEN_TTL_HOURS * 3_600_000) };
}

export interface PendingInvitationMail {
  to: string;
  providerUserId: string;
  role: ProviderUserRole;
  token: string;
}

/** Sends invitation mails after the transaction committed; returns the ids whose mail failed. */
export async function mailInvitations(provider: { id: string; name: string }, invitedBy: Actor, mails: readonly PendingInvitationMail[]): Promise<Set<string>> {
  const failed = new Set<string>();
  for (const mail of mails) {
    const ok = await sendMailSafely(
      providerUserInvitationMail({
        to: mail.to,
        providerName: provider.name,
        providerId: provider.id,
        providerUserId: mail.providerUserId,
        role: mail.role,
        invitedBy: invitedBy.name,
        token: mail.token,
      }),
    );
    if (!ok) failed.add(mail.providerUserId);
  }
  return failed;
}

export function memberTarget(row: { id: string; email: string }) {
  return { type: "PROVIDER_USER" as const, id: row.id, name: row.email };
}

/** "a@x", "a@x and b@y", "a@x and 3 others": names the members a refusal is about. */
export function nameList(emails: readonly string[]): string {
  if (emails.length <= 2) return emails.join(" and ");
  return `${emails[0]} and ${emails.length - 1} others`;
}
