// A template and its drift: which clients differ from it, policy by policy, paged in the database
// (lib/services/policy-templates/drift.ts), with counts of clients in sync and drifted; apply it to
// the ticked clients or to all of them with a progress bar.
import type { Metadata } from "next";
import Link from "next/link";
import { CheckCircle2, Pencil, Search } from "lucide-react";
import { PageCheckbox, RowCheckbox, SelectionProvider } from "@/components/clients/selection";
import { ApplyBar } from "@/components/policy-templates/apply-bar";
import { DeleteTemplateButton } from "@/components/policy-templates/delete-template-button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Label } from "@/components/ui/form";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { providerPage } from "@/lib/authz/page-guards";
import { AppError } from "@/lib/errors";
import { templateFromPath } from "@/lib/pages/policy-templates";
import { POLICY_DEFINITIONS, isPolicyType } from "@/lib/policies/definitions";
import { driftCounts, driftPage, type DriftRow, type PolicyDifference } from "@/lib/services/policy-templates/drift";
import { driftQuerySchema, type DriftQuery, type DriftStatus } from "@/lib/services/policy-templates/schemas";

export const metadata: Metadata = { title: "Policy template" };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const n = (value: number) => value.toLocaleString("en-US");

const STATUS_LABELS: Record<DriftStatus, string> = { all: "All clients", drifted: "Drifted", in_sync: "In sync" };

function differenceText(d: PolicyDifference): string {
  const label = isPolicyType(d.type) ? POLICY_DEFINITIONS[d.type].label : d.type;
  if (d.kind === "missing") return `${label}: not set`;
  if (d.kind === "disabled") return `${label}: off (template: on)`;
  if (d.kind === "enabled") return `${label}: on (template: off)`;
  return `${label}: ${d.keys?.length ? `different ${d.keys.join(", ")}` : "different settings"}`;
}

export default async function TemplatePage({ params, searchParams }: { params: Promise<{ providerId: string; templateId: string }>; searchParams: Promise<SearchParams> }) {
  const { providerId, templateId } = await params;
  await providerPage(providerId, "provider.templates.manage");
  const template = await templateFromPath(providerId, templateId);
  const sp = await searchParams;
  const parsed = driftQuerySchema.safeParse({ status: first(sp.status) || undefined, q: first(sp.q), cursor: first(sp.cursor) || undefined });
  const query: DriftQuery = parsed.success ? parsed.data : driftQuerySchema.parse({});
  let page: { data: DriftRow[]; nextCursor: string | null };
  let staleCursor = false;
  try {
    page = await driftPage(providerId, template.policies, query);
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 400) throw error;
    staleCursor = true;
    page = await driftPage(providerId, template.policies, { ...query, cursor: undefined });
  }
  const counts = await driftCounts(providerId, template.policies);

  const base = `/providers/${providerId}/policy-templates/${template.id}`;
  const href = (change: { status?: DriftStatus; cursor?: string | null }) => {
    const out = new URLSearchParams();
    const status = change.status ?? query.status;
    if (status !== "all") out.set("status", status);
    if (query.q) out.set("q", query.q);
    if (change.cursor) out.set("cursor", change.cursor);
    const s = out.toString();
    return s ? `${base}?${s}` : base;
  };

  return (
    <>
      <PageHeader
        eyebrow={<Link href={`/providers/${providerId}/policy-templates`} className="hover:underline">Policy templates</Link>}
        title={template.name}
        description={
          template.policies.length
            ? `Sets ${template.policies.map((p) => `${POLICY_DEFINITIONS[p.type].label} (${p.enabled ? "on" : "off"})`).join(", ")}.`
            : "Sets no policies yet."
        }
        actions={
          <>
            <ButtonLink href={`${base}/edit`}>
              <Pencil aria-hidden /> Edit
            </ButtonLink>
            <DeleteTemplateButton providerId={providerId} templateId={template.id} name={template.name} />
          </>
        }
      />
      <StatGrid>
        <Stat label="Clients" value={n(counts.clients)} />
        <Stat label="In sync" value={n(counts.inSync)} />
        <Stat label="Drifted" value={n(counts.drifted)} hint="Clients whose policies differ from the template" />
      </StatGrid>
      {staleCursor ? (
        <Alert tone="warning" className="mb-4">
          That page link no longer fits this list, so here is the first page.
        </Alert>
      ) : null}
      <Card>
        <SelectionProvider pageIds={page.data.map((r) => r.id)}>
          <ApplyBar providerId={providerId} templateId={template.id} templateName={template.name} clients={counts.clients} />
          <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200 px-4 py-3">
            <nav aria-label="Show clients" className="flex gap-1">
              {(Object.keys(STATUS_LABELS) as DriftStatus[]).map((status) => (
                <Link
                  key={status}
                  href={href({ status, cursor: null })}
                  aria-current={query.status === status ? "page" : undefined}
                  className={
                    query.status === status
                      ? "rounded-md bg-brand-50 px-3 py-1.5 text-sm font-medium text-brand-800"
                      : "rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100"
                  }
                >
                  {STATUS_LABELS[status]}
                </Link>
              ))}
            </nav>
            <form method="get" action={base} role="search" className="flex items-end gap-2">
              {query.status !== "all" ? <input type="hidden" name="status" value={query.status} /> : null}
              <Label htmlFor="drift-search" className="sr-only">
                Search clients by name
              </Label>
              <Input id="drift-search" type="search" name="q" defaultValue={query.q ?? ""} placeholder="Search clients by name" maxLength={120} className="w-56" />
              <Button type="submit" variant="secondary">
                <Search aria-hidden /> Search
              </Button>
            </form>
          </div>
          {page.data.length === 0 ? (
            <EmptyState icon={<CheckCircle2 />} title={query.status === "drifted" ? "No client differs from this template" : "No clients here"}>
              {query.q ? `Nothing matches “${query.q}”.` : null}
            </EmptyState>
          ) : (
            <Table caption={`Clients compared with ${template.name}`}>
              <THead>
                <tr>
                  <TH className="w-10">
                    <PageCheckbox />
                  </TH>
                  <TH>Client</TH>
                  <TH>Drift</TH>
                  <TH>Differences</TH>
                </tr>
              </THead>
              <TBody>
                {page.data.map((row) => (
                  <TR key={row.id}>
                    <TD>
                      <RowCheckbox id={row.id} name={row.name} />
                    </TD>
                    <TD>
                      <Link href={`/organizations/${row.id}/policies`} prefetch={false} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                        {row.name}
                      </Link>
                      {row.enabled ? null : (
                        <Badge tone="danger" className="ml-2">
                          Disabled
                        </Badge>
                      )}
                    </TD>
                    <TD>{row.inSync ? <Badge tone="success">In sync</Badge> : <Badge tone="warning">Drifted</Badge>}</TD>
                    <TD>
                      {row.differences.length ? (
                        <ul className="space-y-0.5 text-sm text-slate-700">
                          {row.differences.map((d) => (
                            <li key={d.type}>{differenceText(d)}</li>
                          ))}
                        </ul>
                      ) : (
                        <span className="text-sm text-slate-500">—</span>
                      )}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
          <KeysetPager
            nextCursor={page.nextCursor}
            isFirstPage={!query.cursor || staleCursor}
            hrefFor={(cursor) => href({ cursor })}
            summary={`${STATUS_LABELS[query.status]}: ${n(page.data.length)} on this page`}
          />
        </SelectionProvider>
      </Card>
    </>
  );
}
