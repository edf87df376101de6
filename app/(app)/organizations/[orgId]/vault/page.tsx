import type { Metadata } from "next";
import Link from "next/link";
import { KeyRound, Lock } from "lucide-react";
import { ITEM_TYPE_LABEL, ITEM_TYPE_PLURAL, ITEM_TYPES, PERMISSION_LABEL } from "@/components/organizations/labels";
import { ItemDialog } from "@/components/organizations/vault/item-dialog";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterSelect, listHref, SearchInput } from "@/components/ui/filter-bar";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { organizationPage } from "@/lib/authz/page-guards";
import { can } from "@/lib/authz/permissions";
import { enumParam, stringParam, withCursorFallback, type SearchParams } from "@/lib/pages/list-params";
import { vaultReader } from "@/lib/services/vault/vault-reader";
import { listVaultItems, readableCollections, vaultSummary, type VaultItemView } from "@/lib/services/vault/vault-items";

export const metadata: Metadata = { title: "Vault items" };

/** What the list shows of an item: never a password, code or number. */
function subtitle(item: VaultItemView): string {
  if (item.data.login) return [item.data.login.username, item.data.login.uris[0]?.uri].filter(Boolean).join(" · ");
  if (item.data.card) return [item.data.card.brand, item.data.card.cardholderName].filter(Boolean).join(" · ");
  if (item.data.identity) return [item.data.identity.firstName, item.data.identity.lastName].filter(Boolean).join(" ");
  return "";
}

export default async function VaultPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<SearchParams> }) {
  const { orgId } = await params;
  const { access } = await organizationPage(orgId, "org.read");
  if (!can(access.roles, "org.items.read")) return <CountsOnly organizationId={orgId} name={access.organization.name} />;

  const reader = vaultReader(access);
  const sp = await searchParams;
  const filters = { q: stringParam(sp.q), type: enumParam(sp.type, ITEM_TYPES), collectionId: stringParam(sp.collectionId) };
  const collections = await readableCollections(orgId, reader);
  const collectionId = collections.some((c) => c.id === filters.collectionId) ? filters.collectionId : undefined;
  const { page, cursor } = await withCursorFallback(stringParam(sp.cursor, 2048), (c) =>
    listVaultItems({ organizationId: orgId, reader, q: filters.q, type: filters.type, collectionId, limit: 50, cursor: c }),
  );
  const names = new Map(collections.map((c) => [c.id, c.name]));
  const base = `/organizations/${orgId}/vault`;
  const filtered = Boolean(filters.q || filters.type || collectionId);
  return (
    <>
      <PageHeader
        title="Vault items"
        description={reader.role === "USER" ? "Items in the collections you have access to." : "Every item in the organization. As an owner or admin you see all collections."}
      />
      <Card>
        <FilterBar label="Filter vault items">
          <SearchInput label="Search" defaultValue={filters.q} placeholder="Item name" />
          <FilterSelect name="type" label="Type" defaultValue={filters.type} options={[{ value: "", label: "Any type" }, ...ITEM_TYPES.map((t) => ({ value: t, label: ITEM_TYPE_LABEL[t] }))]} />
          <FilterSelect name="collectionId" label="Collection" defaultValue={collectionId} options={[{ value: "", label: "All collections" }, ...collections.map((c) => ({ value: c.id, label: c.name }))]} />
        </FilterBar>
        {page.data.length === 0 ? (
          <EmptyState icon={<KeyRound />} title={filtered ? "No items match" : "No items you can see yet"}>
            {filtered ? (
              <Link href={base} className="font-medium text-brand-700 hover:underline">
                Clear the filters
              </Link>
            ) : reader.role === "USER" ? (
              "Ask an owner or admin to give you access to a collection."
            ) : (
              "Import a vault export to fill the organization."
            )}
          </EmptyState>
        ) : (
          <Table caption="Vault items">
            <THead>
              <tr>
                <TH>Name</TH>
                <TH>Type</TH>
                <TH>Collections</TH>
                <TH>Access</TH>
                <TH className="text-right">
                  <span className="sr-only">Open</span>
                </TH>
              </tr>
            </THead>
            <TBody>
              {page.data.map((item) => (
                <TR key={item.id}>
                  <TD>
                    <div className="font-medium text-slate-900">{item.name}</div>
                    <div className="max-w-md truncate text-xs text-slate-500">{subtitle(item)}</div>
                  </TD>
                  <TD>{ITEM_TYPE_LABEL[item.type]}</TD>
                  <TD className="text-slate-600">{item.collectionIds.map((id) => names.get(id)).filter(Boolean).join(", ") || "—"}</TD>
                  <TD>
                    <Badge tone={item.secretsHidden ? "warning" : "neutral"}>{PERMISSION_LABEL[item.permission]}</Badge>
                  </TD>
                  <TD className="text-right">
                    <ItemDialog organizationId={orgId} itemId={item.id} name={item.name} />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
        <KeysetPager nextCursor={page.nextCursor} isFirstPage={!cursor} hrefFor={(c) => listHref(base, { ...filters, collectionId }, c)} />
      </Card>
    </>
  );
}

/** Provider members administer the organization but never see its credentials (PRODUCT.md rule 5). */
async function CountsOnly({ organizationId, name }: { organizationId: string; name: string }) {
  const summary = await vaultSummary(organizationId);
  return (
    <>
      <PageHeader title="Vault items" description={`Credentials are private to ${name}. As a provider member you see how many items there are, never what they contain.`} />
      <StatGrid>
        <Stat label="Items" value={summary.total.toLocaleString("en-US")} />
        {ITEM_TYPES.map((t) => (
          <Stat key={t} label={ITEM_TYPE_PLURAL[t]} value={summary.byType[t].toLocaleString("en-US")} />
        ))}
      </StatGrid>
      <Card>
        <EmptyState icon={<Lock />} title="Only the client's own members can open items">
          You can still import data, organize collections and decide who may use them.
        </EmptyState>
      </Card>
    </>
  );
}
