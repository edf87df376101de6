// POST /api/v1/organizations/{orgId}/members/{mId}/accept {token, password?} — the signed-in invitee accepts.
// 403 when signed in as another address, 410 when the link is expired, used or replaced. When the
// organization has password rules (MASTER_PASSWORD), `password` is required and checked against
// them (422 password_required / invalid_password / password_policy); when it requires two-step login
// of the invited role and the account has none, 422 two_factor_required.
import { z } from "zod";
import { userRoute } from "@/lib/api/handler";
import { acceptMemberInvitation } from "@/lib/services/organizations/accept-member-invitation";

const AcceptBody = z.object({
  token: z.string({ message: "The invitation token is missing." }).min(1, "The invitation token is missing.").max(256),
  password: z.string({ message: "Enter your password." }).max(256, "Use at most 256 characters.").optional(),
});

export const POST = userRoute({ body: AcceptBody }, async ({ params, body, user, actor, meta }) =>
  acceptMemberInvitation({ organizationId: params.orgId ?? "", memberId: params.mId ?? "", token: body.token, password: body.password }, user, { actor, meta }),
);
