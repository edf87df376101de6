// POST /api/v1/providers/{id}/setup {token, name, businessName?, billingEmail} → 200 {id, name, status: "ACTIVE"}.
// The caller must be signed in as the invited email (403 otherwise); 410 for an expired, used,
// revoked or unknown token; 404 for an unknown provider. A refusal changes nothing.
import { userRoute } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-ids";
import { completeProviderSetup } from "@/lib/services/providers/complete-provider-setup";
import { CompleteSetupBody } from "@/lib/services/providers/schemas";

export const POST = userRoute({ body: CompleteSetupBody }, async ({ params, body, user, actor, meta }) =>
  completeProviderSetup(pathId(params, "id", "provider"), body, user, { actor, meta }),
);
