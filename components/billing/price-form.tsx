"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/form";
import { api, ApiError } from "@/lib/client/api";
import { useApiAction } from "@/lib/client/use-api-action";
import { PLAN_LABELS, SEAT_PLANS } from "@/lib/billing/plans";

/** Staff: schedule a seat price for a plan from the 1st of a month. */
export function PriceForm({ defaultEffectiveFrom }: { defaultEffectiveFrom: string }) {
  const { pending, run } = useApiAction();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [form, setForm] = useState({ plan: SEAT_PLANS[0] as string, price: "", effectiveFrom: defaultEffectiveFrom });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFields({});
    const cents = Math.round(Number(form.price) * 100);
    await run(
      async () => {
        try {
          return await api("/api/v1/admin/pricing/prices", { body: { plan: form.plan, unitPriceCents: Number.isFinite(cents) ? cents : -1, effectiveFrom: form.effectiveFrom } });
        } catch (error) {
          if (error instanceof ApiError) setFields({ price: error.fields?.unitPriceCents ?? "", effectiveFrom: error.fields?.effectiveFrom ?? "" });
          throw error;
        }
      },
      { success: "Price scheduled." },
    );
  }

  return (
    <form onSubmit={submit} className="grid grid-cols-1 items-end gap-4 sm:grid-cols-4" noValidate>
      <Field label="Plan">
        {(p) => (
          <Select {...p} value={form.plan} onChange={(e) => setForm({ ...form, plan: e.target.value })}>
            {SEAT_PLANS.map((plan) => (
              <option key={plan} value={plan}>
                {PLAN_LABELS[plan]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Price per seat / month (USD)" error={fields.price || undefined}>
        {(p) => <Input {...p} inputMode="decimal" placeholder="4.00" value={form.price} onChange={(e) => setForm({ ...form, price: e.target.value })} />}
      </Field>
      <Field label="Effective from" hint="The 1st of a month." error={fields.effectiveFrom || undefined}>
        {(p) => <Input {...p} type="date" value={form.effectiveFrom} onChange={(e) => setForm({ ...form, effectiveFrom: e.target.value })} />}
      </Field>
      <Button type="submit" disabled={pending}>
        Schedule price
      </Button>
    </form>
  );
}
