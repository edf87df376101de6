import type { Metadata } from "next";
import { OrganizationSettingsForm } from "@/components/organizations/settings/settings-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { organizationPage } from "@/lib/authz/page-guards";
import { getOrganization } from "@/lib/services/organizations/organization-settings";

export const metadata: Metadata = { title: "Organization settings" };

const PLAN = {
  FREE: "Free",
  FAMILIES: "Families",
  TEAMS_MONTHLY: "Teams (monthly)",
  TEAMS_ANNUAL: "Teams (annual)",
  ENTERPRISE_MONTHLY: "Enterprise (monthly)",
  ENTERPRISE_ANNUAL: "Enterprise (annual)",
} as const;

export default async function OrganizationSettingsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  await organizationPage(orgId, "org.update");
  const organization = await getOrganization(orgId);
  return (
    <>
      <PageHeader title="Settings" description="The organization's name and where billing notices go." />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="General" />
          <CardBody>
            <OrganizationSettingsForm key={organization.updatedAt.toISOString()} organizationId={orgId} name={organization.name} billingEmail={organization.billingEmail} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Subscription" />
          <CardBody>
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-slate-500">Plan</dt>
                <dd className="font-medium text-slate-900">{PLAN[organization.plan]}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Seats in use</dt>
                <dd className="tabular font-medium text-slate-900">
                  {organization.occupiedSeats} of {organization.seats}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Managed by</dt>
                <dd className="font-medium text-slate-900">{organization.provider ? organization.provider.name : "This organization (self-managed)"}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Created</dt>
                <dd className="font-medium text-slate-900">
                  <LocalTime iso={organization.createdAt.toISOString()} dateOnly />
                </dd>
              </div>
            </dl>
            {organization.provider ? <p className="mt-4 text-xs text-slate-500">Plan and seats are changed by {organization.provider.name}.</p> : null}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
