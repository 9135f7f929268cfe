/**
 * The one rounding rule of the report: half away from zero, on the decimal value as a reader
 * would round it (12.25 → 12.3), not on its binary approximation.
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const shifted = Number((Math.abs(value) * factor).toPrecision(12));
  return (Math.sign(value) * Math.round(shifted)) / factor;
}

/**
 * Shares a reader adds (a bar's segments, positive/neutral/negative in one sentence, a table
 * column with a total) rounded so that they add up to their rounded total, normally 100: the
 * largest remainder method (Hamilton). Each share is rounded down to `decimals`, and the units
 * still missing go to the shares that lost most by rounding down (ties: the larger share, then
 * the first). No share moves by a full unit or more from its exact value.
 */
export function roundToSum(values: readonly number[], decimals: number): number[] {
  const factor = 10 ** decimals;
  const scaled = values.map((v) => Number((v * factor).toPrecision(12)));
  const floors = scaled.map(Math.floor);
  const target = Math.round(Number(scaled.reduce((s, v) => s + v, 0).toPrecision(12)));
  let missing = target - floors.reduce((s, v) => s + v, 0);
  const order = scaled
    .map((v, i) => ({ i, remainder: v - floors[i]!, v }))
    .sort((a, b) => b.remainder - a.remainder || b.v - a.v || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i]!++;
    missing--;
  }
  return floors.map((f) => f / factor);
}

/** How shares shown together are rounded (edition.yaml `rounding.shares`). */
export type ShareRounding = 'largest-remainder' | 'independent';

/** A set of shares by key, rounded as the edition says. */
export function roundShares(shares: Record<string, number>, decimals: number, rule: ShareRounding): Record<string, number> {
  const keys = Object.keys(shares);
  if (rule === 'independent') return Object.fromEntries(keys.map((k) => [k, roundTo(shares[k]!, decimals)]));
  const rounded = roundToSum(keys.map((k) => shares[k]!), decimals);
  return Object.fromEntries(keys.map((k, i) => [k, rounded[i]!]));
}
