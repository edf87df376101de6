// What the template pages share: each policy type's form description (built on the server from its
// zod schema), and loading a template from the path (404 for another provider's or a bad id).
import { notFound } from "next/navigation";
import { isUuid } from "@/lib/authz/context";
import { AppError } from "@/lib/errors";
import { defaultSettings, POLICY_DEFINITIONS, POLICY_TYPES } from "@/lib/policies/definitions";
import { policyFormFields } from "@/lib/policies/form";
import { getTemplate, type PolicyTemplateView } from "@/lib/services/policy-templates/templates";

export function policyTypeForms() {
  return POLICY_TYPES.map((type) => ({
    type,
    label: POLICY_DEFINITIONS[type].label,
    description: POLICY_DEFINITIONS[type].description,
    fields: policyFormFields(type),
    defaults: defaultSettings(type),
  }));
}

export async function templateFromPath(providerId: string, templateId: string): Promise<PolicyTemplateView> {
  if (!isUuid(templateId)) notFound();
  return getTemplate(providerId, templateId).catch((error) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
}
