// How an organization member is shown by the API and pages. Never includes invitation tokens.
import type { MemberStatus, OrganizationRole } from "@/lib/db/generated/enums";
import { env } from "@/lib/env";
import { hashToken, newToken } from "@/lib/crypto/tokens";

export const memberSelect = {
  id: true,
  email: true,
  role: true,
  status: true,
  statusBeforeRevoke: true,
  userId: true,
  inviteExpiresAt: true,
  createdAt: true,
  user: { select: { name: true, totpEnabledAt: true } },
} as const;

export interface MemberRow {
  id: string;
  email: string;
  role: OrganizationRole;
  status: MemberStatus;
  statusBeforeRevoke: MemberStatus | null;
  userId: string | null;
  inviteExpiresAt: Date | null;
  createdAt: Date;
  user: { name: string; totpEnabledAt: Date | null } | null;
}

export interface MemberView {
  id: string;
  email: string;
  name: string | null;
  role: OrganizationRole;
  status: MemberStatus;
  /** For revoked members: the status a restore returns them to. */
  statusBeforeRevoke: MemberStatus | null;
  userId: string | null;
  twoFactorEnabled: boolean;
  /** Invited members whose link has expired need a new invitation. */
  invitationExpired: boolean;
  createdAt: Date;
}

export function memberView(row: MemberRow, now = new Date()): MemberView {
  return {
    id: row.id,
    email: row.email,
    name: row.user?.name ?? null,
    role: row.role,
    status: row.status,
    statusBeforeRevoke: row.status === "REVOKED" ? row.statusBeforeRevoke : null,
    userId: row.userId,
    twoFactorEnabled: Boolean(row.user?.totpEnabledAt),
    invitationExpired: row.status === "INVITED" && (!row.inviteExpiresAt || row.inviteExpiresAt < now),
    createdAt: row.createdAt,
  };
}

/** A fresh invitation: the token goes into the mail, only its hash into the database. */
export function newInvitation(): { token: string; inviteTokenHash: string; inviteExpiresAt: Date } {
  const token = newToken();
  return { token, inviteTokenHash: hashToken(token), inviteExpiresAt: new Date(Date.now() + env().INVITE_TOKEN_TTL_HOURS * 3_600_000) };
}
