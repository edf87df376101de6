// Staff: POST {status: "PAID" | "VOID"} records a payment or voids an open invoice.
import { z } from "zod";
import { platformRoute } from "@/lib/api/handler";
import { isUuid } from "@/lib/authz/context";
import { notFound } from "@/lib/errors";
import { setInvoiceStatus } from "@/lib/services/billing/invoices";

const Body = z.object({ status: z.enum(["PAID", "VOID"], { message: "status is PAID or VOID" }) });

export const POST = platformRoute({ permission: "platform.pricing.manage", body: Body }, async ({ params, body, actor, meta }) => {
  if (!isUuid(params.invId ?? "")) throw notFound("invoice");
  return setInvoiceStatus(params.invId!, body.status, { actor, meta });
});
