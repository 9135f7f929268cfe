import { roundTo } from './rounding.ts';

const formatters = new Map<number, Intl.NumberFormat>();
/** Formatted numbers by decimals and value: a report formats ≈ 10,000 numbers, ≈ 1,600 distinct. */
const formatted = new Map<number, Map<number, string>>();
const KEPT_PER_DECIMALS = 20_000;

/** Dutch number formatting: decimal comma, thousands point (2.700; 22,7). */
export function formatNumber(value: number, decimals = 0): string {
  let byValue = formatted.get(decimals);
  // -0 is a key of its own ("-0"), which a Map would take for 0.
  let text = Object.is(value, -0) ? undefined : byValue?.get(value);
  if (text !== undefined) return text;
  let f = formatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true });
    formatters.set(decimals, f);
  }
  // Round with the report's rule first, so formatting never rounds differently.
  text = f.format(roundTo(value, decimals));
  if (!Object.is(value, -0)) {
    if (!byValue) formatted.set(decimals, (byValue = new Map()));
    else if (byValue.size >= KEPT_PER_DECIMALS) byValue.clear();
    byValue.set(value, text);
  }
  return text;
}

/** "22,7%" — the report writes percentages without a space. */
export function formatPercent(value: number, decimals = 0): string {
  return `${formatNumber(value, decimals)}%`;
}
