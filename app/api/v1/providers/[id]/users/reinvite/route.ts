// POST /api/v1/providers/{id}/users/reinvite {ids} → {data: [{id, email, mailed}]} (admin). Bulk re-invite; anyone past INVITED → 422.
import { providerRoute } from "@/lib/api/handler";
import { reinviteProviderUsers } from "@/lib/services/provider-users/reinvite-provider-users";
import { IdsBody } from "@/lib/services/provider-users/schemas";

export const POST = providerRoute({ permission: "provider.users.manage", body: IdsBody }, async ({ providerId, body, actor, meta }) =>
  reinviteProviderUsers(providerId, body.ids, { actor, meta }),
);
