// Invite one or many people to a provider at once. Each address gets its own result (invited,
// invalid, repeated in the request, already a member), so a pasted list never fails as a whole
// because of one typo. All invitations of one request are written in one transaction; the mails go
// out after it commits.
import type { ActionContext } from "@/lib/actor";
import { transaction } from "@/lib/db/transaction";
import type { ProviderUserRole } from "@/lib/db/generated/client.ts";
import { badRequest } from "@/lib/errors";
import { recordEvents, type EventInput } from "@/lib/events/recorder";
import { emailSchema } from "@/lib/validation";
import { issueInviteToken, mailInvitations, memberTarget, type PendingInvitationMail } from "./memberships";

export const MAX_INVITES_PER_REQUEST = 200;

export type InviteOutcome =
  | { email: string; result: "invited"; id: string; mailed: boolean }
  | { email: string; result: "invalid" | "duplicate" | "already_member"; message: string };

export interface InviteResult {
  data: InviteOutcome[];
  invited: number;
}

const STATUS_WORDS = { INVITED: "already invited (use Re-invite to send a new link)", ACCEPTED: "already accepted and waiting for confirmation", CONFIRMED: "already a confirmed member" } as const;

export async function inviteProviderUsers(
  providerId: string,
  input: { emails: string[]; role: ProviderUserRole },
  { actor, meta }: ActionContext,
): Promise<InviteResult> {
  if (input.emails.length === 0) throw badRequest("Enter at least one email address.", { emails: "Enter at least one email address." });
  if (input.emails.length > MAX_INVITES_PER_REQUEST) {
    throw badRequest(`Invite at most ${MAX_INVITES_PER_REQUEST} people at a time.`, { emails: `At most ${MAX_INVITES_PER_REQUEST} addresses at a time.` });
  }

  const { outcomes, provider, mails } = await transaction(async (tx) => {
    const provider = await tx.provider.findUniqueOrThrow({ where: { id: providerId }, select: { id: true, name: true } });
    const seen = new Set<string>();
    const candidates: { raw: string; email: string | null }[] = input.emails.map((raw) => {
      const parsed = emailSchema.safeParse(raw);
      return { raw: raw.trim(), email: parsed.success ? parsed.data : null };
    });
    const valid = candidates.flatMap((c) => (c.email ? [c.email] : []));
    const existing = new Map(
      (await tx.providerUser.findMany({ where: { providerId, email: { in: valid } }, select: { email: true, status: true } })).map((m) => [m.email, m.status]),
    );

    const outcomes: InviteOutcome[] = [];
    const mails: PendingInvitationMail[] = [];
    const events: EventInput[] = [];
    for (const { raw, email } of candidates) {
      if (!email) {
        outcomes.push({ email: raw, result: "invalid", message: "Not a valid email address." });
        continue;
      }
      if (seen.has(email)) {
        outcomes.push({ email, result: "duplicate", message: "Listed more than once in this request; handled once." });
        continue;
      }
      seen.add(email);
      const status = existing.get(email);
      if (status) {
        outcomes.push({ email, result: "already_member", message: `This person is ${STATUS_WORDS[status]}.` });
        continue;
      }
      const invite = issueInviteToken();
      const member = await tx.providerUser.create({
        data: { providerId, email, role: input.role, status: "INVITED", inviteTokenHash: invite.tokenHash, inviteExpiresAt: invite.expiresAt },
        select: { id: true, email: true },
      });
      outcomes.push({ email, result: "invited", id: member.id, mailed: true });
      mails.push({ to: email, providerUserId: member.id, role: input.role, token: invite.token });
      events.push({ type: "PROVIDER_USER_INVITED", actor, meta, providerId, target: memberTarget(member), details: { role: input.role } });
    }
    await recordEvents(tx, events);
    return { outcomes, provider, mails };
  });

  const failed = await mailInvitations(provider, actor, mails);
  const data = outcomes.map((o) => (o.result === "invited" && failed.has(o.id) ? { ...o, mailed: false } : o));
  return { data, invited: mails.length };
}
