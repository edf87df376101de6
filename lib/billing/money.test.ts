import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { discountOf, divideRoundHalfUp, formatBasisPoints, formatCents } from "./money";

describe("divideRoundHalfUp", () => {
  it.each([
    [10, 4, 3], // 2.5 → 3
    [9, 4, 2], // 2.25 → 2
    [11, 4, 3], // 2.75 → 3
    [0, 7, 0],
    [7, 7, 1],
    [1, 3, 0], // 0.333 → 0
    [2, 3, 1], // 0.667 → 1
    [15, 10, 2], // 1.5 → 2
  ])("%i ÷ %i = %i", (n, d, expected) => {
    expect(divideRoundHalfUp(n, d)).toBe(expected);
  });

  it("matches exact rational rounding for any non-negative integers", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 20 }), (n, d) => {
        const q = divideRoundHalfUp(n, d);
        // q is the integer nearest n/d, halves going up: |n - q·d| ≤ d/2, and ties land on the upper side.
        expect(Math.abs(2 * (n - q * d))).toBeLessThanOrEqual(d);
        if (2 * (n - q * d) === d) expect.unreachable("a half must round up");
      }),
    );
  });

  it("refuses negative or non-integer input", () => {
    expect(() => divideRoundHalfUp(-1, 2)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1.5, 2)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1, 0)).toThrow(RangeError);
  });
});

describe("discountOf", () => {
  it("takes basis points of the subtotal, rounding half up", () => {
    expect(discountOf(12_345, 1000)).toBe(1235); // 1234.5 → 1235
    expect(discountOf(12_344, 1000)).toBe(1234);
    expect(discountOf(999, 0)).toBe(0);
    expect(discountOf(999, 10_000)).toBe(999);
  });
});

describe("formatting", () => {
  it("shows dollars and percentages", () => {
    expect(formatCents(123_456)).toBe("$1,234.56");
    expect(formatBasisPoints(1500)).toBe("15 %");
    expect(formatBasisPoints(1250)).toBe("12.5 %");
  });
});
