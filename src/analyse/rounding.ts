/**
 * The one rounding rule of the report: half away from zero, on the decimal value as a reader
 * would round it (12.25 → 12.3), not on its binary approximation.
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const shifted = Number((Math.abs(value) * factor).toPrecision(12));
  return (Math.sign(value) * Math.round(shifted)) / factor;
}
