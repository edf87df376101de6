"use client";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { api } from "@/lib/client/api";
import { useApiAction } from "@/lib/client/use-api-action";

/** Staff: record a payment received for an open invoice, or void it. */
export function InvoiceStatusActions({ invoiceId, number }: { invoiceId: string; number: string }) {
  const router = useRouter();
  const { pending, run } = useApiAction();
  return (
    <div className="flex justify-end gap-1">
      <Button size="sm" variant="secondary" disabled={pending} onClick={() => run(() => api(`/api/v1/admin/invoices/${invoiceId}/status`, { body: { status: "PAID" } }), { success: `${number} marked paid.` })}>
        Mark paid
      </Button>
      <ConfirmDialog
        trigger={
          <Button size="sm" variant="danger-ghost">
            Void
          </Button>
        }
        title={`Void invoice ${number}?`}
        description="A voided invoice stays in the ledger but is no longer owed. This cannot be undone."
        confirmLabel="Void invoice"
        onConfirm={async () => {
          await api(`/api/v1/admin/invoices/${invoiceId}/status`, { body: { status: "VOID" } });
          toast.success(`${number} voided.`);
          router.refresh();
        }}
      />
    </div>
  );
}
