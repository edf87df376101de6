import { cn } from "@/lib/cn";

/** "occupied / assigned" with a small bar; amber from 90 % used, red when full. */
export function SeatUsage({ occupied, seats, className }: { occupied: number; seats: number; className?: string }) {
  const ratio = seats > 0 ? Math.min(1, occupied / seats) : 1;
  const tone = ratio >= 1 ? "bg-red-500" : ratio >= 0.9 ? "bg-amber-500" : "bg-brand-600";
  return (
    <div className={cn("min-w-28", className)}>
      <div className="tabular text-sm text-slate-800">
        <span aria-hidden>
          {occupied.toLocaleString("en-US")} / {seats.toLocaleString("en-US")}
        </span>
        <span className="sr-only">
          {occupied.toLocaleString("en-US")} of {seats.toLocaleString("en-US")} seats occupied
        </span>
      </div>
      <div aria-hidden className="mt-1 h-1.5 w-full overflow-hidden rounded-full bg-slate-200">
        <div className={cn("h-full rounded-full", tone)} style={{ width: `${Math.round(ratio * 100)}%` }} />
      </div>
    </div>
  );
}
