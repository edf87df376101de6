import { formatBasisPoints } from "@/lib/billing/money";

/** Current reseller tier and how far the next one is, as text and a bar. */
export function TierProgress({
  seats,
  tier,
  nextTier,
}: {
  seats: number;
  tier: { minSeats: number; discountBasisPoints: number };
  nextTier: { minSeats: number; discountBasisPoints: number; seatsNeeded: number } | null;
}) {
  const span = nextTier ? nextTier.minSeats - tier.minSeats : 1;
  const progress = nextTier ? Math.min(100, Math.round(((seats - tier.minSeats) / span) * 100)) : 100;
  return (
    <div>
      <div className="flex items-baseline justify-between gap-4">
        <div>
          <div className="text-sm text-slate-600">Current reseller discount</div>
          <div className="text-3xl font-semibold text-slate-900">{formatBasisPoints(tier.discountBasisPoints)}</div>
          <div className="text-xs text-slate-500">from {tier.minSeats.toLocaleString("en-US")} seats under management</div>
        </div>
        <div className="text-right text-sm text-slate-600">
          {nextTier ? (
            <>
              <span className="font-semibold text-slate-900">{nextTier.seatsNeeded.toLocaleString("en-US")}</span> more seats to reach{" "}
              <span className="font-semibold text-slate-900">{formatBasisPoints(nextTier.discountBasisPoints)}</span>
              <div className="text-xs text-slate-500">at {nextTier.minSeats.toLocaleString("en-US")} seats</div>
            </>
          ) : (
            "Top tier reached"
          )}
        </div>
      </div>
      <div
        className="mt-3 h-2 overflow-hidden rounded-full bg-slate-200"
        role="progressbar"
        aria-label="Progress to the next discount tier"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress}
      >
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${progress}%` }} />
      </div>
    </div>
  );
}
