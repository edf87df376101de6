import Link from "next/link";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { TH } from "@/components/ui/table";
import { cn } from "@/lib/cn";

/**
 * A sortable column header: a plain link (works without JavaScript) that sorts by this column, or
 * flips the order when it already does. `aria-sort` tells screen readers the current order.
 */
export function SortHeader({
  label,
  active,
  order,
  href,
  className,
}: {
  label: string;
  active: boolean;
  order: "asc" | "desc";
  href: string;
  className?: string;
}) {
  const Icon = !active ? ArrowUpDown : order === "asc" ? ArrowUp : ArrowDown;
  return (
    <TH aria-sort={active ? (order === "asc" ? "ascending" : "descending") : "none"} className={className}>
      <Link href={href} className={cn("inline-flex items-center gap-1 hover:text-slate-900", active ? "text-slate-900" : undefined)}>
        {label}
        <Icon aria-hidden className={cn("size-3.5", active ? "text-brand-600" : "text-slate-400")} />
        <span className="sr-only">{active ? `, sorted ${order === "asc" ? "ascending" : "descending"}; select to reverse` : ", select to sort"}</span>
      </Link>
    </TH>
  );
}
