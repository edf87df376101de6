import type { Metadata } from "next";
import Link from "next/link";
import { TemplateForm } from "@/components/policy-templates/template-form";
import { PageHeader } from "@/components/ui/page-header";
import { providerPage } from "@/lib/authz/page-guards";
import { policyTypeForms } from "@/lib/pages/policy-templates";

export const metadata: Metadata = { title: "New policy template" };

export default async function NewTemplatePage({ params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  await providerPage(providerId, "provider.templates.manage");
  return (
    <>
      <PageHeader
        eyebrow={<Link href={`/providers/${providerId}/policy-templates`} className="hover:underline">Policy templates</Link>}
        title="New policy template"
        description="Tick the policies the template sets. Policies it does not set are left as each client has them."
      />
      <TemplateForm providerId={providerId} types={policyTypeForms()} />
    </>
  );
}
