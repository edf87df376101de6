// A client organization's admin console. Provider members see who they act for: everything they do
// here is logged with their provider, and entering it at all is logged (throttled, whichever page
// they land on; link prefetches are not entries).
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { Boxes, CreditCard, FolderLock, Gauge, KeyRound, ScrollText, Settings, ShieldCheck, Upload, Users, UsersRound } from "lucide-react";
import { AccessNotice } from "@/components/shell/access-notice";
import { SectionTitle } from "@/components/shell/section-title";
import { SectionLayout, SideNav, type NavItem } from "@/components/shell/side-nav";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { requestMeta } from "@/lib/api/request-meta";
import { organizationAccess, sectionAccess } from "@/lib/authz/page-guards";
import { can, type Permission } from "@/lib/authz/permissions";
import { recordProviderAccess } from "@/lib/services/organizations/record-provider-access";

export default async function OrganizationLayout({ params, children }: { params: Promise<{ orgId: string }>; children: ReactNode }) {
  const { orgId } = await params;
  const result = await sectionAccess((user) => organizationAccess(user, orgId));
  if ("refusal" in result) return <AccessNotice error={result.refusal} />;
  const { access, user } = result;
  const requestHeaders = await headers();
  if (access.provider && !requestHeaders.has("next-router-prefetch")) {
    await recordProviderAccess(
      { providerId: access.provider.id, organizationId: orgId, organizationName: access.organization.name },
      { actor: { userId: user.id, name: user.name, email: user.email }, meta: requestMeta(requestHeaders) },
    );
  }
  const base = `/organizations/${orgId}`;
  const items: (NavItem & { permission: Permission })[] = [
    { href: base, label: "Overview", icon: <Gauge />, exact: true, permission: "org.read" },
    { href: `${base}/members`, label: "Members", icon: <Users />, permission: "org.members.read" },
    { href: `${base}/groups`, label: "Groups", icon: <UsersRound />, permission: "org.groups.manage" },
    { href: `${base}/collections`, label: "Collections", icon: <Boxes />, permission: "org.collections.manage" },
    { href: `${base}/policies`, label: "Policies", icon: <ShieldCheck />, permission: "org.policies.manage" },
    { href: `${base}/import`, label: "Import", icon: <Upload />, permission: "org.import" },
    { href: `${base}/vault`, label: "Vault items", icon: <KeyRound />, permission: "org.items.read" },
    { href: `${base}/events`, label: "Event log", icon: <ScrollText />, permission: "org.events.read" },
    { href: `${base}/billing`, label: "Billing", icon: <CreditCard />, permission: "org.billing.read" },
    { href: `${base}/settings`, label: "Settings", icon: <Settings />, permission: "org.update" },
  ];
  const viaProvider = access.provider;
  return (
    <SectionLayout
      nav={
        <SideNav
          label="Organization"
          header={
            <SectionTitle
              kicker="Organization"
              name={access.organization.name}
              badge={viaProvider ? <Badge tone="brand">Managed by {viaProvider.name}</Badge> : undefined}
            />
          }
          items={items.filter((item) => can(access.roles, item.permission)).map(({ permission: _p, ...item }) => item)}
        />
      }
      banner={
        viaProvider ? (
          <Alert tone="info" className="mb-6" title={`Acting as ${viaProvider.name}`}>
            <span className="inline-flex items-center gap-1">
              <FolderLock aria-hidden className="size-4" /> You are administering this client for your provider. Everything you do here is logged with{" "}
              {viaProvider.name}; credentials stay private to the client.
            </span>
          </Alert>
        ) : undefined
      }
    >
      {children}
    </SectionLayout>
  );
}
