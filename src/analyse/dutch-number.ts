import { roundTo } from './rounding.ts';

const formatters = new Map<number, Intl.NumberFormat>();

/** Dutch number formatting: decimal comma, thousands point (2.700; 22,7). */
export function formatNumber(value: number, decimals = 0): string {
  let f = formatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true });
    formatters.set(decimals, f);
  }
  // Round with the report's rule first, so formatting never rounds differently.
  return f.format(roundTo(value, decimals));
}

/** "22,7%" — the report writes percentages without a space. */
export function formatPercent(value: number, decimals = 0): string {
  return `${formatNumber(value, decimals)}%`;
}
