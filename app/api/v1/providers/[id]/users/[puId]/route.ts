// PATCH /api/v1/providers/{id}/users/{puId} {role} · DELETE /api/v1/providers/{id}/users/{puId} (admin).
// The last confirmed Provider Admin cannot be demoted or removed (409); nobody removes themselves (422).
import { providerRoute } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-ids";
import { changeProviderUserRole } from "@/lib/services/provider-users/change-provider-user-role";
import { removeProviderUsers } from "@/lib/services/provider-users/remove-provider-users";
import { RoleBody } from "@/lib/services/provider-users/schemas";

export const PATCH = providerRoute({ permission: "provider.users.manage", body: RoleBody }, async ({ providerId, params, body, actor, meta }) =>
  changeProviderUserRole(providerId, pathId(params, "puId", "provider member"), body.role, { actor, meta }),
);

export const DELETE = providerRoute({ permission: "provider.users.manage" }, async ({ providerId, params, actor, meta }) =>
  removeProviderUsers(providerId, [pathId(params, "puId", "provider member")], { actor, meta }),
);
