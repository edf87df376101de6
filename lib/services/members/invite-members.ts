// Inviting people to an organization by email, one or many at once. Each new member takes a seat at
// once (invited, accepted and confirmed members all hold one), so the whole batch is refused when it
// does not fit; addresses that are already members are reported and skipped. Mails go out after commit.
import type { ActionContext } from "@/lib/actor";
import type { OrganizationRole } from "@/lib/db/generated/enums";
import { transaction } from "@/lib/db/transaction";
import { conflict, forbidden, unprocessable } from "@/lib/errors";
import { recordEvents } from "@/lib/events/recorder";
import { sendMailSafely } from "@/lib/mail/mailer";
import { organizationInvitationMail } from "@/lib/mail/templates";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";
import { newInvitation } from "./member-view";

export const MAX_INVITES_PER_REQUEST = 100;

export interface InviteMembersInput {
  organizationId: string;
  emails: string[];
  role: OrganizationRole;
  /** Owners (and provider members acting as owners) may invite Owners; admins may not. */
  canManageOwners: boolean;
}

export type InviteResult =
  | { email: string; result: "invited"; memberId: string; mailSent: boolean }
  | { email: string; result: "already_member"; memberId: string; status: string };

export interface InviteMembersOutput {
  results: InviteResult[];
  seats: { total: number; occupied: number };
}

export async function inviteMembers(input: InviteMembersInput, ctx: ActionContext): Promise<InviteMembersOutput> {
  if (input.role === "OWNER" && !input.canManageOwners) throw forbidden("Only owners can invite owners.", "owner_required");
  const emails = [...new Set(input.emails)];
  const outcome = await transaction(async (tx) => {
    const organization = await lockOrganization(tx, input.organizationId);
    const existing = await tx.organizationMember.findMany({
      where: { organizationId: input.organizationId, email: { in: emails } },
      select: { id: true, email: true, status: true },
    });
    const existingByEmail = new Map(existing.map((m) => [m.email, m]));
    const fresh = emails.filter((email) => !existingByEmail.has(email));
    if (fresh.length === 0) {
      throw conflict(emails.length === 1 ? `${emails[0]} is already a member of this organization.` : "Every address is already a member of this organization.", "already_member");
    }
    const free = organization.seats - organization.occupiedSeats;
    if (fresh.length > free) {
      throw unprocessable(
        `Not enough seats: ${organization.occupiedSeats} of ${organization.seats} seats are taken, and inviting ${fresh.length} ${fresh.length === 1 ? "person needs 1 free seat" : `people needs ${fresh.length} free seats`}. ` +
          "Add seats to the organization, or revoke or remove members first.",
        "seat_limit",
        { emails: `Only ${Math.max(free, 0)} seat${free === 1 ? "" : "s"} free.` },
      );
    }
    const invitations = fresh.map((email) => ({ email, ...newInvitation() }));
    const created = await tx.organizationMember.createManyAndReturn({
      data: invitations.map(({ email, inviteTokenHash, inviteExpiresAt }) => ({
        organizationId: input.organizationId,
        email,
        role: input.role,
        status: "INVITED" as const,
        inviteTokenHash,
        inviteExpiresAt,
      })),
      select: { id: true, email: true },
    });
    const idByEmail = new Map(created.map((m) => [m.email, m.id]));
    await recordEvents(
      tx,
      created.map((member) => ({
        type: "MEMBER_INVITED" as const,
        actor: ctx.actor,
        meta: ctx.meta,
        organizationId: input.organizationId,
        target: { type: "MEMBER" as const, id: member.id, name: member.email },
        details: { role: input.role, seatsOccupied: organization.occupiedSeats + created.length, seats: organization.seats },
      })),
    );
    return { organization, invitations, idByEmail, existingByEmail };
  });

  const mailSent = new Map<string, boolean>();
  for (const invitation of outcome.invitations) {
    const memberId = outcome.idByEmail.get(invitation.email)!;
    mailSent.set(
      invitation.email,
      await sendMailSafely(
        organizationInvitationMail({
          to: invitation.email,
          organizationName: outcome.organization.name,
          organizationId: input.organizationId,
          memberId,
          role: input.role,
          invitedBy: ctx.actor.name,
          token: invitation.token,
        }),
      ),
    );
  }
  const results: InviteResult[] = emails.map((email) => {
    const existing = outcome.existingByEmail.get(email);
    if (existing) return { email, result: "already_member", memberId: existing.id, status: existing.status };
    return { email, result: "invited", memberId: outcome.idByEmail.get(email)!, mailSent: mailSent.get(email) ?? false };
  });
  return { results, seats: { total: outcome.organization.seats, occupied: outcome.organization.occupiedSeats + outcome.invitations.length } };
}
