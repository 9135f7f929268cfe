import type { ResponseStatistics } from '../analyse/aggregate-types.ts';
import { roundShares, type ShareRounding } from '../analyse/rounding.ts';

/**
 * Each product's share of all respondents as the report prints it (one decimal): in the response
 * table, on the product's divider and in the narrative ({{respons "aandeel"}}), always the same
 * number, and adding up to 100,0 unless the edition rounds independently.
 */
export function shownResponseShares(statistics: ResponseStatistics, rule: ShareRounding): Map<string, number> {
  const rounded = roundShares(Object.fromEntries(statistics.perProduct.map((p) => [p.product, p.share])), 1, rule);
  return new Map(statistics.perProduct.map((p) => [p.product, rounded[p.product]!]));
}
