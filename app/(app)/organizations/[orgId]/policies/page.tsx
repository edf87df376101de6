import type { Metadata } from "next";
import { PolicyForm } from "@/components/organizations/policies/policy-form";
import { PageHeader } from "@/components/ui/page-header";
import { organizationPage } from "@/lib/authz/page-guards";
import { policyFormFields } from "@/lib/policies/form";
import { listPolicies } from "@/lib/services/policies/policies";
import { countMembersWithoutTwoFactor } from "@/lib/services/policies/two-factor-policy";

const MASTER_PASSWORD_NOTE =
  "Passwords are stored only as one-way hashes, so existing members' passwords cannot be checked when you turn this on. The rules apply when members join and whenever they change their password; with “Enforce at sign-in”, members whose password misses them must change it at their next sign-in.";

export const metadata: Metadata = { title: "Policies" };

export default async function PoliciesPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { access } = await organizationPage(orgId, "org.policies.manage");
  const [policies, withoutTwoFactor] = await Promise.all([listPolicies(orgId), countMembersWithoutTwoFactor(orgId)]);
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
            note={p.type === "MASTER_PASSWORD" ? MASTER_PASSWORD_NOTE : undefined}
            enableWarning={
              p.type === "TWO_FACTOR_AUTHENTICATION" && withoutTwoFactor > 0
                ? `${withoutTwoFactor} ${withoutTwoFactor === 1 ? "member with the User role has" : "members with the User role have"} not turned on two-step login. Saving revokes their access; each is mailed how to regain it (turn on two-step login, then ask an admin to restore them).`
                : undefined
            }
          />
        ))}
      </div>
    </>
  );
}
