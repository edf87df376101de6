// POST /api/v1/providers/{id}/users/confirm {ids} → {data: [members]} (admin). Any id not ACCEPTED → 422, nothing changes.
import { providerRoute } from "@/lib/api/handler";
import { confirmProviderUsers } from "@/lib/services/provider-users/confirm-provider-users";
import { IdsBody } from "@/lib/services/provider-users/schemas";

export const POST = providerRoute({ permission: "provider.users.manage", body: IdsBody }, async ({ providerId, body, actor, meta }) =>
  confirmProviderUsers(providerId, body.ids, { actor, meta }),
);
