// The provider's home: its clients. Search, sort and paging happen in the database (keyset pages
// over an index per sort), so the page costs the same at 60 clients or 100,000; the totals are one
// row kept by triggers. Everything is links and a GET form, so it works without JavaScript.
import type { Metadata } from "next";
import Link from "next/link";
import { Building2, Plus, Search, Settings2, Upload } from "lucide-react";
import { BulkActionBar } from "@/components/clients/bulk-action-bar";
import { SeatUsage } from "@/components/clients/seat-usage";
import { PageCheckbox, RowCheckbox, SelectionProvider } from "@/components/clients/selection";
import { SortHeader } from "@/components/clients/sort-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Label } from "@/components/ui/form";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { clientScopeOf } from "@/lib/authz/context";
import { providerPage } from "@/lib/authz/page-guards";
import { can } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { resolveSelection } from "@/lib/services/clients/client-selection";
import { listClients, type ClientList } from "@/lib/services/clients/list-clients";
import { listTemplates } from "@/lib/services/policy-templates/templates";
import { defaultOrder, listClientsQuerySchema, PLAN_LABELS, type ClientSort, type ListClientsQuery } from "@/lib/services/clients/schemas";

export const metadata: Metadata = { title: "Clients" };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const n = (value: number) => value.toLocaleString("en-US");

/** The list's state from the address; a value that makes no sense (an edited link) falls back to its default. */
function readQuery(params: SearchParams): ListClientsQuery {
  const raw: Record<string, string | undefined> = {
    q: first(params.q),
    sort: first(params.sort) || undefined,
    order: first(params.order) || undefined,
    cursor: first(params.cursor) || undefined,
  };
  const parsed = listClientsQuerySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) delete raw[String(issue.path[0])];
  return listClientsQuerySchema.safeParse(raw).data ?? listClientsQuerySchema.parse({});
}

