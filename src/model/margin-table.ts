import { formatNumber, formatPercent } from '../analyse/dutch-number.ts';
import { finitePopulationCorrection, margin, wilsonInterval } from '../analyse/uncertainty.ts';
import type { TableBlock } from './report-types.ts';

/** Group sizes shown in the margin table: from the minimum group size up to the whole response. */
const SIZES = [10, 20, 30, 50, 100, 200, 500, 1000];
/** Shares shown as columns: the margin is largest at 50 % and shrinks towards 0 and 100. */
const SHARES = [50, 25, 10];

export interface MarginTableText {
  caption: string;
  /** First column's header; the other headers are "bij 50%", "bij 25% of 75%" … */
  sizeHeader: string;
  shareHeader: (share: string, complement: string) => string;
}

/**
 * The ± points (half the width of the 95 % Wilson interval, with the finite population
 * correction at the edition's response rate) for typical group sizes, computed — never typed.
 */
export function marginTable(id: string, minGroupSize: number, responded: number, responseFraction: number, text: MarginTableText, decimals = 0): TableBlock {
  const sizes = [...new Set([minGroupSize, ...SIZES])].filter((n) => n >= minGroupSize && n <= responded).sort((a, b) => a - b);
  const rows = sizes.map((n) => {
    const fpc = finitePopulationCorrection(n, responseFraction);
    return [
      formatNumber(n),
      ...SHARES.map((share) => `± ${formatNumber(margin(wilsonInterval((share / 100) * n, n, fpc)), decimals)}`),
    ];
  });
  return {
    type: 'table',
    id,
    role: 'Table',
    caption: text.caption,
    header: [text.sizeHeader, ...SHARES.map((s) => text.shareHeader(formatPercent(s), formatPercent(100 - s)))],
    rows,
    align: ['right', ...SHARES.map(() => 'right' as const)],
    totalRow: false,
  };
}
