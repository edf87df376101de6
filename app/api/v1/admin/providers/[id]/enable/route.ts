// POST /api/v1/admin/providers/{id}/enable → 200 {id, enabled, organizationsChanged}. Staff only.
import { platformRoute } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-ids";
import { setProviderEnabled } from "@/lib/services/providers/set-provider-enabled";

export const POST = platformRoute({ permission: "platform.providers.manage" }, async ({ params, actor, meta }) =>
  setProviderEnabled(pathId(params, "id", "provider"), true, { actor, meta }),
);
