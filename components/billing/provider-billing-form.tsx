"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/form";
import { api } from "@/lib/client/api";
import { useApiAction } from "@/lib/client/use-api-action";
import { PLAN_LABELS, type SeatPlan } from "@/lib/billing/plans";

/** Staff: a provider's billing mode (switches at the next period) and seat minimums per plan. */
export function ProviderBillingForm({
  providerId,
  mode,
  plans,
}: {
  providerId: string;
  mode: "PER_CLIENT" | "CONSOLIDATED";
  plans: { plan: SeatPlan; seatMinimum: number }[];
}) {
  const [nextMode, setNextMode] = useState(mode);
  const [minimums, setMinimums] = useState(Object.fromEntries(plans.map((p) => [p.plan, String(p.seatMinimum)])));
  const { pending, run } = useApiAction();
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void run(
          () =>
            api(`/api/v1/admin/providers/${providerId}/billing`, {
              method: "PUT",
              body: { mode: nextMode, seatMinimums: Object.entries(minimums).map(([plan, value]) => ({ plan, seatMinimum: Number(value || 0) })) },
            }),
          { success: "Billing settings saved." },
        );
      }}
    >
      <Field label="Billing mode" hint="A change takes effect at the start of next month; the current month is billed as before.">
        {(p) => (
          <Select {...p} value={nextMode} onChange={(e) => setNextMode(e.target.value as typeof mode)} className="max-w-sm">
            <option value="PER_CLIENT">Per client (each client’s own payment method)</option>
            <option value="CONSOLIDATED">Consolidated (one provider invoice)</option>
          </Select>
        )}
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Seat minimums (consolidated billing)</legend>
        <div className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-2">
          {plans.map(({ plan }) => (
            <Field key={plan} label={PLAN_LABELS[plan]}>
              {(p) => <Input {...p} inputMode="numeric" value={minimums[plan] ?? "0"} onChange={(e) => setMinimums({ ...minimums, [plan]: e.target.value })} />}
            </Field>
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={pending}>
        Save billing settings
      </Button>
    </form>
  );
}
