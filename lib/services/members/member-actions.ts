// Confirm, revoke, restore, remove and re-invite organization members — one at a time (the
// /members/{mId}/... routes) or in bulk (the /members/... routes with {ids}). Every change runs with
// the organization row locked (lib/services/organizations/lock-organization.ts), so the seat limit
// and "an organization always keeps a confirmed Owner" hold under concurrent requests. In bulk, each
// member is checked against the state left by the ones before it; refusals are reported per member.
import type { ActionContext } from "@/lib/actor";
import type { Tx } from "@/lib/db/client";
import { transaction } from "@/lib/db/transaction";
import { AppError, conflict, forbidden, notFound, unprocessable } from "@/lib/errors";
import type { EventInput } from "@/lib/events/recorder";
import { recordEvents } from "@/lib/events/recorder";
import { sendMailSafely } from "@/lib/mail/mailer";
import { organizationInvitationMail } from "@/lib/mail/templates";
import { lockOrganization, type LockedOrganization } from "@/lib/services/organizations/lock-organization";
import { policyEnabled, twoFactorPolicyCovers, twoFactorRequired } from "@/lib/services/policies/two-factor-policy";
import { memberSelect, memberView, newInvitation, type MemberRow, type MemberView } from "./member-view";
import { revokeMemberRow } from "./revoke-member";

export type MemberAction = "confirm" | "revoke" | "restore" | "remove" | "reinvite";

export interface MemberActionInput {
  organizationId: string;
  ids: string[];
  /** Owners (and provider members acting as owners) may act on Owners; admins may not. */
  canManageOwners: boolean;
}

export type MemberActionResult =
  | { id: string; email: string; ok: true; member: MemberView | null }
  | { id: string; email: string | null; ok: false; error: { code: string; message: string } };

interface State {
  organization: LockedOrganization;
  occupiedSeats: number;
  confirmedOwners: number;
  /** The organization's TWO_FACTOR_AUTHENTICATION policy is on. */
  twoFactorPolicy: boolean;
  input: MemberActionInput;
  ctx: ActionContext;
  events: EventInput[];
  mails: { email: string; memberId: string; role: MemberRow["role"]; token: string }[];
}

type Step = (tx: Tx, member: MemberRow, state: State) => Promise<MemberRow | null>;

const SELF_REFUSAL = {
  revoke: "You cannot revoke your own access. Ask another owner to do it.",
  remove: "You cannot remove yourself from the organization. Ask another owner to do it.",
} as const;

function lastOwnerGuard(member: MemberRow, state: State, verb: string): void {
  if (member.role === "OWNER" && member.status === "CONFIRMED" && state.confirmedOwners <= 1) {
    throw conflict(
      `${member.email} is the organization's only confirmed owner and cannot be ${verb}. Make another member an owner (and confirm them) first.`,
      "last_owner",
    );
  }
}

/** A member with an account whom the two-step login policy covers, without two-step login (invited ones are checked when they accept). */
function lacksRequiredTwoFactor(member: MemberRow, state: State): boolean {
  return state.twoFactorPolicy && twoFactorPolicyCovers(member.role) && member.userId !== null && !member.user?.totpEnabledAt;
}

function event(state: State, type: EventInput["type"], member: MemberRow, details: Record<string, unknown> = {}): void {
  state.events.push({
    type,
    actor: state.ctx.actor,
    meta: state.ctx.meta,
    organizationId: state.input.organizationId,
    target: { type: "MEMBER", id: member.id, name: member.email },
    details: { role: member.role, ...details },
  });
}

