// GET /api/v1/providers/{id}/policy-templates/{templateId}/drift?status=all|drifted|in_sync&q=&limit=&cursor= (admins)
//   → {data: [{id, name, enabled, inSync, differences: [{type, kind: missing|disabled|enabled|settings, keys?}]}], nextCursor, counts}
import { providerRoute } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-ids";
import { driftCounts, driftPage } from "@/lib/services/policy-templates/drift";
import { driftQuerySchema } from "@/lib/services/policy-templates/schemas";
import { getTemplate } from "@/lib/services/policy-templates/templates";

export const GET = providerRoute({ permission: "provider.templates.manage", query: driftQuerySchema }, async ({ providerId, params, query }) => {
  const template = await getTemplate(providerId, pathId(params, "templateId", "policy template"));
  const [page, counts] = await Promise.all([driftPage(providerId, template.policies, query), driftCounts(providerId, template.policies)]);
  return { ...page, counts };
});
