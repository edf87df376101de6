// GET /api/v1/providers/{id}/reports/{report}?sort=&order=&limit=&cursor= (Provider Admins)
//   report: seat-utilization | pending-invitations | two-factor | policy-compliance
//   → {report, sort, order, data, nextCursor, summary}; `&format=csv` streams the whole report as CSV
//   (as the event log export does). An unknown report name is a 404.
import { providerRoute } from "@/lib/api/handler";
import { download } from "@/lib/api/responses";
import { notFound } from "@/lib/errors";
import { reportCsvStream, reportFilename } from "@/lib/services/reports/report-csv";
import { orderingOf, reportPage, reportSummary } from "@/lib/services/reports/reports";
import { reportNameSchema, reportQuerySchema } from "@/lib/services/reports/schemas";

export const GET = providerRoute({ permission: "provider.reports.read", query: reportQuerySchema }, async ({ providerId, params, access, query }) => {
  const parsed = reportNameSchema.safeParse(params.report);
  if (!parsed.success) throw notFound("report");
  const report = parsed.data;
  if (query.format === "csv") return download(reportCsvStream(report, providerId, orderingOf(report, query)), reportFilename(access.provider.name, report));
  const [page, summary] = await Promise.all([reportPage(report, providerId, query), reportSummary(report, providerId)]);
  return { ...page, summary };
});
