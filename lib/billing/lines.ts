// Turning usage into priced invoice lines, and lines into invoice totals (see money.ts for rounding).
import { discountOf, divideRoundHalfUp } from "./money";

export interface LineInput {
  seatDays: number;
  daysInPeriod: number;
  unitPriceCents: number;
  discountBasisPoints: number;
}

export interface PricedAmounts {
  subtotalCents: number;
  discountCents: number;
  totalCents: number;
}

export function priceLine({ seatDays, daysInPeriod, unitPriceCents, discountBasisPoints }: LineInput): PricedAmounts {
  const subtotalCents = divideRoundHalfUp(seatDays * unitPriceCents, daysInPeriod);
  const discountCents = discountOf(subtotalCents, discountBasisPoints);
  return { subtotalCents, discountCents, totalCents: subtotalCents - discountCents };
}

export function sumLines(lines: readonly PricedAmounts[]): PricedAmounts {
  return lines.reduce(
    (sum, line) => ({
      subtotalCents: sum.subtotalCents + line.subtotalCents,
      discountCents: sum.discountCents + line.discountCents,
      totalCents: sum.totalCents + line.totalCents,
    }),
    { subtotalCents: 0, discountCents: 0, totalCents: 0 },
  );
}
