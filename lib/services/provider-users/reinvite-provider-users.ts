// Re-send invitations: a new link with a fresh expiry. The previous link stops working at once
// (only the newest token's hash is kept). Only people who have not accepted yet can be re-invited.
import type { ActionContext } from "@/lib/actor";
import { transaction } from "@/lib/db/transaction";
import { unprocessable } from "@/lib/errors";
import { recordEvents } from "@/lib/events/recorder";
import { issueInviteToken, loadMembersForUpdate, mailInvitations, memberTarget, nameList, type PendingInvitationMail } from "./memberships";

export interface ReinviteResult {
  data: { id: string; email: string; mailed: boolean }[];
}

export async function reinviteProviderUsers(providerId: string, ids: readonly string[], { actor, meta }: ActionContext): Promise<ReinviteResult> {
  const { provider, mails } = await transaction(async (tx) => {
    const provider = await tx.provider.findUniqueOrThrow({ where: { id: providerId }, select: { id: true, name: true } });
    const members = await loadMembersForUpdate(tx, providerId, ids);
    const answered = members.filter((m) => m.status !== "INVITED");
    if (answered.length > 0) {
      throw unprocessable(
        `${nameList(answered.map((m) => m.email))} already accepted ${answered.length === 1 ? "their invitation" : "their invitations"}, so there is nothing to re-send. ` +
          "Confirm accepted members instead.",
        "not_invited",
      );
    }
    const mails: PendingInvitationMail[] = [];
    for (const member of members) {
      const invite = issueInviteToken();
      await tx.providerUser.update({ where: { id: member.id }, data: { inviteTokenHash: invite.tokenHash, inviteExpiresAt: invite.expiresAt } });
      mails.push({ to: member.email, providerUserId: member.id, role: member.role, token: invite.token });
    }
    await recordEvents(
      tx,
      members.map((m) => ({ type: "PROVIDER_USER_REINVITED" as const, actor, meta, providerId, target: memberTarget(m), details: { role: m.role } })),
    );
    return { provider, mails };
  });
  const failed = await mailInvitations(provider, actor, mails);
  return { data: mails.map((m) => ({ id: m.providerUserId, email: m.to, mailed: !failed.has(m.providerUserId) })) };
}

