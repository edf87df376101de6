import type { Metadata } from "next";
import Link from "next/link";
import { Boxes, Pencil, Plus } from "lucide-react";
import { CollectionDialog } from "@/components/organizations/collections/collection-dialog";
import { DeleteButton } from "@/components/organizations/delete-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, listHref, SearchInput } from "@/components/ui/filter-bar";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { organizationPage } from "@/lib/authz/page-guards";
import { stringParam, withCursorFallback, type SearchParams } from "@/lib/pages/list-params";
import { listCollections } from "@/lib/services/collections/collections";

export const metadata: Metadata = { title: "Collections" };

export default async function CollectionsPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<SearchParams> }) {
  const { orgId } = await params;
  const { access } = await organizationPage(orgId, "org.collections.manage");
  const sp = await searchParams;
  const q = stringParam(sp.q);
  const { page, cursor } = await withCursorFallback(stringParam(sp.cursor, 2048), (c) => listCollections({ organizationId: orgId, q, limit: 50, cursor: c }));
  const base = `/organizations/${orgId}/collections`;
  return (
    <>
      <PageHeader
        title="Collections"
        description={
          access.provider
            ? "Collections hold the organization's vault items. You decide who can use them; the items themselves stay private to the client."
            : "Collections hold the organization's vault items. Choose which members and groups can use each one."
        }
        actions={
          <CollectionDialog
            organizationId={orgId}
            trigger={
              <Button>
                <Plus aria-hidden /> New collection
              </Button>
            }
          />
        }
      />
      <Card>
        <FilterBar label="Search collections">
          <SearchInput label="Search" defaultValue={q} placeholder="Collection name" />
        </FilterBar>
        {page.data.length === 0 ? (
          <EmptyState icon={<Boxes />} title={q ? "No collections match" : "No collections yet"}>
            {q ? <Link href={base} className="font-medium text-brand-700 hover:underline">Clear the search</Link> : "Create a collection, or import a vault export: its folders become collections."}
          </EmptyState>
        ) : (
          <Table caption="Collections">
            <THead>
              <tr>
                <TH>Name</TH>
                <TH className="text-right">Items</TH>
                <TH>Access</TH>
                <TH className="text-right">
                  <span className="sr-only">Actions</span>
                </TH>
              </tr>
            </THead>
            <TBody>
              {page.data.map((c) => (
                <TR key={c.id}>
                  <TD className="font-medium text-slate-900">
                    {c.name} {c.isDefault ? <Badge tone="brand" className="ml-1.5">Default</Badge> : null}
                  </TD>
                  <TD className="tabular text-right">{c.itemCount.toLocaleString("en-US")}</TD>
                  <TD className="text-slate-600">
                    {c.memberCount === 0 && c.groupCount === 0
                      ? "Owners and admins only"
                      : [c.memberCount ? `${c.memberCount} member${c.memberCount === 1 ? "" : "s"}` : null, c.groupCount ? `${c.groupCount} group${c.groupCount === 1 ? "" : "s"}` : null]
                          .filter(Boolean)
                          .join(", ")}
                  </TD>
                  <TD className="text-right whitespace-nowrap">
                    <CollectionDialog
                      organizationId={orgId}
                      collectionId={c.id}
                      trigger={
                        <Button variant="ghost" size="sm" aria-label={`Edit ${c.name}`}>
                          <Pencil aria-hidden />
                        </Button>
                      }
                    />
                    {c.isDefault ? null : (
                      <DeleteButton
                        url={`/api/v1/organizations/${orgId}/collections/${c.id}`}
                        name={c.name}
                        title={`Delete the collection ${c.name}?`}
                        description={`Its ${c.itemCount.toLocaleString("en-US")} item${c.itemCount === 1 ? "" : "s"} stay in the organization (owners and admins still see them), but members lose the access they had through this collection.`}
                        confirmLabel="Delete collection"
                      />
                    )}
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
