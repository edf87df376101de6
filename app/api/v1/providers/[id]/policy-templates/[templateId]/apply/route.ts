// POST /api/v1/providers/{id}/policy-templates/{templateId}/apply {organizationIds: [...]} | {all: true} (admins)
//   → {template, total, applied, unchanged, failed, results: [{id, name, result: applied|unchanged|failed, error?}]}
// Each client in its own transaction; ids that are not this provider's clients refuse the whole
// request (404) before anything is written. With Accept: application/x-ndjson the answer streams
// {"progress": {done, total}} lines, then {"result": ...} (lib/api/progress-stream.ts).
import { providerRoute } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-ids";
import { progressStream, wantsProgress } from "@/lib/api/progress-stream";
import { resolveSelection, type BulkProgress } from "@/lib/services/clients/client-selection";
import { applyTemplate } from "@/lib/services/policy-templates/apply-template";
import { applyTemplateSchema } from "@/lib/services/policy-templates/schemas";
import { getTemplate } from "@/lib/services/policy-templates/templates";

export const POST = providerRoute({ permission: "provider.templates.manage", body: applyTemplateSchema }, async ({ providerId, params, body, req, actor, meta }) => {
  const templateId = pathId(params, "templateId", "policy template");
  const selection = body.organizationIds ? { organizationIds: body.organizationIds } : { query: {} };
  if (!wantsProgress(req)) return applyTemplate({ providerId, templateId, selection }, { actor, meta });
  // Refusals (unknown template, foreign ids) answer their status before the stream starts.
  await getTemplate(providerId, templateId);
  await resolveSelection(providerId, selection);
  return progressStream<BulkProgress, unknown>((onProgress) => applyTemplate({ providerId, templateId, selection, onProgress }, { actor, meta }));
});
