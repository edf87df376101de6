// POST /api/v1/providers/{id}/users/{puId}/confirm → {data: [member]} (admin). Only ACCEPTED members (else 422).
import { providerRoute } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-ids";
import { confirmProviderUsers } from "@/lib/services/provider-users/confirm-provider-users";

export const POST = providerRoute({ permission: "provider.users.manage" }, async ({ providerId, params, actor, meta }) =>
  confirmProviderUsers(providerId, [pathId(params, "puId", "provider member")], { actor, meta }),
);
