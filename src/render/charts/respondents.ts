import type { ResponseStatistics } from '../../analyse/aggregate-types.ts';
import { simpleBarsSpec } from './simple-bars.ts';
import { formatCount, formatPercent, theme } from './theme.ts';
import type { ChartBuilder } from './types.ts';

/** Respondents per product in the given order: a bar per product, "269 (43,9%)" after it. */
export const respondentsChart: ChartBuilder<Pick<ResponseStatistics['perProduct'][number], 'product' | 'responded' | 'share'>[]> = (products, options) =>
  simpleBarsSpec(
    products.map((p) => ({
      label: p.product,
      value: p.responded,
      text: `${formatCount(p.responded)} (${formatPercent(p.share, options.decimals)})`,
    })),
    options.width,
    theme.colours.respondents,
  );
