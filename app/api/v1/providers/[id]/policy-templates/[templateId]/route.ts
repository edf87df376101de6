// GET|PATCH|DELETE /api/v1/providers/{id}/policy-templates/{templateId} (admins). GET adds the drift
// counts {clients, inSync, drifted}; PATCH {name?, policies?} validates like POST. Another
// provider's template is a 404. Deleting changes no client.
import { providerRoute } from "@/lib/api/handler";
import { pathId } from "@/lib/api/path-ids";
import { driftCounts } from "@/lib/services/policy-templates/drift";
import { updateTemplateSchema } from "@/lib/services/policy-templates/schemas";
import { deleteTemplate, getTemplate, updateTemplate } from "@/lib/services/policy-templates/templates";

export const GET = providerRoute({ permission: "provider.templates.manage" }, async ({ providerId, params }) => {
  const template = await getTemplate(providerId, pathId(params, "templateId", "policy template"));
  return { ...template, drift: await driftCounts(providerId, template.policies) };
});

export const PATCH = providerRoute({ permission: "provider.templates.manage", body: updateTemplateSchema }, async ({ providerId, params, body, actor, meta }) =>
  updateTemplate(providerId, pathId(params, "templateId", "policy template"), body, { actor, meta }),
);

export const DELETE = providerRoute({ permission: "provider.templates.manage" }, async ({ providerId, params, actor, meta }) =>
  deleteTemplate(providerId, pathId(params, "templateId", "policy template"), { actor, meta }),
);
