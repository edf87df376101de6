// GET /api/v1/providers/{id}/users?status=&role=&twoFactor=on|off&q=&limit=&cursor= → {data: [{id, email, name, role, status, twoFactorEnabled}], nextCursor} (admin)
// DELETE /api/v1/providers/{id}/users {ids} → {removed} (admin; yourself → 422, the last confirmed admin → 409).
import { z } from "zod";
import { providerRoute } from "@/lib/api/handler";
import { cursorSchema, limitSchema } from "@/lib/api/pagination";
import { listProviderUsers } from "@/lib/services/provider-users/list-provider-users";
import { removeProviderUsers } from "@/lib/services/provider-users/remove-provider-users";
import { IdsBody, providerRoleSchema, providerUserStatusSchema, twoFactorFilterSchema } from "@/lib/services/provider-users/schemas";

const ListQuery = z.object({
  q: z.string().max(200, "Search for at most 200 characters.").optional(),
  status: providerUserStatusSchema.optional(),
  role: providerRoleSchema.optional(),
  twoFactor: twoFactorFilterSchema.optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

export const GET = providerRoute({ permission: "provider.users.read", query: ListQuery }, async ({ providerId, query }) => listProviderUsers(providerId, query));

export const DELETE = providerRoute({ permission: "provider.users.manage", body: IdsBody }, async ({ providerId, body, actor, meta }) =>
  removeProviderUsers(providerId, body.ids, { actor, meta }),
);
