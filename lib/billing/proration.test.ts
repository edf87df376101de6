import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePeriod } from "./period";
import { usageInPeriod, type LedgerState } from "./proration";

const NOV = parsePeriod("2026-11"); // 30 days
const at = (iso: string) => new Date(iso);
const state = (effectiveAt: string, seats: number, providerId: string | null = "p", plan = "TEAMS_MONTHLY"): LedgerState => ({
  effectiveAt: at(effectiveAt),
  providerId,
  plan,
  seats,
});

describe("usageInPeriod", () => {
  it("bills a whole month for a client that existed all month", () => {
    expect(usageInPeriod([state("2026-10-03T10:00:00Z", 10)], NOV)).toEqual([{ providerId: "p", plan: "TEAMS_MONTHLY", seatDays: 300, days: 30, seatsAtEnd: 10 }]);
  });

  it("bills from the day a client is added, and not the day it is removed", () => {
    const usage = usageInPeriod([state("2026-11-15T10:00:00Z", 10), state("2026-11-20T09:00:00Z", 10, null)], NOV);
    // Nov 15..19 with the provider (5 days), Nov 20..30 self-billed (11 days).
    expect(usage).toEqual([
      { providerId: "p", plan: "TEAMS_MONTHLY", seatDays: 50, days: 5, seatsAtEnd: 10 },
      { providerId: null, plan: "TEAMS_MONTHLY", seatDays: 110, days: 11, seatsAtEnd: 10 },
    ]);
  });

  it("counts a seat change from its day, and several changes in one day as the last", () => {
    const usage = usageInPeriod(
      [state("2026-10-01T00:00:00Z", 10), state("2026-11-11T08:00:00Z", 20), state("2026-11-11T09:00:00Z", 15), state("2026-11-21T00:00:00Z", 5)],
      NOV,
    );
    // Nov 1..10: 10 seats; Nov 11..20: 15 seats; Nov 21..30: 5 seats.
    expect(usage).toEqual([{ providerId: "p", plan: "TEAMS_MONTHLY", seatDays: 100 + 150 + 50, days: 30, seatsAtEnd: 5 }]);
  });

  it("splits by plan when the plan changes", () => {
    const usage = usageInPeriod([state("2026-10-01T00:00:00Z", 10), state("2026-11-16T12:00:00Z", 10, "p", "ENTERPRISE_MONTHLY")], NOV);
    expect(usage.map((u) => [u.plan, u.seatDays])).toEqual([
      ["TEAMS_MONTHLY", 150],
      ["ENTERPRISE_MONTHLY", 150],
    ]);
  });

  it("ignores changes after the period and bills nothing before the first entry", () => {
    expect(usageInPeriod([state("2026-12-01T00:00:00Z", 10)], NOV)).toEqual([]);
    expect(usageInPeriod([state("2026-11-30T23:59:59Z", 10)], NOV)).toEqual([{ providerId: "p", plan: "TEAMS_MONTHLY", seatDays: 10, days: 1, seatsAtEnd: 10 }]);
  });

  it("never bills more seat-days than the most seats for every day, nor fewer than the fewest", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 29 }), seats: fc.integer({ min: 1, max: 500 }) }), { minLength: 1, maxLength: 10 }),
        (changes) => {
          const entries = [state("2026-10-01T00:00:00Z", changes[0]!.seats)].concat(
            [...changes].sort((a, b) => a.day - b.day).map((c) => state(new Date(NOV.start.getTime() + c.day * 86_400_000 + 3_600_000).toISOString(), c.seats)),
          );
          const [usage] = usageInPeriod(entries, NOV);
          const seats = entries.map((e) => e.seats);
          expect(usage!.seatDays).toBeLessThanOrEqual(Math.max(...seats) * 30);
          expect(usage!.seatDays).toBeGreaterThanOrEqual(Math.min(...seats) * 30);
          expect(usage!.days).toBe(30);
        },
      ),
    );
  });
});