export default async function ClientsPage({ params, searchParams }: { params: Promise<{ providerId: string }>; searchParams: Promise<SearchParams> }) {
  const { providerId } = await params;
  const { access } = await providerPage(providerId, "provider.clients.read");
  const query = readQuery(await searchParams);
  const scope = clientScopeOf(access);
  let list: ClientList;
  let staleCursor = false;
  try {
    list = await listClients(providerId, query, scope);
  } catch (error) {
    // A cursor from an old link or another sort: start from the first page and say so.
    if (!(error instanceof AppError) || error.status !== 400) throw error;
    staleCursor = true;
    list = await listClients(providerId, { ...query, cursor: undefined }, scope);
  }

  const base = `/providers/${providerId}`;
  const href = (change: { sort?: ClientSort; order?: "asc" | "desc"; cursor?: string | null; q?: string | null }) => {
    const sp = new URLSearchParams();
    const q = change.q === undefined ? query.q : change.q;
    const sort = change.sort ?? list.sort;
    const order = change.order ?? (change.sort ? defaultOrder(change.sort) : list.order);
    if (q) sp.set("q", q);
    if (sort !== "name") sp.set("sort", sort);
    if (order !== defaultOrder(sort)) sp.set("order", order);
    if (change.cursor) sp.set("cursor", change.cursor);
    const s = sp.toString();
    return s ? `${base}?${s}` : base;
  };
  const sortHref = (sort: ClientSort) => href({ sort, order: list.sort === sort ? (list.order === "asc" ? "desc" : "asc") : defaultOrder(sort), cursor: null });
  const canAdd = can(access.roles, "provider.clients.create");
  const canBulk = can(access.roles, "provider.clients.bulk");
  // Bulk actions: the templates to offer, and how many clients "all matching" means (one count).
  const [templates, matching] = canBulk
    ? await Promise.all([
        listTemplates(providerId).then((list) => list.map((t) => ({ id: t.id, name: t.name }))),
        query.q ? resolveSelection(providerId, { query: { q: query.q } }).then((s) => s.total) : list.totals.clients,
      ])
    : [[], 0];
  const { totals } = list;
  const available = Math.max(0, totals.seats - totals.occupiedSeats);

  return (
    <div>
      <PageHeader
        title="Clients"
        description={
          scope
            ? `The clients of ${access.provider.name} assigned to you. Open one to administer it for your client.`
            : `Organizations ${access.provider.name} manages. Open one to administer it for your client.`
        }
        actions={
          canAdd ? (
            <>
              <ButtonLink href={`${base}/clients/add`}>
                <Upload aria-hidden /> Add existing organization
              </ButtonLink>
              <ButtonLink href={`${base}/clients/new`} variant="primary">
                <Plus aria-hidden /> New client
              </ButtonLink>
            </>
          ) : undefined
        }
      />

      <StatGrid>
        <Stat label="Clients" value={n(totals.clients)} />
        <Stat label="Assigned seats" value={n(totals.seats)} />
        <Stat label="Occupied seats" value={n(totals.occupiedSeats)} hint={totals.seats ? `${Math.round((totals.occupiedSeats / totals.seats) * 100)}% of assigned seats` : undefined} />
        <Stat label="Available seats" value={n(available)} />
      </StatGrid>

      {staleCursor ? (
        <Alert tone="warning" className="mb-4">
          That page link no longer fits this list, so here is the first page.
        </Alert>
      ) : null}

      <Card>
        {totals.clients === 0 && !query.q ? (
          <EmptyState
            icon={<Building2 />}
            title={scope ? "No clients assigned to you" : "No clients yet"}
            action={
              canAdd ? (
                <div className="flex flex-wrap justify-center gap-2">
                  <ButtonLink href={`${base}/clients/new`} variant="primary">
                    <Plus aria-hidden /> New client
                  </ButtonLink>
                  <ButtonLink href={`${base}/clients/add`}>Add existing organization</ButtonLink>
                </div>
              ) : undefined
            }
          >
            {canAdd
              ? "Create an organization for your first client — you choose its plan and seats and invite its owner — or bring in an organization you already own."
              : scope
                ? "A Provider Admin chooses which clients you work on. Ask one to assign you a client."
                : "Clients appear here once a Provider Admin creates or adds them."}
          </EmptyState>
        ) : (
          <SelectionProvider pageIds={canBulk ? list.data.map((c) => c.id) : []}>
            <form method="get" action={base} role="search" className="flex flex-wrap items-end gap-2 border-b border-slate-200 px-4 py-3">
              <div className="min-w-56 flex-1">
                <Label htmlFor="client-search" className="sr-only">
                  Search clients by name
                </Label>
                <Input id="client-search" type="search" name="q" defaultValue={query.q ?? ""} placeholder="Search clients by name" maxLength={120} />
              </div>
              {list.sort !== "name" ? <input type="hidden" name="sort" value={list.sort} /> : null}
              {list.order !== defaultOrder(list.sort) ? <input type="hidden" name="order" value={list.order} /> : null}
              <Button type="submit" variant="secondary">
                <Search aria-hidden /> Search
              </Button>
              {query.q ? (
                <Link href={href({ q: null, cursor: null })} className="px-2 py-2 text-sm font-medium text-brand-700 hover:underline">
                  Clear search
                </Link>
              ) : null}
            </form>

            {canBulk && list.data.length > 0 ? <BulkActionBar providerId={providerId} q={query.q} matching={matching} templates={templates} /> : null}

            {list.data.length === 0 ? (
              <EmptyState icon={<Search />} title={query.q ? `No clients match “${query.q}”` : "No more clients"}>
                {query.q ? "Search looks for the text anywhere in a client's name, ignoring case." : null}
              </EmptyState>
            ) : (
              <Table caption={query.q ? `Clients matching ${query.q}` : "Clients"}>
                <THead>
                  <tr>
                    {canBulk ? (
                      <TH className="w-10">
                        <PageCheckbox />
                      </TH>
                    ) : null}
                    <SortHeader label="Name" active={list.sort === "name"} order={list.order} href={sortHref("name")} />
                    <TH>Plan</TH>
                    <SortHeader label="Seats" active={list.sort === "seats"} order={list.order} href={sortHref("seats")} />
                    <TH>Status</TH>
                    <SortHeader label="Created" active={list.sort === "created"} order={list.order} href={sortHref("created")} />
                    <TH>
                      <span className="sr-only">Actions</span>
                    </TH>
                  </tr>
                </THead>
                <TBody>
                  {list.data.map((client) => (
                    <TR key={client.id}>
                      {canBulk ? (
                        <TD>
                          <RowCheckbox id={client.id} name={client.name} />
                        </TD>
                      ) : null}
                      <TD className="max-w-md">
                        <div className="flex items-center gap-2">
                          <Link
                            href={`/organizations/${client.id}`}
                            prefetch={false}
                            className="truncate font-medium text-slate-900 hover:text-brand-700 hover:underline"
                          >
                            {client.name}
                          </Link>
                          {client.isProviderInternal ? <Badge tone="brand">Internal</Badge> : null}
                        </div>
                      </TD>
                      <TD>{PLAN_LABELS[client.plan]}</TD>
                      <TD>
                        <SeatUsage occupied={client.occupiedSeats} seats={client.seats} />
                      </TD>
                      <TD>{client.enabled ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Disabled</Badge>}</TD>
                      <TD>
                        <LocalTime iso={client.createdAt} dateOnly />
                      </TD>
                      <TD className="text-right">
                        <Link
                          href={`${base}/clients/${client.id}`}
                          prefetch={false}
                          className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
                        >
                          <Settings2 aria-hidden className="size-4" /> Manage<span className="sr-only"> {client.name}</span>
                        </Link>
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
            <KeysetPager
              nextCursor={list.nextCursor}
              isFirstPage={!query.cursor || staleCursor}
              hrefFor={(cursor) => href({ cursor })}
              summary={query.q ? `Clients matching “${query.q}”, ${n(list.data.length)} on this page` : `${n(totals.clients)} clients in total`}
            />
          </SelectionProvider>
        )}
      </Card>
    </div>
  );
}
