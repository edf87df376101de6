// Provider people (Provider Admins only): members with role and status, filters, search, paging,
// per-row and bulk actions, and the invite dialog.
import type { Metadata } from "next";
import Link from "next/link";
import { Search, Users } from "lucide-react";
import { InvitePeopleDialog } from "@/components/people/invite-people-dialog";
import { PeopleTable } from "@/components/people/people-table";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Label, Select } from "@/components/ui/form";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { providerPage } from "@/lib/authz/page-guards";
import { AppError } from "@/lib/errors";
import { enumParam, stringParam, withParams, type SearchParams } from "@/lib/search-params";
import { countProviderUsersByStatus, listProviderUsers, type ListProviderUsersInput } from "@/lib/services/provider-users/list-provider-users";

export const metadata: Metadata = { title: "People" };

const PAGE_SIZE = 50;

export default async function ProviderPeoplePage({ params, searchParams }: { params: Promise<{ providerId: string }>; searchParams: Promise<SearchParams> }) {
  const { providerId } = await params;
  const { access } = await providerPage(providerId, "provider.users.read");
  const query = await searchParams;
  const q = stringParam(query, "q");
  const status = enumParam(query, "status", ["INVITED", "ACCEPTED", "CONFIRMED"] as const);
  const role = enumParam(query, "role", ["PROVIDER_ADMIN", "SERVICE_USER"] as const);
  const twoFactor = enumParam(query, "twoFactor", ["on", "off"] as const);
  const cursor = stringParam(query, "cursor");
  const input: ListProviderUsersInput = { q, status, role, twoFactor, limit: PAGE_SIZE, cursor };
  const [page, counts] = await Promise.all([
    listProviderUsers(providerId, input).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "invalid_cursor") return listProviderUsers(providerId, { ...input, cursor: undefined });
      throw error;
    }),
    countProviderUsersByStatus(providerId),
  ]);
  const base = `/providers/${providerId}/people`;
  const filtered = Boolean(q || status || role || twoFactor);

  return (
    <>
      <PageHeader
        title="People"
        description="Provider Admins manage clients, people, billing and settings. Service Users administer client organizations."
        actions={<InvitePeopleDialog providerId={providerId} />}
      />
      <p className="mb-4 text-sm text-slate-600">
        {counts.CONFIRMED} confirmed
        {counts.ACCEPTED ? (
          <>
            {" · "}
            <Link href={withParams(base, { status: "ACCEPTED" })} className="font-medium text-brand-700 hover:underline">
              {counts.ACCEPTED} waiting for your confirmation
            </Link>
          </>
        ) : null}
        {counts.INVITED ? ` · ${counts.INVITED} invited` : null}
      </p>
      <Card>
        <form method="get" action={base} role="search" aria-label="Filter people" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3">
          <div className="min-w-56 flex-1">
            <Label htmlFor="people-search">Search</Label>
            <Input id="people-search" name="q" type="search" placeholder="Name or email" defaultValue={q} className="mt-1" />
          </div>
          <div>
            <Label htmlFor="people-status">Status</Label>
            <Select id="people-status" name="status" defaultValue={status ?? ""} className="mt-1">
              <option value="">Any status</option>
              <option value="CONFIRMED">Confirmed</option>
              <option value="ACCEPTED">Needs confirmation</option>
              <option value="INVITED">Invited</option>
            </Select>
          </div>
          <div>
            <Label htmlFor="people-role">Role</Label>
            <Select id="people-role" name="role" defaultValue={role ?? ""} className="mt-1">
              <option value="">Any role</option>
              <option value="PROVIDER_ADMIN">Provider Admin</option>
              <option value="SERVICE_USER">Service User</option>
            </Select>
          </div>
          <div>
            <Label htmlFor="people-two-factor">Two-step login</Label>
            <Select id="people-two-factor" name="twoFactor" defaultValue={twoFactor ?? ""} className="mt-1">
              <option value="">On or off</option>
              <option value="on">On</option>
              <option value="off">Off</option>
            </Select>
          </div>
          <Button type="submit" variant="secondary">
            <Search aria-hidden /> Apply
          </Button>
        </form>
        {page.data.length === 0 ? (
          <EmptyState icon={<Users />} title={filtered ? "Nobody matches" : "No members yet"}>
            {filtered ? "Try another search or clear the filters." : "Invite your colleagues to work on your clients."}
          </EmptyState>
        ) : (
          <>
            <PeopleTable providerId={providerId} members={page.data} currentMembershipId={access.membership?.id ?? null} />
            {page.nextCursor || cursor ? (
              <KeysetPager nextCursor={page.nextCursor} isFirstPage={!cursor} hrefFor={(next) => withParams(base, { q, status, role, twoFactor, cursor: next ?? undefined })} />
            ) : null}
          </>
        )}
      </Card>
    </>
  );
}
