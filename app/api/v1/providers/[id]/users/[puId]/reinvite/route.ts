// POST /api/v1/providers/{id}/users/{puId}/reinvite → {data: [{id, email, mailed}]} (admin). A new link; the old one dies.
import { providerRoute } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-ids";
import { reinviteProviderUsers } from "@/lib/services/provider-users/reinvite-provider-users";

export const POST = providerRoute({ permission: "provider.users.manage" }, async ({ providerId, params, actor, meta }) =>
  reinviteProviderUsers(providerId, [pathId(params, "puId", "provider member")], { actor, meta }),
);
