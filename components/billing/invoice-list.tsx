import Link from "next/link";
import { FileText } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatCents } from "@/lib/billing/money";
import { MODE_LABELS, STATUS_TONES } from "./labels";

export interface InvoiceRow {
  id: string;
  number: string;
  period: string;
  mode: string;
  status: "OPEN" | "PAID" | "VOID";
  totalCents: number;
  issuedAt: string;
  organizationName: string | null;
}

export function InvoiceList({ invoices, hrefFor, emptyHint }: { invoices: InvoiceRow[]; hrefFor: (id: string) => string; emptyHint: string }) {
  if (invoices.length === 0) {
    return (
      <EmptyState icon={<FileText />} title="No invoices yet">
        {emptyHint}
      </EmptyState>
    );
  }
  return (
    <Table caption="Invoices">
      <THead>
        <tr>
          <TH>Invoice</TH>
          <TH>Period</TH>
          <TH>Billed to</TH>
          <TH>Issued</TH>
          <TH>Status</TH>
          <TH className="text-right">Total</TH>
        </tr>
      </THead>
      <TBody>
        {invoices.map((invoice) => (
          <TR key={invoice.id}>
            <TD>
              <Link href={hrefFor(invoice.id)} className="font-medium text-brand-700 hover:underline">
                {invoice.number}
              </Link>
            </TD>
            <TD className="tabular">{invoice.period}</TD>
            <TD>{invoice.organizationName ?? MODE_LABELS[invoice.mode as keyof typeof MODE_LABELS]}</TD>
            <TD>
              <LocalTime iso={invoice.issuedAt} dateOnly />
            </TD>
            <TD>
              <Badge tone={STATUS_TONES[invoice.status]}>{invoice.status.toLowerCase()}</Badge>
            </TD>
            <TD className="tabular text-right font-medium text-slate-900">{formatCents(invoice.totalCents)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
