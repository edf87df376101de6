import type { Metadata } from "next";
import { PolicyForm } from "@/components/organizations/policies/policy-form";
import { PageHeader } from "@/components/ui/page-header";
import { organizationPage } from "@/lib/authz/page-guards";
import { policyFormFields } from "@/lib/policies/form";
import { listPolicies } from "@/lib/services/policies/policies";

export const metadata: Metadata = { title: "Policies" };

export default async function PoliciesPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { access } = await organizationPage(orgId, "org.policies.manage");
  const policies = await listPolicies(orgId);
  const on = policies.filter((p) => p.enabled).length;
  return (
    <>
      <PageHeader
        title="Policies"
        description={`Rules for this organization's members. ${on} of ${policies.length} on. ${
          access.provider ? "These settings apply to this client only; every change is logged with your provider." : "Every change is logged."
        }`}
      />
      <div className="space-y-4">
        {policies.map((p) => (
          <PolicyForm
            key={`${p.type}:${p.updatedAt?.toISOString() ?? "new"}`}
            organizationId={orgId}
            type={p.type}
            label={p.label}
            description={p.description}
            enabled={p.enabled}
            settings={p.settings}
            fields={policyFormFields(p.type)}
          />
        ))}
      </div>
    </>
  );
}
