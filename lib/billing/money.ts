// Money is integer cents (USD) everywhere. Rounding rules, applied per invoice line:
//   1. subtotal = round_half_up(seat_days × unit_price_cents ÷ days_in_period)
//   2. discount = round_half_up(subtotal × discount_basis_points ÷ 10 000)
//   3. total    = subtotal − discount
//   4. an invoice's subtotal, discount and total are the sums of its lines, so they always add up.
// round_half_up rounds exact halves away from zero (all amounts here are ≥ 0).

/** round_half_up(numerator ÷ denominator) for non-negative integers, exactly (no floating point). */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator <= 0) {
    throw new RangeError(`divideRoundHalfUp needs non-negative safe integers, got ${numerator}/${denominator}`);
  }
  const big = (2n * BigInt(numerator) + BigInt(denominator)) / (2n * BigInt(denominator));
  return Number(big);
}

export const BASIS_POINTS = 10_000;

export function discountOf(subtotalCents: number, discountBasisPoints: number): number {
  return divideRoundHalfUp(subtotalCents * discountBasisPoints, BASIS_POINTS);
}

export function formatCents(cents: number, currency = "USD"): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
}

export function formatBasisPoints(basisPoints: number): string {
  return `${(basisPoints / 100).toLocaleString("en-US", { maximumFractionDigits: 2 })} %`;
}
