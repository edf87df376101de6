// Staff: POST {period: "YYYY-MM"} issues the invoices of a completed month (idempotent); their
// INVOICE_ISSUED events name the staff member who ran it.
import { z } from "zod";
import { platformRoute } from "@/lib/api/handler";
import { periodSchema } from "@/lib/billing/period";
import { runBilling } from "@/lib/services/billing/run-billing";

const Body = z.object({ period: periodSchema });

export const POST = platformRoute({ permission: "platform.pricing.manage", body: Body }, async ({ body, actor, meta }) =>
  runBilling(body.period, new Date(), { actor, meta }),
);
