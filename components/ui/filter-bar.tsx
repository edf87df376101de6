import type { ReactNode } from "react";
import { Search } from "lucide-react";
import { Button } from "./button";
import { Input, Label, Select } from "./form";

/**
 * Search and filters for a server-rendered list: a plain GET form, so it works without JavaScript
 * and the filters live in the URL (shareable, and kept by the pager).
 */
export function FilterBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <form method="get" role="search" aria-label={label} className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3">
      {children}
      <Button type="submit" variant="secondary">
        Apply
      </Button>
    </form>
  );
}

export function SearchInput({ name = "q", label, defaultValue, placeholder }: { name?: string; label: string; defaultValue?: string; placeholder?: string }) {
  return (
    <div className="min-w-48 flex-1 space-y-1">
      <Label htmlFor={`filter-${name}`}>{label}</Label>
      <div className="relative">
        <Search aria-hidden className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-400" />
        <Input id={`filter-${name}`} name={name} type="search" defaultValue={defaultValue} placeholder={placeholder} className="pl-8" />
      </div>
    </div>
  );
}

export function FilterSelect({ name, label, defaultValue, options }: { name: string; label: string; defaultValue?: string; options: { value: string; label: string }[] }) {
  return (
    <div className="space-y-1">
      <Label htmlFor={`filter-${name}`}>{label}</Label>
      <Select id={`filter-${name}`} name={name} defaultValue={defaultValue ?? ""}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

/** The list URL with the current filters and a cursor (null: first page). */
export function listHref(base: string, params: Record<string, string | undefined>, cursor: string | null): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  if (cursor) search.set("cursor", cursor);
  const query = search.toString();
  return query ? `${base}?${query}` : base;
}
