// POST /api/v1/admin/providers/{id}/setup-invitation {ownerEmail?} → re-issues the setup link (the old one dies). Staff only.
import { platformRoute } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-ids";
import { reissueSetupInvitation } from "@/lib/services/providers/reissue-setup-invitation";
import { ReissueSetupBody } from "@/lib/services/providers/schemas";

export const POST = platformRoute({ permission: "platform.providers.manage", body: ReissueSetupBody }, async ({ params, body, actor, meta }) =>
  reissueSetupInvitation(pathId(params, "id", "provider"), body, { actor, meta }),
);
