// Home: where the signed-in user can go. One provider and nothing else → straight to its clients.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Building2, ChevronRight, Network, ShieldCheck } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/authz/page-guards";
import { describeMe } from "@/lib/services/accounts/me";

export const metadata: Metadata = { title: "Home" };

const ROLE = { PROVIDER_ADMIN: "Provider Admin", SERVICE_USER: "Service User", OWNER: "Owner", ADMIN: "Admin", USER: "User" } as const;
const STATUS_TONE = { INVITED: "warning", ACCEPTED: "info", CONFIRMED: "success", REVOKED: "danger" } as const;

export default async function HomePage() {
  const user = await requirePageUser();
  // An organization's password rules, checked at sign-in, require a new password first.
  if (user.passwordChangeRequired) redirect("/account?passwordChange=required");
  const me = await describeMe(user);
  const activeProviders = me.providers.filter((p) => p.status === "CONFIRMED" && p.enabled);
  if (!user.isStaff && activeProviders.length === 1 && me.organizations.length === 0 && me.providers.length === 1) {
    redirect(`/providers/${activeProviders[0]!.id}`);
  }
  const nothing = !user.isStaff && me.providers.length === 0 && me.organizations.length === 0;
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 md:px-6">
      <PageHeader title={`Welcome, ${user.name.split(" ")[0]}`} description="Choose where to work." />
      {nothing ? (
        <Card>
          <EmptyState icon={<Network />} title="You are not part of a provider or organization yet">
            <p>
              Providers are created by the platform&apos;s staff: they send your MSP&apos;s first admin a setup link by email. If your team already
              uses Provider Portal, ask one of its Provider Admins to invite <strong>{user.email}</strong>.
            </p>
            <p className="mt-2">Organizations that invite you appear here once you accept their invitation.</p>
          </EmptyState>
        </Card>
      ) : (
        <div className="space-y-6">
          {user.isStaff ? (
            <Card>
              <Link href="/admin" className="flex items-center gap-3 px-5 py-4 hover:bg-slate-50">
                <ShieldCheck aria-hidden className="size-5 text-brand-600" />
                <div className="flex-1">
                  <div className="font-medium text-slate-900">Staff console</div>
                  <div className="text-sm text-slate-600">Providers, invitations, pricing and every event log.</div>
                </div>
                <ChevronRight aria-hidden className="size-4 text-slate-400" />
              </Link>
            </Card>
          ) : null}
          {me.providers.length ? (
            <Card>
              <CardHeader title="Providers" description="MSPs you work for." />
              <ul className="divide-y divide-slate-100">
                {me.providers.map((p) => (
                  <li key={p.id}>
                    <Link href={`/providers/${p.id}`} className="flex items-center gap-3 px-5 py-3 hover:bg-slate-50">
                      <Network aria-hidden className="size-5 text-slate-400" />
                      <span className="flex-1 font-medium text-slate-900">{p.name}</span>
                      {!p.enabled ? <Badge tone="danger">Disabled</Badge> : null}
                      <Badge tone={STATUS_TONE[p.status]}>{p.status === "CONFIRMED" ? ROLE[p.role] : p.status.toLowerCase()}</Badge>
                      <ChevronRight aria-hidden className="size-4 text-slate-400" />
                    </Link>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          {me.organizations.length ? (
            <Card>
              <CardHeader title="Organizations" description="Organizations you are a member of." />
              <ul className="divide-y divide-slate-100">
                {me.organizations.map((o) => (
                  <li key={o.id}>
                    <Link href={`/organizations/${o.id}`} className="flex items-center gap-3 px-5 py-3 hover:bg-slate-50">
                      <Building2 aria-hidden className="size-5 text-slate-400" />
                      <span className="flex-1 font-medium text-slate-900">{o.name}</span>
                      {o.managedByProvider ? <Badge tone="brand">Managed by a provider</Badge> : null}
                      <Badge tone={STATUS_TONE[o.status]}>{o.status === "CONFIRMED" ? ROLE[o.role] : o.status.toLowerCase()}</Badge>
                      <ChevronRight aria-hidden className="size-4 text-slate-400" />
                    </Link>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>
      )}
    </div>
  );
}
