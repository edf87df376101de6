// A provider's section: sidebar with what the member's role allows, or a notice when the provider
// is disabled or the membership awaits confirmation. Admins of a provider with a single confirmed
// admin see the failover warning on every page of the section. Members without two-step login of a
// provider that requires it are told on every page why they cannot open clients (the provider's own
// pages stay reachable, so they can find out).
import type { ReactNode } from "react";
import { BarChart3, Building2, CreditCard, KeyRound, ScrollText, Settings, ShieldCheck, Users } from "lucide-react";
import { FailoverBanner } from "@/components/people/failover-banner";
import { TwoFactorRequiredBanner } from "@/components/providers/two-factor-required-banner";
import { AccessNotice } from "@/components/shell/access-notice";
import { SectionTitle } from "@/components/shell/section-title";
import { SectionLayout, SideNav, type NavItem } from "@/components/shell/side-nav";
import { Badge } from "@/components/ui/badge";
import { providerAccess, sectionAccess } from "@/lib/authz/page-guards";
import { can, type Permission } from "@/lib/authz/permissions";
import { confirmedAdminCount } from "@/lib/services/provider-users/last-admin";

const ROLE_LABEL = { PROVIDER_ADMIN: "Provider Admin", SERVICE_USER: "Service User", STAFF: "Platform staff" } as const;

export default async function ProviderLayout({ params, children }: { params: Promise<{ providerId: string }>; children: ReactNode }) {
  const { providerId } = await params;
  const result = await sectionAccess((user) => providerAccess(user, providerId));
  if ("refusal" in result) return <AccessNotice error={result.refusal} />;
  const { access, user } = result;
  const base = `/providers/${providerId}`;
  const items: (NavItem & { permission: Permission })[] = [
    { href: base, label: "Clients", icon: <Building2 />, exact: true, permission: "provider.clients.read" },
    { href: `${base}/policy-templates`, label: "Policy templates", icon: <ShieldCheck />, permission: "provider.templates.manage" },
    { href: `${base}/people`, label: "People", icon: <Users />, permission: "provider.users.read" },
    { href: `${base}/events`, label: "Event log", icon: <ScrollText />, permission: "provider.events.read" },
    { href: `${base}/billing`, label: "Billing", icon: <CreditCard />, permission: "provider.billing.read" },
    { href: `${base}/reports`, label: "Reports", icon: <BarChart3 />, permission: "provider.reports.read" },
    { href: `${base}/api-keys`, label: "API keys", icon: <KeyRound />, permission: "provider.apiKeys.manage" },
    { href: `${base}/settings`, label: "Settings", icon: <Settings />, permission: "provider.update" },
  ];
  const role = access.membership?.status === "CONFIRMED" ? access.membership.role : "STAFF";
  const soleAdmin = access.roles.includes("PROVIDER_ADMIN") && (await confirmedAdminCount(providerId)) === 1;
  const needsTwoFactor = access.provider.require2fa && access.membership?.status === "CONFIRMED" && !user.totpEnabled;
  return (
    <SectionLayout
      nav={
        <SideNav
          label="Provider"
          header={<SectionTitle kicker="Provider" name={access.provider.name} badge={<Badge tone="brand">{ROLE_LABEL[role]}</Badge>} />}
          items={items.filter((item) => can(access.roles, item.permission)).map(({ permission: _p, ...item }) => item)}
        />
      }
      banner={
        soleAdmin || needsTwoFactor ? (
          <>
            {needsTwoFactor ? <TwoFactorRequiredBanner providerName={access.provider.name} /> : null}
            {soleAdmin ? <FailoverBanner providerId={providerId} /> : null}
          </>
        ) : undefined
      }
    >
      {children}
    </SectionLayout>
  );
}
