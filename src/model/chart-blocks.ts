import type { Aggregate, ResponseStatistics } from '../analyse/aggregate-types.ts';
import { fillText } from '../load/text-template.ts';
import type { Tone } from '../load/answer-tones.ts';
import type { ChartBlock, ChartKind, ChartRow, PreviousResult } from './report-types.ts';
import type { ChartKinds } from './chart-kinds/registry.ts';
import type { AltTextWords } from './chart-kinds/chart-kind.ts';
import { listText, type Wording } from './wording.ts';

/** What a chart block is made with: the registry of chart kinds and the sentences of alt texts. */
export interface ChartMaking {
  kinds: ChartKinds;
  altText: AltTextWords;
}

function previousResult(year: number, a: Aggregate): PreviousResult {
  return { year, n: a.n, counts: a.counts, percentages: a.percentages, positive: a.positive, neutral: a.neutral, negative: a.negative, yes: a.yes, samplingFraction: a.samplingFraction, display: a.display };
}

/** Chart blocks carry the numbers they show, so the JSON model is complete without the data. */
export function chartRow(label: string, a: Aggregate, previous?: { year: number; aggregate: Aggregate }): ChartRow {
  return {
    ...(previous ? { previous: previousResult(previous.year, previous.aggregate) } : {}),
    label,
    question: a.question,
    scope: a.scope,
    segment: a.segment,
    n: a.n,
    counts: a.counts,
    percentages: a.percentages,
    positive: a.positive,
    neutral: a.neutral,
    negative: a.negative,
    yes: a.yes,
    samplingFraction: a.samplingFraction,
    display: a.display,
  };
}

export function chartBlock(making: ChartMaking, id: string, chart: ChartKind, caption: string | null, rows: ChartRow[], decimals: number, tones?: Record<string, Tone>): ChartBlock {
  const first = rows[0]!;
  return {
    type: 'chart',
    id,
    role: 'Figure',
    chart,
    ...(tones && Object.keys(tones).length ? { tones } : {}),
    question: first.question,
    scope: first.scope,
    segment: first.segment,
    n: first.n,
    counts: first.counts,
    percentages: first.percentages,
    caption,
    rows,
    description: making.kinds.get(chart).describe(rows, decimals, making.altText),
  };
}

/** One printed line of respondent counts: a product, the respondents without one, or a combined line. */
export interface PrintedResponseLine {
  product: string;
  /** Invited for this line; null for those who named no product (the invitation list has no such group). */
  invited: number | null;
  responded: number;
  /** Response percentage; null when the line holds respondents without a product (no invited count to divide by). */
  responseRate: number | null;
  share: number;
}

/**
 * Respondent counts per product as printed, then those who named no product (the edition's
 * `organisation_only`) in their own line, so the lines add up to all respondents. Lines whose count
 * is left out (disclosure control) appear only together, as one line "A en B samen" (the wording's
 * `together`) — that sum is the total minus the others anyway.
 */
export function printableProducts(stats: ResponseStatistics, wording: Wording): PrintedResponseLine[] {
  const others = stats.organisationOnly;
  const lines = [
    ...stats.perProduct.map((p) => ({ product: p.product, invited: p.invited as number | null, responded: p.responded, responseRate: p.responseRate as number | null, share: p.share, suppression: p.suppression })),
    ...(others.responded > 0 ? [{ product: others.label, invited: null, responded: others.responded, responseRate: null, share: others.share, suppression: others.suppression }] : []),
  ];
  const strip = ({ suppression: _, ...line }: (typeof lines)[number]): PrintedResponseLine => line;
  const shown = lines.filter((p) => !p.suppression).map(strip);
  const hidden = lines.filter((p) => p.suppression);
  if (!hidden.length) return shown;
  const products = hidden.filter((p) => p.invited !== null);
  const invited = products.reduce((s, p) => s + p.invited!, 0);
  const responded = hidden.reduce((s, p) => s + p.responded, 0);
  const onlyProducts = products.length === hidden.length;
  return [
    ...shown,
    {
      product: fillText(wording.together, { producten: listText(hidden.map((p) => p.product), wording) }),
      invited: products.length ? invited : null,
      responded,
      responseRate: onlyProducts && invited > 0 ? (responded / invited) * 100 : onlyProducts ? 0 : null,
      share: stats.responded === 0 ? 0 : (responded / stats.responded) * 100,
    },
  ];
}

/**
 * The respondents per product as a bar chart. `shown` holds each printed line's share as the
 * report prints it (`shownResponseShares`): the bar labels, the alt text and the data table all
 * print that number, so the shares a reader adds are the same everywhere.
 */
export function respondentsBlock(making: ChartMaking, caption: string, id: string, stats: ResponseStatistics, products: readonly PrintedResponseLine[], shown: ReadonlyMap<string, number>): ChartBlock {
  const share = (p: { product: string; share: number }) => shown.get(p.product) ?? p.share;
  const rows: ChartRow[] = products.map((p) => ({
    label: p.product,
    question: 'respons',
    scope: p.product,
    segment: 'all',
    n: stats.responded,
    counts: { respondenten: p.responded },
    percentages: { respondenten: p.share },
    display: { respondenten: share(p) },
    positive: null,
    neutral: null,
    negative: null,
    yes: null,
  }));
  const block = chartBlock(making, id, 'respondents', caption, rows, 1);
  return {
    ...block,
    question: null,
    scope: 'organisation',
    n: stats.responded,
    counts: Object.fromEntries(products.map((p) => [p.product, p.responded])),
    percentages: Object.fromEntries(products.map((p) => [p.product, p.share])),
  };
}
