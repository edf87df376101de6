// The tables of the cross-client reports. Server components: sorting and paging are plain links.
import Link from "next/link";
import { Check, X } from "lucide-react";
import { SeatUsage } from "@/components/clients/seat-usage";
import { SortHeader } from "@/components/clients/sort-header";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { POLICY_DEFINITIONS } from "@/lib/policies/definitions";
import type { PendingInvitationRow, PolicyComplianceRow, SeatUtilizationRow, TwoFactorRow } from "@/lib/services/reports/reports";

export const pct = (ratio: number | null) => (ratio === null ? "—" : `${Math.round(ratio * 1000) / 10}%`);
const n = (value: number) => value.toLocaleString("en-US");

export interface SortLinks {
  sort: string;
  order: "asc" | "desc";
  href: (sort: string) => string;
}

function Sortable({ label, sort, links }: { label: string; sort: string; links: SortLinks }) {
  return <SortHeader label={label} active={links.sort === sort} order={links.order} href={links.href(sort)} />;
}

function ClientLink({ providerId, id, name }: { providerId: string; id: string; name: string }) {
  return (
    <Link href={`/providers/${providerId}/clients/${id}`} prefetch={false} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
      {name}
    </Link>
  );
}

export function SeatUtilizationTable({ rows, providerId, links }: { rows: SeatUtilizationRow[]; providerId: string; links: SortLinks }) {
  return (
    <Table caption="Seat utilisation per client">
      <THead>
        <tr>
          <Sortable label="Client" sort="name" links={links} />
          <Sortable label="Assigned seats" sort="seats" links={links} />
          <TH>Occupied</TH>
          <TH>Available</TH>
          <Sortable label="Utilisation" sort="utilization" links={links} />
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <TR key={r.id}>
            <TD>
              <ClientLink providerId={providerId} id={r.id} name={r.name} /> {r.enabled ? null : <Badge tone="danger">Disabled</Badge>}
            </TD>
            <TD className="tabular">{n(r.seats)}</TD>
            <TD>
              <SeatUsage occupied={r.occupiedSeats} seats={r.seats} />
            </TD>
            <TD className="tabular">{n(r.availableSeats)}</TD>
            <TD className="tabular">{pct(r.utilization)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

export function PendingInvitationsTable({ rows, providerId, links }: { rows: PendingInvitationRow[]; providerId: string; links: SortLinks }) {
  return (
    <Table caption="Pending invitations across clients">
      <THead>
        <tr>
          <TH>Member</TH>
          <TH>Client</TH>
          <TH>Status</TH>
          <Sortable label="Invited" sort="invited" links={links} />
          <TH>Age</TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <TR key={r.id}>
            <TD>
              <div className="font-medium text-slate-900">{r.email}</div>
              <div className="text-xs text-slate-500">{r.role.charAt(0) + r.role.slice(1).toLowerCase()}</div>
            </TD>
            <TD>
              <ClientLink providerId={providerId} id={r.organization.id} name={r.organization.name} />
            </TD>
            <TD>
              {r.status === "ACCEPTED" ? <Badge tone="info">Accepted — to confirm</Badge> : <Badge tone="warning">Invited</Badge>}{" "}
              {r.expired ? <Badge tone="danger">Link expired</Badge> : null}
            </TD>
            <TD>
              <LocalTime iso={r.invitedAt} dateOnly />
            </TD>
            <TD className="tabular">{r.ageDays === 1 ? "1 day" : `${n(r.ageDays)} days`}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

export function TwoFactorTable({ rows, providerId, links }: { rows: TwoFactorRow[]; providerId: string; links: SortLinks }) {
  return (
    <Table caption="Two-step login adoption per client">
      <THead>
        <tr>
          <Sortable label="Client" sort="name" links={links} />
          <TH>Confirmed members</TH>
          <TH>With two-step login</TH>
          <TH>Without</TH>
          <TH>Adoption</TH>
          <TH>Policy</TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <TR key={r.id}>
            <TD>
              <ClientLink providerId={providerId} id={r.id} name={r.name} />
            </TD>
            <TD className="tabular">{n(r.confirmedMembers)}</TD>
            <TD className="tabular">{n(r.withTwoFactor)}</TD>
            <TD className="tabular">{n(r.withoutTwoFactor)}</TD>
            <TD className="tabular">{pct(r.adoption)}</TD>
            <TD>{r.policyEnabled ? <Badge tone="success">Required</Badge> : <Badge>Not required</Badge>}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

/** The policies the compliance table shows as columns (the CSV and the API have every type). */
const KEY_POLICIES = ["TWO_FACTOR_AUTHENTICATION", "MASTER_PASSWORD", "SINGLE_ORG", "ACCOUNT_RECOVERY", "VAULT_TIMEOUT", "PASSWORD_GENERATOR"] as const;

export function PolicyComplianceTable({ rows, providerId, links }: { rows: PolicyComplianceRow[]; providerId: string; links: SortLinks }) {
  return (
    <Table caption="Key policies per client">
      <THead>
        <tr>
          <Sortable label="Client" sort="name" links={links} />
          {KEY_POLICIES.map((t) => (
            <TH key={t}>{POLICY_DEFINITIONS[t].label}</TH>
          ))}
          <TH>All enabled</TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <TR key={r.id}>
            <TD>
              <ClientLink providerId={providerId} id={r.id} name={r.name} />
            </TD>
            {KEY_POLICIES.map((t) => (
              <TD key={t}>
                {r.policies[t] ? (
                  <span className="inline-flex items-center gap-1 text-emerald-700">
                    <Check aria-hidden className="size-4" /> On
                  </span>
                ) : (
                  <span className="inline-flex items-center gap-1 text-slate-600">
                    <X aria-hidden className="size-4" /> Off
                  </span>
                )}
              </TD>
            ))}
            <TD className="tabular">{n(r.enabledCount)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
