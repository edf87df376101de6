// POST /api/v1/providers/{id}/clients/bulk {action: disable|enable|apply_template, templateId?, organizationIds: [...] | query: {q?}} (admins)
//   → {action, total, applied, unchanged, failed, results: [{id, name, result, error?}]}
// Each client's change and its event in one transaction; a client that fails leaves the others
// changed. Ids that are not this provider's clients refuse the whole request (404) before anything is
// written. With Accept: application/x-ndjson the answer streams progress lines, then the result.
import { providerRoute } from "@/lib/api/handler";
import { progressStream, wantsProgress } from "@/lib/api/progress-stream";
import { bulkClients, bulkClientsSchema, selectionOf } from "@/lib/services/clients/bulk-clients";
import { resolveSelection, type BulkProgress } from "@/lib/services/clients/client-selection";
import { getTemplate } from "@/lib/services/policy-templates/templates";

export const POST = providerRoute({ permission: "provider.clients.bulk", body: bulkClientsSchema }, async ({ providerId, body, req, actor, meta }) => {
  if (!wantsProgress(req)) return bulkClients(providerId, body, { actor, meta });
  if (body.templateId) await getTemplate(providerId, body.templateId);
  await resolveSelection(providerId, selectionOf(body));
  return progressStream<BulkProgress, unknown>((onProgress) => bulkClients(providerId, body, { actor, meta }, onProgress));
});
