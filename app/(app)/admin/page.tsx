// Staff console home: every provider, searchable and filterable, keyset-paged by name.
import type { Metadata } from "next";
import Link from "next/link";
import { Network, Search } from "lucide-react";
import { InviteProviderDialog } from "@/components/admin/invite-provider-dialog";
import { PROVIDER_TYPE_LABEL, ProviderEnabledBadge, ProviderStatusBadge } from "@/components/admin/provider-badges";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Label, Select } from "@/components/ui/form";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { staffPage } from "@/lib/authz/page-guards";
import { AppError } from "@/lib/errors";
import { enumParam, stringParam, withParams, type SearchParams } from "@/lib/search-params";
import { listProviders, type ListProvidersInput } from "@/lib/services/providers/list-providers";

export const metadata: Metadata = { title: "Providers · Staff console" };

const PAGE_SIZE = 50;

export default async function AdminProvidersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await staffPage();
  const params = await searchParams;
  const q = stringParam(params, "q");
  const status = enumParam(params, "status", ["PENDING", "ACTIVE"] as const);
  const enabledParam = enumParam(params, "enabled", ["true", "false"] as const);
  const cursor = stringParam(params, "cursor");
  const input: ListProvidersInput = { q, status, enabled: enabledParam ? enabledParam === "true" : undefined, limit: PAGE_SIZE, cursor };
  const page = await listProviders(input).catch((error: unknown) => {
    // A stale or edited cursor shows the first page instead of an error.
    if (error instanceof AppError && error.code === "invalid_cursor") return listProviders({ ...input, cursor: undefined });
    throw error;
  });
  const filtered = Boolean(q || status || enabledParam);
  const hrefFor = (next: string | null) => withParams("/admin", { q, status, enabled: enabledParam, cursor: next ?? undefined });

  return (
    <>
      <PageHeader title="Providers" description="Every MSP and reseller on the platform. Invite a new one to send its first admin a setup link." actions={<InviteProviderDialog />} />
      <Card>
        <form method="get" action="/admin" role="search" aria-label="Filter providers" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3">
          <div className="min-w-56 flex-1">
            <Label htmlFor="provider-search">Search</Label>
            <Input id="provider-search" name="q" type="search" placeholder="Provider or business name" defaultValue={q} className="mt-1" />
          </div>
          <div>
            <Label htmlFor="provider-status">Status</Label>
            <Select id="provider-status" name="status" defaultValue={status ?? ""} className="mt-1">
              <option value="">Any status</option>
              <option value="ACTIVE">Active</option>
              <option value="PENDING">Pending setup</option>
            </Select>
          </div>
          <div>
            <Label htmlFor="provider-enabled">Access</Label>
            <Select id="provider-enabled" name="enabled" defaultValue={enabledParam ?? ""} className="mt-1">
              <option value="">Enabled or disabled</option>
              <option value="true">Enabled</option>
              <option value="false">Disabled</option>
            </Select>
          </div>
          <Button type="submit" variant="secondary">
            <Search aria-hidden /> Apply
          </Button>
        </form>
        {page.data.length === 0 ? (
          <EmptyState icon={<Network />} title={filtered ? "No providers match" : "No providers yet"}>
            {filtered ? "Try another search or clear the filters." : "Invite an MSP to create the first provider."}
          </EmptyState>
        ) : (
          <>
            <Table caption="Providers">
              <THead>
                <tr>
                  <TH>Provider</TH>
                  <TH>Type</TH>
                  <TH>Status</TH>
                  <TH>Access</TH>
                  <TH className="text-right">Clients</TH>
                  <TH className="text-right">Seats under management</TH>
                  <TH>Created</TH>
                </tr>
              </THead>
              <TBody>
                {page.data.map((p) => (
                  <TR key={p.id}>
                    <TD>
                      <Link href={`/admin/providers/${p.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                        {p.name}
                      </Link>
                      {p.businessName ? <div className="text-xs text-slate-500">{p.businessName}</div> : null}
                    </TD>
                    <TD>{PROVIDER_TYPE_LABEL[p.type]}</TD>
                    <TD>
                      <ProviderStatusBadge status={p.status} />
                    </TD>
                    <TD>
                      <ProviderEnabledBadge enabled={p.enabled} />
                    </TD>
                    <TD className="tabular text-right">{p.clientCount.toLocaleString("en-US")}</TD>
                    <TD className="tabular text-right">{p.seatsUnderManagement.toLocaleString("en-US")}</TD>
                    <TD>
                      <LocalTime iso={p.createdAt} dateOnly />
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
            <KeysetPager
              nextCursor={page.nextCursor}
              isFirstPage={!cursor}
              hrefFor={hrefFor}
              summary={`Showing ${page.data.length} provider${page.data.length === 1 ? "" : "s"}${page.nextCursor ? " on this page" : ""}`}
            />
          </>
        )}
      </Card>
    </>
  );
}
