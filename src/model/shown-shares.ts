import { roundShares, type ShareRounding } from '../analyse/rounding.ts';
import type { PrintedResponseLine } from './chart-blocks.ts';

/**
 * Each product's share of all respondents as the report prints it (one decimal): in the response
 * table, the respondents chart (label, alt text and data table), on the product's divider and in
 * the narrative ({{respons "aandeel"}}), always the same number, and adding up to 100,0 unless the
 * edition rounds independently. The shares rounded together are the ones printed together: products
 * left out by disclosure control count as their one combined line ("A en B samen").
 */
export function shownResponseShares(printed: readonly PrintedResponseLine[], rule: ShareRounding): Map<string, number> {
  const rounded = roundShares(Object.fromEntries(printed.map((p) => [p.product, p.share])), 1, rule);
  return new Map(printed.map((p) => [p.product, rounded[p.product]!]));
}
