import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatBasisPoints, formatCents } from "@/lib/billing/money";
import { PLAN_LABELS } from "@/lib/billing/plans";
import type { InvoiceDetail } from "@/lib/services/billing/invoices";

export function InvoiceLines({ invoice }: { invoice: InvoiceDetail }) {
  return (
    <Table caption={`Lines of invoice ${invoice.number}`}>
      <THead>
        <tr>
          <TH>Client</TH>
          <TH>Plan</TH>
          <TH className="text-right">Assigned</TH>
          <TH className="text-right">Used</TH>
          <TH className="text-right">Remaining</TH>
          <TH className="text-right">Seat-days</TH>
          <TH className="text-right">Unit price</TH>
          <TH className="text-right">Discount</TH>
          <TH className="text-right">Total</TH>
        </tr>
      </THead>
      <TBody>
        {invoice.lines.map((line) => (
          <TR key={line.id}>
            <TD className={line.kind === "CLIENT" ? "font-medium text-slate-900" : "text-slate-600 italic"}>{line.client}</TD>
            <TD>{PLAN_LABELS[line.plan]}</TD>
            <TD className="tabular text-right">{line.assignedSeats}</TD>
            <TD className="tabular text-right">{line.usedSeats}</TD>
            <TD className="tabular text-right">{line.remainingSeats}</TD>
            <TD className="tabular text-right">{line.seatDays.toLocaleString("en-US")}</TD>
            <TD className="tabular text-right">{formatCents(line.unitPriceCents)}</TD>
            <TD className="tabular text-right">
              {line.discountCents ? `−${formatCents(line.discountCents)}` : "—"}
              {line.discountBasisPoints ? <span className="block text-xs text-slate-500">{formatBasisPoints(line.discountBasisPoints)}</span> : null}
            </TD>
            <TD className="tabular text-right font-medium text-slate-900">{formatCents(line.totalCents)}</TD>
          </TR>
        ))}
      </TBody>
      <tfoot className="bg-slate-50 text-sm">
        <tr>
          <td colSpan={8} className="px-4 py-2 text-right text-slate-600">
            Subtotal
          </td>
          <td className="tabular px-4 py-2 text-right">{formatCents(invoice.subtotalCents)}</td>
        </tr>
        <tr>
          <td colSpan={8} className="px-4 py-2 text-right text-slate-600">
            Reseller discount
          </td>
          <td className="tabular px-4 py-2 text-right">−{formatCents(invoice.discountCents)}</td>
        </tr>
        <tr>
          <td colSpan={8} className="px-4 py-2 text-right font-semibold text-slate-900">
            Total
          </td>
          <td className="tabular px-4 py-2 text-right font-semibold text-slate-900">{formatCents(invoice.totalCents)}</td>
        </tr>
      </tfoot>
    </Table>
  );
}
