import type { Metadata } from "next";
import Link from "next/link";
import { TemplateForm } from "@/components/policy-templates/template-form";
import { PageHeader } from "@/components/ui/page-header";
import { providerPage } from "@/lib/authz/page-guards";
import { policyTypeForms, templateFromPath } from "@/lib/pages/policy-templates";

export const metadata: Metadata = { title: "Edit policy template" };

export default async function EditTemplatePage({ params }: { params: Promise<{ providerId: string; templateId: string }> }) {
  const { providerId, templateId } = await params;
  await providerPage(providerId, "provider.templates.manage");
  const template = await templateFromPath(providerId, templateId);
  return (
    <>
      <PageHeader
        eyebrow={<Link href={`/providers/${providerId}/policy-templates/${template.id}`} className="hover:underline">{template.name}</Link>}
        title="Edit policy template"
        description="Saving changes the template only; apply it again to bring clients in line."
      />
      <TemplateForm providerId={providerId} template={template} types={policyTypeForms()} />
    </>
  );
}
