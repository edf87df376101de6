// GET /api/v1/providers/{id}/invoices/{invId} — the invoice with its lines; ?format=csv for the
// line CSV (client, id, assigned, used, remaining, plan, total).
import { z } from "zod";
import { providerRoute } from "@/lib/api/handler";
import { isUuid } from "@/lib/authz/context";
import { notFound } from "@/lib/errors";
import { getProviderInvoice, invoiceCsv } from "@/lib/services/billing/invoices";

const Query = z.object({ format: z.enum(["json", "csv"], { message: "format is json or csv" }).optional() });

export const GET = providerRoute({ permission: "provider.invoices.read", query: Query }, async ({ providerId, params, query }) => {
  if (!isUuid(params.invId ?? "")) throw notFound("invoice");
  const invoice = await getProviderInvoice(providerId, params.invId!);
  if (query.format !== "csv") return invoice;
  return new Response(invoiceCsv(invoice), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${invoice.number}.csv"`,
      "cache-control": "no-store",
    },
  });
});
