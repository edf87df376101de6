// An invited person accepts their invitation to an organization (client owners invited when a
// provider creates the client, and every other member invitation). The link carries the token; the
// signed-in account must be the invited email. INVITED → ACCEPTED; an administrator then confirms.
import { timingSafeEqual } from "node:crypto";
import type { ActionContext } from "@/lib/actor";
import type { SessionUser } from "@/lib/auth/session";
import { isUuid } from "@/lib/authz/context";
import { hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import type { MemberStatus, OrganizationRole } from "@/lib/db/generated/client.ts";
import { transaction } from "@/lib/db/transaction";
import { conflict, forbidden, gone, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";

type InvitationState = "valid" | "expired" | "used" | "invalid";

interface InvitationRow {
  id: string;
  email: string;
  role: OrganizationRole;
  status: MemberStatus;
  inviteTokenHash: string | null;
  inviteExpiresAt: Date | null;
  organization: { id: string; name: string };
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A link stops working once used, once a newer invitation replaced it, and when it expires. */
function stateOf(row: InvitationRow, token: string): InvitationState {
  if (!row.inviteTokenHash || !sameHash(row.inviteTokenHash, hashToken(token))) return "invalid";
  if (row.status !== "INVITED") return "used";
  if (!row.inviteExpiresAt || row.inviteExpiresAt.getTime() <= Date.now()) return "expired";
  return "valid";
}

const REFUSALS = {
  invalid: () => gone("This invitation link is no longer valid: a newer invitation may have replaced it. Ask the organization for a new one.", "invitation_invalid"),
  used: () => gone("This invitation has already been accepted.", "invitation_used"),
  expired: () => gone("This invitation has expired. Ask the organization to send a new one.", "invitation_expired"),
} as const;

const INVITATION_SELECT = {
  id: true,
  email: true,
  role: true,
  status: true,
  inviteTokenHash: true,
  inviteExpiresAt: true,
  organization: { select: { id: true, name: true } },
} as const;

export interface InvitationSummary {
  state: InvitationState;
  /** Only revealed to holders of the link's token. */
  organizationName: string | null;
  email: string | null;
  role: OrganizationRole | null;
}

/** What the invitation page shows. Without the right token it reveals nothing. */
export async function describeMemberInvitation(organizationId: string, memberId: string, token: string): Promise<InvitationSummary> {
  if (!isUuid(organizationId) || !isUuid(memberId)) return { state: "invalid", organizationName: null, email: null, role: null };
  const row: InvitationRow | null = await db.organizationMember.findFirst({ where: { id: memberId, organizationId }, select: INVITATION_SELECT });
  const state = row ? stateOf(row, token) : "invalid";
  if (!row || state === "invalid") return { state: "invalid", organizationName: null, email: null, role: null };
  return { state, organizationName: row.organization.name, email: row.email, role: row.role };
}

export async function acceptMemberInvitation(
  input: { organizationId: string; memberId: string; token: string },
  user: SessionUser,
  ctx: ActionContext,
): Promise<{ organizationId: string; memberId: string; status: "ACCEPTED" }> {
  if (!isUuid(input.organizationId) || !isUuid(input.memberId)) throw notFound("invitation");
  return transaction(async (tx) => {
    // Lock the membership so two clicks cannot both accept.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM organization_members WHERE id = ${input.memberId}::uuid AND organization_id = ${input.organizationId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound("invitation");
    const row: InvitationRow = await tx.organizationMember.findUniqueOrThrow({ where: { id: input.memberId }, select: INVITATION_SELECT });
    const state = stateOf(row, input.token);
    if (state !== "valid") throw REFUSALS[state]();
    if (row.email !== user.email) {
      throw forbidden(`This invitation is for ${row.email}, but you are signed in as ${user.email}. Sign in with the invited address to accept it.`, "wrong_account");
    }
    const existing = await tx.organizationMember.findFirst({ where: { organizationId: input.organizationId, userId: user.id }, select: { id: true } });
    if (existing) throw conflict("Your account is already a member of this organization.", "already_member");

    await tx.organizationMember.update({ where: { id: row.id }, data: { status: "ACCEPTED", userId: user.id } });
    await recordEvent(tx, {
      type: "MEMBER_ACCEPTED",
      actor: ctx.actor,
      meta: ctx.meta,
      organizationId: input.organizationId,
      target: { type: "MEMBER", id: row.id, name: row.email },
      details: { role: row.role },
    });
    return { organizationId: input.organizationId, memberId: row.id, status: "ACCEPTED" as const };
  });
}
