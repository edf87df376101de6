"use client";
import { Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/form";
import { api } from "@/lib/client/api";
import { useApiAction } from "@/lib/client/use-api-action";

interface Row {
  minSeats: string;
  discountPercent: string;
}

/** Staff: edit the whole reseller discount table and save it at once. */
export function TiersEditor({ tiers }: { tiers: { minSeats: number; discountPercent: number }[] }) {
  const [rows, setRows] = useState<Row[]>(tiers.map((t) => ({ minSeats: String(t.minSeats), discountPercent: String(t.discountPercent) })));
  const { pending, run } = useApiAction();
  const update = (index: number, key: keyof Row, value: string) => setRows(rows.map((r, i) => (i === index ? { ...r, [key]: value } : r)));
  return (
    <div>
      <table className="w-full text-sm">
        <caption className="sr-only">Discount tiers</caption>
        <thead>
          <tr className="text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <th className="py-2 pr-4">From seats under management</th>
            <th className="py-2 pr-4">Discount (%)</th>
            <th className="py-2">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              <td className="py-1.5 pr-4">
                <Input aria-label={`Tier ${index + 1}: from seats`} inputMode="numeric" value={row.minSeats} onChange={(e) => update(index, "minSeats", e.target.value)} />
              </td>
              <td className="py-1.5 pr-4">
                <Input aria-label={`Tier ${index + 1}: discount percent`} inputMode="decimal" value={row.discountPercent} onChange={(e) => update(index, "discountPercent", e.target.value)} />
              </td>
              <td className="py-1.5">
                <Button variant="ghost" size="sm" aria-label={`Remove tier ${index + 1}`} onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                  <Trash2 aria-hidden />
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-3 flex gap-2">
        <Button variant="secondary" size="sm" onClick={() => setRows([...rows, { minSeats: "", discountPercent: "" }])}>
          <Plus aria-hidden /> Add tier
        </Button>
        <Button
          size="sm"
          disabled={pending}
          onClick={() =>
            run(() => api("/api/v1/admin/pricing/tiers", { method: "PUT", body: { tiers: rows.map((r) => ({ minSeats: Number(r.minSeats), discountPercent: Number(r.discountPercent) })) } }), {
              success: "Discount tiers saved.",
            })
          }
        >
          Save tiers
        </Button>
      </div>
    </div>
  );
}
