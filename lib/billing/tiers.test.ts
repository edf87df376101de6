import { describe, expect, it } from "vitest";
import { nextTierFor, tierFor, type Tier } from "./tiers";

const TIERS: Tier[] = [
  { minSeats: 1000, discountBasisPoints: 2000 },
  { minSeats: 0, discountBasisPoints: 0 },
  { minSeats: 500, discountBasisPoints: 1500 },
  { minSeats: 100, discountBasisPoints: 1000 },
];

describe("tierFor", () => {
  it.each([
    [0, 0],
    [99, 0],
    [100, 1000],
    [101, 1000],
    [499, 1000],
    [500, 1500],
    [999, 1500],
    [1000, 2000],
    [250_000, 2000],
  ])("%i seats → %i basis points", (seats, discount) => {
    expect(tierFor(seats, TIERS).discountBasisPoints).toBe(discount);
  });

  it("gives no discount when no tier is configured", () => {
    expect(tierFor(5000, [])).toEqual({ minSeats: 0, discountBasisPoints: 0 });
  });
});

describe("nextTierFor", () => {
  it.each([
    [0, 100, 100],
    [99, 100, 1],
    [100, 500, 400],
    [999, 1000, 1],
  ])("at %i seats the next tier starts at %i (%i seats away)", (seats, minSeats, needed) => {
    expect(nextTierFor(seats, TIERS)).toMatchObject({ minSeats, seatsNeeded: needed });
  });

  it("is null at the top tier", () => {
    expect(nextTierFor(1000, TIERS)).toBeNull();
  });
});
