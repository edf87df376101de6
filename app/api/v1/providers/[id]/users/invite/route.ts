// POST /api/v1/providers/{id}/users/invite {emails: [..] | "a@x, b@y", role} → 201 {data: [per-email result], invited} (admin).
import { providerRoute } from "@/lib/api/handler";
import { created } from "@/lib/api/responses";
import { inviteProviderUsers } from "@/lib/services/provider-users/invite-provider-users";
import { InviteBody } from "@/lib/services/provider-users/schemas";

export const POST = providerRoute({ permission: "provider.users.manage", body: InviteBody }, async ({ providerId, body, actor, meta }) =>
  created(await inviteProviderUsers(providerId, body, { actor, meta })),
);
