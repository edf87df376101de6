// GET /api/v1/providers/{id}/invoices → {data, nextCursor}, newest first.
import { z } from "zod";
import { providerRoute } from "@/lib/api/handler";
import { cursorSchema, limitSchema } from "@/lib/api/pagination";
import { listProviderInvoices } from "@/lib/services/billing/invoices";

const Query = z.object({ limit: limitSchema, cursor: cursorSchema });

export const GET = providerRoute({ permission: "provider.invoices.read", query: Query }, async ({ providerId, query }) =>
  listProviderInvoices(providerId, query),
);
