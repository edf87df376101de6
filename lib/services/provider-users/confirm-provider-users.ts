// Confirming members who accepted their invitation (one or many): only confirmed members reach the
// provider's clients. Anything not ACCEPTED is refused as a whole (422) so a bulk confirm never
// half-applies; the people page only offers it for accepted members.
import type { ActionContext } from "@/lib/actor";
import { transaction } from "@/lib/db/transaction";
import { unprocessable } from "@/lib/errors";
import { recordEvents } from "@/lib/events/recorder";
import { sendMailSafely } from "@/lib/mail/mailer";
import { providerMembershipConfirmedMail } from "@/lib/mail/templates";
import { loadMembersForUpdate, memberTarget, nameList, toView, type ProviderUserView } from "./memberships";

const WHY = { INVITED: "has not accepted the invitation yet", CONFIRMED: "is already confirmed" } as const;

export async function confirmProviderUsers(providerId: string, ids: readonly string[], { actor, meta }: ActionContext): Promise<{ data: ProviderUserView[] }> {
  const { provider, members } = await transaction(async (tx) => {
    const provider = await tx.provider.findUniqueOrThrow({ where: { id: providerId }, select: { id: true, name: true } });
    const members = await loadMembersForUpdate(tx, providerId, ids);
    const refused = members.filter((m) => m.status !== "ACCEPTED");
    if (refused.length > 0) {
      const first = refused[0]!;
      const reason = refused.every((m) => m.status === first.status) ? WHY[first.status as keyof typeof WHY] : "is not waiting for confirmation";
      throw unprocessable(
        `Only members who accepted their invitation can be confirmed: ${nameList(refused.map((m) => m.email))} ${reason}. Nothing was changed.`,
        "not_accepted",
      );
    }
    await tx.providerUser.updateMany({ where: { providerId, id: { in: members.map((m) => m.id) } }, data: { status: "CONFIRMED" } });
    await recordEvents(
      tx,
      members.map((m) => ({ type: "PROVIDER_USER_CONFIRMED" as const, actor, meta, providerId, target: memberTarget(m), details: { role: m.role } })),
    );
    return { provider, members: members.map((m) => ({ ...m, status: "CONFIRMED" as const })) };
  });
  for (const member of members) {
    await sendMailSafely(providerMembershipConfirmedMail({ to: member.email, providerName: provider.name, providerId: provider.id, role: member.role }));
  }
  return { data: members.map(toView) };
}
