"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { api } from "@/lib/client/api";
import { useApiAction } from "@/lib/client/use-api-action";

/** Staff: issue a completed month's invoices now (the scheduled job does it early each month). */
export function RunBillingForm({ defaultPeriod }: { defaultPeriod: string }) {
  const [period, setPeriod] = useState(defaultPeriod);
  const { pending, run } = useApiAction();
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => api<{ issued: number; alreadyIssued: number }>("/api/v1/admin/billing/runs", { body: { period } }), {
          success: (r) => `Issued ${r.issued} invoice(s); ${r.alreadyIssued} had been issued already.`,
        });
      }}
    >
      <Field label="Period" hint="YYYY-MM, a month that has ended.">
        {(p) => <Input {...p} value={period} onChange={(e) => setPeriod(e.target.value)} className="w-36" />}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? <Spinner label="Issuing invoices" /> : null}
        Issue invoices
      </Button>
    </form>
  );
}
