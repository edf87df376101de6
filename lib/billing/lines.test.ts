import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { priceLine, sumLines } from "./lines";

const lineArb = fc.record({
  seatDays: fc.integer({ min: 0, max: 100_000 * 31 }),
  daysInPeriod: fc.constantFrom(28, 29, 30, 31),
  unitPriceCents: fc.integer({ min: 0, max: 10_000 }),
  discountBasisPoints: fc.integer({ min: 0, max: 10_000 }),
});

describe("priceLine", () => {
  it("prorates by day: 10 seats for 15 of 30 days at $4 is $20", () => {
    expect(priceLine({ seatDays: 150, daysInPeriod: 30, unitPriceCents: 400, discountBasisPoints: 0 })).toEqual({ subtotalCents: 2000, discountCents: 0, totalCents: 2000 });
  });

  it("rounds the prorated amount and the discount half up, per line", () => {
    // 7 seat-days of a 31-day month at $6: 4200/31 = 135.48 → 135; 10 % of 135 = 13.5 → 14.
    expect(priceLine({ seatDays: 7, daysInPeriod: 31, unitPriceCents: 600, discountBasisPoints: 1000 })).toEqual({ subtotalCents: 135, discountCents: 14, totalCents: 121 });
  });

  it("is never negative and the total never exceeds the subtotal", () => {
    fc.assert(
      fc.property(lineArb, (input) => {
        const line = priceLine(input);
        expect(line.totalCents).toBeGreaterThanOrEqual(0);
        expect(line.discountCents).toBeGreaterThanOrEqual(0);
        expect(line.totalCents).toBeLessThanOrEqual(line.subtotalCents);
        expect(line.subtotalCents - line.discountCents).toBe(line.totalCents);
      }),
    );
  });

  it("is monotone in seats: more seat-days never cost less", () => {
    fc.assert(
      fc.property(lineArb, fc.integer({ min: 1, max: 10_000 }), (input, more) => {
        expect(priceLine({ ...input, seatDays: input.seatDays + more }).totalCents).toBeGreaterThanOrEqual(priceLine(input).totalCents);
      }),
    );
  });
});

describe("sumLines", () => {
  it("makes invoice totals exactly the sum of the lines", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 50 }), (inputs) => {
        const lines = inputs.map(priceLine);
        const total = sumLines(lines);
        expect(total.totalCents).toBe(lines.reduce((s, l) => s + l.totalCents, 0));
        expect(total.subtotalCents - total.discountCents).toBe(total.totalCents);
      }),
    );
  });
});
