import type { Metadata } from "next";
import Link from "next/link";
import { Pencil, Plus, UsersRound } from "lucide-react";
import { DeleteButton } from "@/components/organizations/delete-button";
import { GroupDialog } from "@/components/organizations/groups/group-dialog";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, listHref, SearchInput } from "@/components/ui/filter-bar";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { organizationPage } from "@/lib/authz/page-guards";
import { stringParam, withCursorFallback, type SearchParams } from "@/lib/pages/list-params";
import { listGroups } from "@/lib/services/groups/groups";

export const metadata: Metadata = { title: "Groups" };

export default async function GroupsPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<SearchParams> }) {
  const { orgId } = await params;
  await organizationPage(orgId, "org.groups.manage");
  const sp = await searchParams;
  const q = stringParam(sp.q);
  const { page, cursor } = await withCursorFallback(stringParam(sp.cursor, 2048), (c) => listGroups({ organizationId: orgId, q, limit: 50, cursor: c }));
  const base = `/organizations/${orgId}/groups`;
  const newGroup = (
    <GroupDialog
      organizationId={orgId}
      trigger={
        <Button>
          <Plus aria-hidden /> New group
        </Button>
      }
    />
  );
  return (
    <>
      <PageHeader title="Groups" description="Groups give many members the same collection access at once." actions={newGroup} />
      <Card>
        <FilterBar label="Search groups">
          <SearchInput label="Search" defaultValue={q} placeholder="Group name" />
        </FilterBar>
        {page.data.length === 0 ? (
          <EmptyState icon={<UsersRound />} title={q ? "No groups match" : "No groups yet"}>
            {q ? <Link href={base} className="font-medium text-brand-700 hover:underline">Clear the search</Link> : "Create a group, add members, and give it access to collections."}
          </EmptyState>
        ) : (
          <Table caption="Groups">
            <THead>
              <tr>
                <TH>Name</TH>
                <TH className="text-right">Members</TH>
                <TH className="text-right">Collections</TH>
                <TH className="text-right">
                  <span className="sr-only">Actions</span>
                </TH>
              </tr>
            </THead>
            <TBody>
              {page.data.map((g) => (
                <TR key={g.id}>
                  <TD className="font-medium text-slate-900">{g.name}</TD>
                  <TD className="tabular text-right">{g.memberCount}</TD>
                  <TD className="tabular text-right">{g.collectionCount}</TD>
                  <TD className="text-right whitespace-nowrap">
                    <GroupDialog
                      organizationId={orgId}
                      groupId={g.id}
                      trigger={
                        <Button variant="ghost" size="sm" aria-label={`Edit ${g.name}`}>
                          <Pencil aria-hidden />
                        </Button>
                      }
                    />
                    <DeleteButton
                      url={`/api/v1/organizations/${orgId}/groups/${g.id}`}
                      name={g.name}
                      title={`Delete the group ${g.name}?`}
                      description={`Its ${g.memberCount} member${g.memberCount === 1 ? "" : "s"} stay in the organization but lose the collection access they had through this group.`}
                      confirmLabel="Delete group"
                    />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
        <KeysetPager nextCursor={page.nextCursor} isFirstPage={!cursor} hrefFor={(c) => listHref(base, { q }, c)} />
      </Card>
    </>
  );
}
