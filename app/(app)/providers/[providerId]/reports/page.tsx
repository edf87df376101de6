// Cross-client reports (Provider Admins): seat utilisation, pending invitations, two-step login
// adoption, policy compliance. Each is keyset-paged and sorted in the database, so a page costs the
// same at 100,000 clients; "Download CSV" streams the whole report through the API.
import type { Metadata } from "next";
import Link from "next/link";
import { BarChart3, Download } from "lucide-react";
import { PendingInvitationsTable, pct, PolicyComplianceTable, SeatUtilizationTable, TwoFactorTable, type SortLinks } from "@/components/reports/report-tables";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { providerPage } from "@/lib/authz/page-guards";
import { cn } from "@/lib/cn";
import { AppError } from "@/lib/errors";
import { enumParam, stringParam, type SearchParams } from "@/lib/search-params";
import {
  reportPage,
  reportSummary,
  type PendingInvitationsSummary,
  type ReportPage,
  type ReportRows,
  type SeatUtilizationSummary,
} from "@/lib/services/reports/reports";
import { defaultReportOrder, REPORT_NAMES, REPORT_SORTS, REPORT_TITLES, type ReportName } from "@/lib/services/reports/schemas";

export const metadata: Metadata = { title: "Reports" };

const PAGE_SIZE = 50;
const n = (value: number) => value.toLocaleString("en-US");

const DESCRIPTIONS: Record<ReportName, string> = {
  "seat-utilization": "Assigned and occupied seats of every client, lowest utilisation first: where seats go unused, and where clients run out.",
  "pending-invitations": "Members invited to a client who have not accepted yet, or accepted and wait for confirmation, oldest first.",
  "two-factor": "Per client, how many confirmed members use two-step login, and whether the client requires it.",
  "policy-compliance": "Per client, which of the key security policies are enabled.",
};

export default async function ReportsPage({ params, searchParams }: { params: Promise<{ providerId: string }>; searchParams: Promise<SearchParams> }) {
  const { providerId } = await params;
  await providerPage(providerId, "provider.reports.read");
  const query = await searchParams;
  const report = enumParam(query, "report", REPORT_NAMES) ?? "seat-utilization";
  const sorts: readonly string[] = REPORT_SORTS[report];
  const requestedSort = stringParam(query, "sort");
  const sort = requestedSort && sorts.includes(requestedSort) ? requestedSort : sorts[0]!;
  const order = enumParam(query, "order", ["asc", "desc"] as const) ?? defaultReportOrder(sort);
  const cursor = stringParam(query, "cursor");
  const input = { sort, order, limit: PAGE_SIZE, cursor } as const;
  const [{ page, staleCursor }, summary] = await Promise.all([
    reportPage(report, providerId, input).then(
      (page) => ({ page, staleCursor: false }),
      async (error: unknown) => {
        // A cursor from an old link or another sort: start from the first page and say so.
        if (!(error instanceof AppError) || error.code !== "invalid_cursor") throw error;
        return { page: await reportPage(report, providerId, { ...input, cursor: undefined }), staleCursor: true };
      },
    ),
    reportSummary(report, providerId),
  ]);

  const base = `/providers/${providerId}/reports`;
  const href = (change: { report?: ReportName; sort?: string; order?: "asc" | "desc"; cursor?: string | null }) => {
    const r = change.report ?? report;
    const sp = new URLSearchParams({ report: r });
    const s = change.report ? REPORT_SORTS[r][0] : (change.sort ?? sort);
    const o = change.report ? defaultReportOrder(s) : (change.order ?? (change.sort ? defaultReportOrder(change.sort) : order));
    if (s !== REPORT_SORTS[r][0]) sp.set("sort", s);
    if (o !== defaultReportOrder(s)) sp.set("order", o);
    if (change.cursor) sp.set("cursor", change.cursor);
    return `${base}?${sp}`;
  };
  const links: SortLinks = {
    sort,
    order,
    href: (s) => href({ sort: s, order: s === sort ? (order === "asc" ? "desc" : "asc") : defaultReportOrder(s), cursor: null }),
  };
  const csvHref = `/api/v1/providers/${providerId}/reports/${report}?${new URLSearchParams({ sort, order, format: "csv" })}`;

  return (
    <div>
      <PageHeader title="Reports" description="Figures across all your clients. Sort a column, page through, or download the whole report as CSV." />
      <nav aria-label="Reports" className="mb-4 flex flex-wrap gap-2">
        {REPORT_NAMES.map((name) => (
          <Link
            key={name}
            href={href({ report: name })}
            aria-current={name === report ? "page" : undefined}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm font-medium",
              name === report ? "bg-brand-700 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50",
            )}
          >
            {REPORT_TITLES[name]}
          </Link>
        ))}
      </nav>

      {summary ? <Summary report={report} summary={summary} providerId={providerId} /> : null}

      {staleCursor ? (
        <Alert tone="warning" className="mb-4">
          That page link no longer fits this report, so here is the first page.
        </Alert>
      ) : null}

      <Card>
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
          <div>
            <h2 className="text-base font-semibold text-slate-900">{REPORT_TITLES[report]}</h2>
            <p className="text-sm text-slate-600">{DESCRIPTIONS[report]}</p>
          </div>
          <a href={csvHref} download className={buttonClass({ variant: "secondary" })}>
            <Download aria-hidden /> Download CSV
          </a>
        </div>
        {page.data.length === 0 ? (
          <EmptyState icon={<BarChart3 />} title={report === "pending-invitations" ? "No pending invitations" : "No clients yet"}>
            {report === "pending-invitations" ? "Every member invited to your clients has accepted and been confirmed." : "Reports fill in once you have clients."}
          </EmptyState>
        ) : (
          <ReportTable page={page} providerId={providerId} links={links} />
        )}
        <KeysetPager nextCursor={page.nextCursor} isFirstPage={!cursor || staleCursor} hrefFor={(c) => href({ cursor: c })} summary={`${n(page.data.length)} rows on this page`} />
      </Card>
    </div>
  );
}

