import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Download } from "lucide-react";
import { InvoiceLines } from "@/components/billing/invoice-lines";
import { MODE_LABELS, paymentMethodText, STATUS_TONES } from "@/components/billing/labels";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { isUuid } from "@/lib/authz/context";
import { providerPage } from "@/lib/authz/page-guards";
import { formatBasisPoints } from "@/lib/billing/money";
import { AppError } from "@/lib/errors";
import { getProviderInvoice } from "@/lib/services/billing/invoices";

export const metadata: Metadata = { title: "Invoice" };

export default async function InvoicePage({ params }: { params: Promise<{ providerId: string; invoiceId: string }> }) {
  const { providerId, invoiceId } = await params;
  await providerPage(providerId, "provider.invoices.read");
  if (!isUuid(invoiceId)) notFound();
  const invoice = await getProviderInvoice(providerId, invoiceId).catch((error) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  return (
    <>
      <PageHeader
        eyebrow={<Link href={`/providers/${providerId}/billing`} className="hover:underline">Billing</Link>}
        title={`Invoice ${invoice.number}`}
        description={`${MODE_LABELS[invoice.mode as keyof typeof MODE_LABELS]} for ${invoice.period}.`}
        actions={
          <a href={`/api/v1/providers/${providerId}/invoices/${invoice.id}?format=csv`} className={buttonClass({ variant: "secondary" })} download>
            <Download aria-hidden /> Download CSV
          </a>
        }
      />
      <Card className="mb-6">
        <CardBody>
          <dl className="grid grid-cols-2 gap-4 text-sm md:grid-cols-5">
            <div>
              <dt className="text-slate-500">Status</dt>
              <dd className="mt-1">
                <Badge tone={STATUS_TONES[invoice.status]}>{invoice.status.toLowerCase()}</Badge>
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Billed to</dt>
              <dd className="mt-1 font-medium text-slate-900">{invoice.billedTo}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Issued</dt>
              <dd className="mt-1 font-medium text-slate-900">
                <LocalTime iso={invoice.issuedAt} dateOnly />
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Payment method</dt>
              <dd className="mt-1 font-medium text-slate-900">{paymentMethodText(invoice.paymentMethod)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Discount tier</dt>
              <dd className="mt-1 font-medium text-slate-900">
                {formatBasisPoints(invoice.discountBasisPoints)}
                {invoice.seatsUnderManagement !== null ? <span className="block text-xs font-normal text-slate-500">{invoice.seatsUnderManagement.toLocaleString("en-US")} seats under management</span> : null}
              </dd>
            </div>
          </dl>
        </CardBody>
      </Card>
      <Card>
        <InvoiceLines invoice={invoice} />
      </Card>
    </>
  );
}
