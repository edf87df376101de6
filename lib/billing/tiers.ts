// Reseller discount tiers: a provider gets the tier with the highest minimum not above its seats
// under management (Teams and Enterprise seats of all its organizations, its internal one included).
export interface Tier {
  minSeats: number;
  discountBasisPoints: number;
}

export function tierFor(seats: number, tiers: readonly Tier[]): Tier {
  const sorted = [...tiers].sort((a, b) => a.minSeats - b.minSeats);
  let current: Tier = { minSeats: 0, discountBasisPoints: 0 };
  for (const tier of sorted) if (tier.minSeats <= seats) current = tier;
  return current;
}

export function nextTierFor(seats: number, tiers: readonly Tier[]): (Tier & { seatsNeeded: number }) | null {
  const next = [...tiers].sort((a, b) => a.minSeats - b.minSeats).find((t) => t.minSeats > seats);
  return next ? { ...next, seatsNeeded: next.minSeats - seats } : null;
}