function ReportTable({ page, providerId, links }: { page: ReportPage; providerId: string; links: SortLinks }) {
  const rows = page.data;
  switch (page.report) {
    case "seat-utilization":
      return <SeatUtilizationTable rows={rows as ReportRows["seat-utilization"][]} providerId={providerId} links={links} />;
    case "pending-invitations":
      return <PendingInvitationsTable rows={rows as ReportRows["pending-invitations"][]} providerId={providerId} links={links} />;
    case "two-factor":
      return <TwoFactorTable rows={rows as ReportRows["two-factor"][]} providerId={providerId} links={links} />;
    case "policy-compliance":
      return <PolicyComplianceTable rows={rows as ReportRows["policy-compliance"][]} providerId={providerId} links={links} />;
  }
}

function Summary({ report, summary, providerId }: { report: ReportName; summary: SeatUtilizationSummary | PendingInvitationsSummary; providerId: string }) {
  if (report === "seat-utilization") {
    const s = summary as SeatUtilizationSummary;
    const client = (c: SeatUtilizationSummary["lowest"]) =>
      c ? (
        <Link href={`/providers/${providerId}/clients/${c.id}`} className="hover:underline">
          {pct(c.utilization)}
        </Link>
      ) : (
        "—"
      );
    return (
      <StatGrid>
        <Stat label="Assigned seats" value={n(s.seats)} hint={`${n(s.clients)} clients`} />
        <Stat label="Occupied seats" value={n(s.occupiedSeats)} hint={`${pct(s.utilization)} of assigned seats`} />
        <Stat label="Lowest utilisation" value={client(s.lowest)} hint={s.lowest?.name} />
        <Stat label="Highest utilisation" value={client(s.highest)} hint={s.highest?.name} />
      </StatGrid>
    );
  }
  const s = summary as PendingInvitationsSummary;
  return (
    <StatGrid>
      <Stat label="Invited" value={n(s.invited)} hint="Not accepted yet" />
      <Stat label="Expired links" value={n(s.expired)} hint="Need a new invitation" />
      <Stat label="Accepted" value={n(s.accepted)} hint="Waiting for confirmation" />
      <Stat label="Pending in total" value={n(s.invited + s.accepted)} />
    </StatGrid>
  );
}
