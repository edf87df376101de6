import type { Metadata } from "next";
import Link from "next/link";
import { Users } from "lucide-react";
import { InviteMembersDialog } from "@/components/organizations/members/invite-dialog";
import { MembersTable } from "@/components/organizations/members/members-table";
import { ROLE_LABEL, ROLES, STATUS_LABEL } from "@/components/organizations/labels";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterSelect, listHref, SearchInput } from "@/components/ui/filter-bar";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { organizationPage } from "@/lib/authz/page-guards";
import { can } from "@/lib/authz/permissions";
import { enumParam, stringParam, withCursorFallback, type SearchParams } from "@/lib/pages/list-params";
import { listMembers, memberSummary } from "@/lib/services/members/list-members";

export const metadata: Metadata = { title: "Members" };

const STATUSES = ["INVITED", "ACCEPTED", "CONFIRMED", "REVOKED"] as const;
const ROLE_VALUES = ["OWNER", "ADMIN", "USER"] as const;

export default async function MembersPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<SearchParams> }) {
  const { orgId } = await params;
  const { user, access } = await organizationPage(orgId, "org.members.read");
  const sp = await searchParams;
  const filters = { q: stringParam(sp.q), status: enumParam(sp.status, STATUSES), role: enumParam(sp.role, ROLE_VALUES) };
  const [{ page, cursor }, summary] = await Promise.all([
    withCursorFallback(stringParam(sp.cursor, 2048), (c) => listMembers({ organizationId: orgId, ...filters, limit: 50, cursor: c })),
    memberSummary(orgId),
  ]);
  const canManage = can(access.roles, "org.members.manage");
  const canManageOwners = can(access.roles, "org.owners.manage");
  const base = `/organizations/${orgId}/members`;
  const filtered = Boolean(filters.q || filters.status || filters.role);
  const seatsFree = Math.max(summary.seats - summary.occupiedSeats, 0);

  return (
    <>
      <PageHeader
        title="Members"
        description="Invite people, confirm those who accepted, and manage roles and access. Invited, accepted and confirmed members each take a seat."
        actions={canManage ? <InviteMembersDialog organizationId={orgId} canManageOwners={canManageOwners} seatsFree={seatsFree} /> : null}
      />
      <StatGrid>
        <Stat label="Seats in use" value={`${summary.occupiedSeats} / ${summary.seats}`} hint={seatsFree === 0 ? "No seats free" : `${seatsFree} free`} />
        <Stat label="Confirmed" value={summary.byStatus.CONFIRMED} />
        <Stat label="Need confirmation" value={summary.byStatus.ACCEPTED} />
        <Stat label="Invited" value={summary.byStatus.INVITED} hint={summary.byStatus.REVOKED ? `${summary.byStatus.REVOKED} revoked` : undefined} />
      </StatGrid>
      {summary.byStatus.ACCEPTED > 0 && filters.status !== "ACCEPTED" ? (
        <Alert tone="info" className="mb-4" action={<Link className="font-medium underline" href={listHref(base, { status: "ACCEPTED" }, null)}>Show them</Link>}>
          {summary.byStatus.ACCEPTED} member{summary.byStatus.ACCEPTED === 1 ? " has" : "s have"} accepted the invitation and {summary.byStatus.ACCEPTED === 1 ? "waits" : "wait"} for confirmation.
        </Alert>
      ) : null}
      {summary.confirmedOwners === 1 ? (
        <Alert tone="warning" className="mb-4" title="Only one confirmed owner">
          If that person loses access, nobody in the organization can manage its owners. Make a second member an owner.
        </Alert>
      ) : null}
      <Card>
        <FilterBar label="Filter members">
          <SearchInput label="Search" defaultValue={filters.q} placeholder="Name or email" />
          <FilterSelect name="status" label="Status" defaultValue={filters.status} options={[{ value: "", label: "Any status" }, ...STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))]} />
          <FilterSelect name="role" label="Role" defaultValue={filters.role} options={[{ value: "", label: "Any role" }, ...ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))]} />
        </FilterBar>
        {page.data.length === 0 ? (
          <EmptyState icon={<Users />} title={filtered ? "No members match" : "No members yet"}>
            {filtered ? <Link href={base} className="font-medium text-brand-700 hover:underline">Clear the filters</Link> : "Invite the first members of this organization."}
          </EmptyState>
        ) : (
          <MembersTable
            organizationId={orgId}
            canManageOwners={canManageOwners}
            members={page.data.map((m) => ({
              id: m.id,
              email: m.email,
              name: m.name,
              role: m.role,
              status: m.status,
              statusBeforeRevoke: m.statusBeforeRevoke,
              twoFactorEnabled: m.twoFactorEnabled,
              invitationExpired: m.invitationExpired,
              isSelf: m.userId === user.id,
            }))}
          />
        )}
        <KeysetPager nextCursor={page.nextCursor} isFirstPage={!cursor} hrefFor={(c) => listHref(base, filters, c)} summary={`${page.data.length} shown`} />
      </Card>
    </>
  );
}