const STEPS: Record<MemberAction, Step> = {
  async confirm(tx, member, state) {
    if (member.status !== "ACCEPTED") {
      const reason = {
        INVITED: "has not accepted the invitation yet",
        CONFIRMED: "is already confirmed",
        REVOKED: "has been revoked; restore them first",
        ACCEPTED: "",
      }[member.status];
      throw unprocessable(`${member.email} ${reason}. Only members who accepted their invitation can be confirmed.`, "not_accepted");
    }
    if (lacksRequiredTwoFactor(member, state)) {
      throw twoFactorRequired(
        `${member.email} cannot be confirmed: this organization requires two-step login, and they have not turned it on. Ask them to turn it on in their account settings, then confirm them.`,
      );
    }
    const updated = await tx.organizationMember.update({
      where: { id: member.id },
      data: { status: "CONFIRMED", inviteTokenHash: null, inviteExpiresAt: null },
      select: memberSelect,
    });
    if (member.role === "OWNER") state.confirmedOwners++;
    event(state, "MEMBER_CONFIRMED", member);
    return updated;
  },

  async revoke(tx, member, state) {
    if (member.userId === state.ctx.actor.userId) throw unprocessable(SELF_REFUSAL.revoke, "cannot_revoke_self");
    if (member.status === "REVOKED") throw unprocessable(`${member.email} is already revoked.`, "already_revoked");
    lastOwnerGuard(member, state, "revoked");
    // The invitation link dies with the revocation; restoring an invited member sends a new one.
    const updated = await revokeMemberRow(tx, member);
    if (member.role === "OWNER" && member.status === "CONFIRMED") state.confirmedOwners--;
    state.occupiedSeats--;
    event(state, "MEMBER_REVOKED", member, { previousStatus: member.status });
    return updated;
  },

  async restore(tx, member, state) {
    if (member.status !== "REVOKED") throw unprocessable(`${member.email} is not revoked.`, "not_revoked");
    if (lacksRequiredTwoFactor(member, state)) {
      throw twoFactorRequired(
        `${member.email} cannot be restored yet: this organization requires two-step login, and they have not turned it on. Ask them to turn it on in their account settings, then restore them.`,
      );
    }
    if (state.occupiedSeats >= state.organization.seats) {
      throw unprocessable(
        `Not enough seats to restore ${member.email}: all ${state.organization.seats} seats are taken. Add seats, or revoke or remove another member first.`,
        "seat_limit",
      );
    }
    const status = member.statusBeforeRevoke ?? (member.userId ? "ACCEPTED" : "INVITED");
    const invitation = status === "INVITED" ? newInvitation() : null;
    const updated = await tx.organizationMember.update({
      where: { id: member.id },
      data: {
        status,
        statusBeforeRevoke: null,
        ...(invitation ? { inviteTokenHash: invitation.inviteTokenHash, inviteExpiresAt: invitation.inviteExpiresAt } : {}),
      },
      select: memberSelect,
    });
    if (member.role === "OWNER" && status === "CONFIRMED") state.confirmedOwners++;
    state.occupiedSeats++;
    if (invitation) state.mails.push({ email: member.email, memberId: member.id, role: member.role, token: invitation.token });
    event(state, "MEMBER_RESTORED", member, { status, invitationSent: Boolean(invitation) });
    return updated;
  },

  async remove(tx, member, state) {
    if (member.userId === state.ctx.actor.userId) throw unprocessable(SELF_REFUSAL.remove, "cannot_remove_self");
    lastOwnerGuard(member, state, "removed");
    await tx.organizationMember.delete({ where: { id: member.id } });
    if (member.role === "OWNER" && member.status === "CONFIRMED") state.confirmedOwners--;
    if (member.status !== "REVOKED") state.occupiedSeats--;
    event(state, "MEMBER_REMOVED", member, { status: member.status });
    return null;
  },

  async reinvite(tx, member, state) {
    if (member.status !== "INVITED") {
      throw unprocessable(`${member.email} has already accepted the invitation${member.status === "REVOKED" ? " or is revoked" : ""}; there is nothing to re-send.`, "not_invited");
    }
    const invitation = newInvitation();
    const updated = await tx.organizationMember.update({
      where: { id: member.id },
      data: { inviteTokenHash: invitation.inviteTokenHash, inviteExpiresAt: invitation.inviteExpiresAt },
      select: memberSelect,
    });
    state.mails.push({ email: member.email, memberId: member.id, role: member.role, token: invitation.token });
    event(state, "MEMBER_REINVITED", member);
    return updated;
  },
};

async function run(action: MemberAction, input: MemberActionInput, ctx: ActionContext, single: boolean): Promise<MemberActionResult[]> {
  const ids = [...new Set(input.ids)];
  const { results, state } = await transaction(async (tx) => {
    const organization = await lockOrganization(tx, input.organizationId);
    const [members, confirmedOwners, twoFactorPolicy] = await Promise.all([
      tx.organizationMember.findMany({ where: { organizationId: input.organizationId, id: { in: ids } }, select: memberSelect }),
      tx.organizationMember.count({ where: { organizationId: input.organizationId, role: "OWNER", status: "CONFIRMED" } }),
      policyEnabled(tx, input.organizationId, "TWO_FACTOR_AUTHENTICATION"),
    ]);
    const byId = new Map(members.map((m) => [m.id, m]));
    const state: State = { organization, occupiedSeats: organization.occupiedSeats, confirmedOwners, twoFactorPolicy, input, ctx, events: [], mails: [] };
    const results: MemberActionResult[] = [];
    for (const id of ids) {
      const member = byId.get(id);
      try {
        if (!member) throw notFound("member");
        if (member.role === "OWNER" && !input.canManageOwners) throw forbidden("Only owners can manage owners.", "owner_required");
        const after = await STEPS[action](tx, member, state);
        results.push({ id, email: member.email, ok: true, member: after ? memberView(after) : null });
      } catch (error) {
        if (single || !(error instanceof AppError)) throw error;
        results.push({ id, email: member?.email ?? null, ok: false, error: { code: error.code, message: error.message } });
      }
    }
    await recordEvents(tx, state.events);
    return { results, state };
  });
  for (const mail of state.mails) {
    await sendMailSafely(
      organizationInvitationMail({
        to: mail.email,
        organizationName: state.organization.name,
        organizationId: input.organizationId,
        memberId: mail.memberId,
        role: mail.role,
        invitedBy: ctx.actor.name,
        token: mail.token,
      }),
    );
  }
  return results;
}

/** One member; refusals are thrown (404, 403, 409, 422). Returns the member afterwards (null once removed). */
export async function memberAction(action: MemberAction, input: Omit<MemberActionInput, "ids"> & { id: string }, ctx: ActionContext): Promise<MemberView | null> {
  const [result] = await run(action, { ...input, ids: [input.id] }, ctx, true);
  return result?.ok ? result.member : null;
}

/** Many members in one transaction; each gets its own result. */
export async function bulkMemberAction(action: MemberAction, input: MemberActionInput, ctx: ActionContext): Promise<{ results: MemberActionResult[] }> {
  return { results: await run(action, input, ctx, false) };
}
