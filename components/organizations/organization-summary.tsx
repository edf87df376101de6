// The facts both an organization's overview and its provider's client page show: seats, members
// by status and role, enabled policies, groups and collections.
import { Boxes, ShieldCheck, Users } from "lucide-react";
import { SeatUsage } from "@/components/clients/seat-usage";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Stat, StatGrid } from "@/components/ui/stat";
import type { PolicyType } from "@/lib/db/generated/enums.ts";
import type { OrganizationOverview } from "@/lib/services/organizations/organization-overview";

export const POLICY_LABELS: Record<PolicyType, string> = {
  TWO_FACTOR_AUTHENTICATION: "Require two-step login",
  MASTER_PASSWORD: "Master password requirements",
  PASSWORD_GENERATOR: "Password generator",
  SINGLE_ORG: "Single organization",
  PERSONAL_OWNERSHIP: "Remove individual vault",
  SEND_OPTIONS: "Send options",
  VAULT_TIMEOUT: "Vault timeout",
  DISABLE_PERSONAL_VAULT_EXPORT: "Remove individual vault export",
  ACCOUNT_RECOVERY: "Account recovery administration",
};

const n = (value: number) => value.toLocaleString("en-US");

export function OrganizationStats({ overview }: { overview: OrganizationOverview }) {
  const pending = overview.membersByStatus.INVITED + overview.membersByStatus.ACCEPTED;
  return (
    <StatGrid>
      <Stat label="Seats" value={<SeatUsage occupied={overview.occupiedSeats} seats={overview.seats} className="mt-1" />} hint={`${n(Math.max(0, overview.seats - overview.occupiedSeats))} available`} />
      <Stat label="Confirmed members" value={n(overview.membersByStatus.CONFIRMED)} />
      <Stat label="Pending members" value={n(pending)} hint={pending ? `${n(overview.membersByStatus.INVITED)} invited, ${n(overview.membersByStatus.ACCEPTED)} to confirm` : undefined} />
      <Stat label="Policies on" value={n(overview.policiesEnabled.length)} />
    </StatGrid>
  );
}

export function OrganizationFacts({ overview }: { overview: OrganizationOverview }) {
  const rows: [string, number][] = [
    ["Confirmed", overview.membersByStatus.CONFIRMED],
    ["Accepted, waiting for confirmation", overview.membersByStatus.ACCEPTED],
    ["Invited", overview.membersByStatus.INVITED],
    ["Revoked", overview.membersByStatus.REVOKED],
  ];
  const roles: [string, number][] = [
    ["owner", overview.membersByRole.OWNER],
    ["admin", overview.membersByRole.ADMIN],
    ["user", overview.membersByRole.USER],
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card>
        <CardHeader title={<span className="inline-flex items-center gap-2"><Users aria-hidden className="size-4 text-slate-500" /> Members</span>} />
        <CardBody>
          <dl className="space-y-1.5 text-sm">
            {rows.map(([label, value]) => (
              <div key={label} className="flex justify-between gap-3">
                <dt className="text-slate-600">{label}</dt>
                <dd className="tabular font-medium text-slate-900">{n(value)}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 border-t border-slate-100 pt-3 text-xs text-slate-500">
            {roles.map(([label, value]) => `${n(value)} ${label}${value === 1 ? "" : "s"}`).join(" · ")} (revoked members not counted)
          </p>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={<span className="inline-flex items-center gap-2"><ShieldCheck aria-hidden className="size-4 text-slate-500" /> Policies enabled</span>} />
        <CardBody>
          {overview.policiesEnabled.length ? (
            <ul className="flex flex-wrap gap-1.5">
              {overview.policiesEnabled.map((type) => (
                <li key={type}>
                  <Badge tone="success">{POLICY_LABELS[type]}</Badge>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">No policies are turned on.</p>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={<span className="inline-flex items-center gap-2"><Boxes aria-hidden className="size-4 text-slate-500" /> Groups and collections</span>} />
        <CardBody>
          <dl className="space-y-1.5 text-sm">
            <div className="flex justify-between gap-3">
              <dt className="text-slate-600">Groups</dt>
              <dd className="tabular font-medium text-slate-900">{n(overview.groups)}</dd>
            </div>
            <div className="flex justify-between gap-3">
              <dt className="text-slate-600">Collections</dt>
              <dd className="tabular font-medium text-slate-900">{n(overview.collections)}</dd>
            </div>
          </dl>
        </CardBody>
      </Card>
    </div>
  );
}
