// The one way a membership is revoked, whether an administrator does it (member-actions.ts) or a
// policy does (lib/services/policies/two-factor-policy.ts): it frees the seat (the occupied-seat
// trigger), keeps the status to return to on restore, and kills any open invitation link.
import type { Tx } from "@/lib/db/client";
import { memberSelect, type MemberRow } from "./member-view";

export async function revokeMemberRow(tx: Tx, member: MemberRow): Promise<MemberRow> {
  return tx.organizationMember.update({
    where: { id: member.id },
    data: { status: "REVOKED", statusBeforeRevoke: member.status, inviteTokenHash: null, inviteExpiresAt: null },
    select: memberSelect,
  });
}
