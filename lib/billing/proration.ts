// Day-based proration from the seat ledger. Each ledger entry is an organization's state (provider,
// plan, seats) from `effectiveAt` on. A day is billed in the state the organization is in at the
// END of that day (UTC): a client added on the 15th is billed from the 15th; one removed on the 20th
// is not billed for the 20th; a seat increase on the 15th counts from the 15th.
import type { Period } from "./period";

export interface LedgerState {
  effectiveAt: Date;
  providerId: string | null;
  plan: string;
  seats: number;
}

export interface BilledUsage {
  providerId: string | null;
  plan: string;
  /** Σ seats over the billed days. */
  seatDays: number;
  /** Days billed in this (provider, plan). */
  days: number;
  /** Seats on the last billed day. */
  seatsAtEnd: number;
}

const DAY = 86_400_000;

/** The organization's state on each day of the period (undefined before its first entry). `entries` sorted by time. */
export function dailyStates(entries: readonly LedgerState[], period: Period): (LedgerState | undefined)[] {
  const days: (LedgerState | undefined)[] = [];
  let index = -1;
  for (let day = 0; day < period.days; day++) {
    const endOfDay = period.start.getTime() + (day + 1) * DAY;
    while (index + 1 < entries.length && entries[index + 1]!.effectiveAt.getTime() < endOfDay) index++;
    days.push(entries[index]);
  }
  return days;
}

/** Seat-days per (provider, plan) for one organization in one period. `entries` sorted by time. */
export function usageInPeriod(entries: readonly LedgerState[], period: Period): BilledUsage[] {
  return usageFromDays(dailyStates(entries, period));
}

export function usageFromDays(days: readonly (LedgerState | undefined)[]): BilledUsage[] {
  const usage = new Map<string, BilledUsage>();
  for (const state of days) {
    if (!state || state.seats <= 0) continue;
    const key = `${state.providerId ?? ""}|${state.plan}`;
    const current = usage.get(key) ?? { providerId: state.providerId, plan: state.plan, seatDays: 0, days: 0, seatsAtEnd: 0 };
    current.seatDays += state.seats;
    current.days += 1;
    current.seatsAtEnd = state.seats;
    usage.set(key, current);
  }
  return [...usage.values()];
}
