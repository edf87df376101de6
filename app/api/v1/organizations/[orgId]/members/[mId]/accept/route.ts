// POST /api/v1/organizations/{orgId}/members/{mId}/accept {token} — the signed-in invitee accepts.
// 403 when signed in as another address, 410 when the link is expired, used or replaced.
import { z } from "zod";
import { userRoute } from "@/lib/api/handler";
import { acceptMemberInvitation } from "@/lib/services/organizations/accept-member-invitation";

const AcceptBody = z.object({ token: z.string({ message: "The invitation token is missing." }).min(1, "The invitation token is missing.").max(256) });

export const POST = userRoute({ body: AcceptBody }, async ({ params, body, user, actor, meta }) =>
  acceptMemberInvitation({ organizationId: params.orgId ?? "", memberId: params.mId ?? "", token: body.token }, user, { actor, meta }),
);
