// POST /api/v1/providers/{id}/users/{puId}/accept {token} → 200 {id, status: "ACCEPTED", providerId}.
// The invited user, signed in with the invited email (403 otherwise); 410 for an expired, used or
// unknown token; 404 when the membership is not this provider's.
import { userRoute } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-ids";
import { acceptProviderInvitation } from "@/lib/services/provider-users/accept-provider-invitation";
import { AcceptBody } from "@/lib/services/provider-users/schemas";

export const POST = userRoute({ body: AcceptBody }, async ({ params, body, user, actor, meta }) =>
  acceptProviderInvitation(pathId(params, "id", "provider"), pathId(params, "puId", "invitation"), body.token, user, { actor, meta }),
);
