// Provider settings (Provider Admins): name, business name, billing email, and whether members need
// two-step login to open clients.
import type { Metadata } from "next";
import Link from "next/link";
import { ProviderSecurityForm } from "@/components/providers/provider-security-form";
import { ProviderSettingsForm } from "@/components/providers/provider-settings-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { providerPage } from "@/lib/authz/page-guards";
import { countConfirmedWithoutTwoFactor } from "@/lib/services/provider-users/list-provider-users";
import { getProvider } from "@/lib/services/providers/get-provider";

export const metadata: Metadata = { title: "Provider settings" };

export default async function ProviderSettingsPage({ params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  await providerPage(providerId, "provider.update");
  const [provider, withoutTwoFactor] = await Promise.all([getProvider(providerId), countConfirmedWithoutTwoFactor(providerId)]);
  return (
    <>
      <PageHeader title="Settings" description="Your provider's details. Changes are recorded in the event log." />
      <Card>
        <CardHeader title="Provider details" />
        <CardBody>
          <ProviderSettingsForm
            key={provider.updatedAt}
            providerId={providerId}
            initial={{ name: provider.name, businessName: provider.businessName ?? "", billingEmail: provider.billingEmail ?? "" }}
          />
        </CardBody>
      </Card>
      <Card className="mt-6" aria-labelledby="provider-security-heading">
        <CardHeader title={<span id="provider-security-heading">Security</span>} description="Provider members administer every client organization: their accounts are worth protecting." />
        <CardBody className="space-y-4">
          <ProviderSecurityForm key={`${provider.updatedAt}:${provider.require2fa}`} providerId={providerId} require2fa={provider.require2fa} />
          <p className="text-sm text-slate-600">
            {withoutTwoFactor === 0 ? (
              "Every confirmed member has two-step login turned on."
            ) : (
              <>
                <Link href={`/providers/${providerId}/people?twoFactor=off&status=CONFIRMED`} className="font-medium text-brand-700 hover:underline">
                  {withoutTwoFactor} confirmed {withoutTwoFactor === 1 ? "member has" : "members have"} not turned on two-step login
                </Link>
                {provider.require2fa ? " and cannot open clients until they do." : "."}
              </>
            )}
          </p>
        </CardBody>
      </Card>
      <Card className="mt-6">
        <CardHeader title="About this provider" />
        <CardBody>
          <dl className="grid max-w-lg grid-cols-2 gap-x-4 gap-y-3 text-sm">
            <dt className="text-slate-500">Type</dt>
            <dd className="text-slate-900">{provider.type === "MSP" ? "Managed service provider" : "Reseller"}</dd>
            <dt className="text-slate-500">Billing</dt>
            <dd className="text-slate-900">{provider.billingMode === "CONSOLIDATED" ? "One consolidated invoice" : "Per client"}</dd>
            <dt className="text-slate-500">Provider since</dt>
            <dd className="text-slate-900">
              <LocalTime iso={provider.createdAt} dateOnly />
            </dd>
            <dt className="text-slate-500">Provider ID</dt>
            <dd className="font-mono text-xs break-all text-slate-700">{provider.id}</dd>
          </dl>
        </CardBody>
      </Card>
    </>
  );
}
