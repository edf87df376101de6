// GET /api/v1/providers/{id}/policy-templates (admins) → {data: [{id, name, policies: [{type, enabled, settings}], createdAt, updatedAt}]}
// POST /api/v1/providers/{id}/policy-templates {name, policies: [{type, enabled, settings?}]} (admins) → 201 the template;
//   422 invalid_template (fields policies.<i>.settings.<key>) or policy_dependency, 409 template_name_taken.
import { providerRoute } from "@/lib/api/handler";
import { created } from "@/lib/api/responses";
import { createTemplateSchema } from "@/lib/services/policy-templates/schemas";
import { createTemplate, listTemplates } from "@/lib/services/policy-templates/templates";

export const GET = providerRoute({ permission: "provider.templates.manage" }, async ({ providerId }) => ({ data: await listTemplates(providerId) }));

export const POST = providerRoute({ permission: "provider.templates.manage", body: createTemplateSchema }, async ({ providerId, body, actor, meta }) =>
  created(await createTemplate(providerId, body, { actor, meta })),
);
