import type { Survey } from '../load/survey.ts';
import type { Question } from '../load/questionnaire.ts';
import type { Edition } from '../load/edition.ts';
import { BLANK, SEEN_UNANSWERED } from '../load/responses.ts';
import { answeredNotAsked, routedRespondents } from './routing.ts';
import { protectAggregates, protectStatistics } from './disclosure.ts';
import { roundShares } from './rounding.ts';
import { ALL, ORGANISATION, type Aggregate, type Aggregates, type ResponseStatistics, type ShareIntervals } from './aggregate-types.ts';
import { finitePopulationCorrection, wilsonInterval } from './uncertainty.ts';

export const NO_ANSWER = 'Geen antwoord';

/** A group of respondents: a scope (organisation or product) and a segment within it. */
interface Group {
  scope: string;
  segment: string;
  /** Product index, or -1 for the organisation. */
  product: number;
  /** Segment index within the product, or -1 for all. */
  segmentIndex: number;
  /** Respondents / invited of the scope; 0 where the edition gives no invited count (segments). */
  samplingFraction: number;
}

/** Analyse stage: every question × scope × segment, plus the response statistics. */
export function aggregateSurvey(survey: Survey): Aggregates {
  const { edition, questionnaire, responses } = survey;
  const routed = routedRespondents(questionnaire, responses);
  const statistics = protectStatistics(responseStatistics(survey, answeredNotAsked(questionnaire, responses, routed)), edition.min_group_size);
  const records: Aggregate[] = [];
  for (const q of questionnaire.questions) {
    const groups = groupsFor(q, edition, statistics);
    const mask = routed.get(q.key)!;
    records.push(...(q.kind === 'multiselect' ? aggregateMultiselect(q, survey, mask, groups) : aggregateSingle(q, survey, mask, groups)));
  }
  return indexAggregates(protectAggregates(records, statistics, edition), statistics);
}

/** Wraps records with a lookup; also used for aggregates read back from JSON. */
export function indexAggregates(records: Aggregate[], statistics: ResponseStatistics): Aggregates {
  const index = new Map<string, Aggregate>();
  for (const a of records) index.set(`${a.question}\u0000${a.scope}\u0000${a.segment}`, a);
  return {
    records,
    statistics,
    get: (question, scope, segment = ALL) => index.get(`${question}\u0000${scope}\u0000${segment}`),
  };
}

function groupsFor(q: Question, edition: Edition, statistics: ResponseStatistics): Group[] {
  const groups: Group[] = [];
  const fraction = (responded: number, invited: number) => (invited > 0 ? Math.min(1, responded / invited) : 0);
  if (q.asked.organisation) groups.push({ scope: ORGANISATION, segment: ALL, product: -1, segmentIndex: -1, samplingFraction: fraction(statistics.responded, statistics.invited) });
  const products = q.asked.products;
  edition.products.forEach((p, pi) => {
    const asked = products === 'all' || (Array.isArray(products) && products.includes(p.key));
    if (!asked) return;
    const stats = statistics.perProduct[pi]!;
    groups.push({ scope: p.name, segment: ALL, product: pi, segmentIndex: -1, samplingFraction: fraction(stats.responded, stats.invited) });
    p.segments.forEach((s, si) => groups.push({ scope: p.name, segment: s.key, product: pi, segmentIndex: si, samplingFraction: 0 }));
  });
  return groups;
}

/**
 * Respondents by cell: one cell per (product, segment) pair, one per product without a segment,
 * and cell 0 for respondents without a product. A question is tallied per cell in one tight pass
 * (one increment per respondent), and the groups are sums of cells: a million respondents pass
 * through that loop once per question and per option of a multiselect question.
 */
interface Cells {
  of: Uint16Array;
  count: number;
  /** The cell of product p without a segment is first[p]; its segment s is first[p] + 1 + s. */
  first: Int32Array;
}

const cellCache = new WeakMap<Survey['responses'], Cells>();

function cellsOf(survey: Survey): Cells {
  const cached = cellCache.get(survey.responses);
  if (cached) return cached;
  const { product, segment, count } = survey.responses;
  const products = survey.edition.products;
  const first = new Int32Array(products.length);
  let next = 1;
  products.forEach((p, pi) => {
    first[pi] = next;
    next += 1 + p.segments.length;
  });
  const of = new Uint16Array(count);
  for (let r = 0; r < count; r++) {
    const p = product[r]!;
    if (p < 0) continue;
    const s = segment[r]!;
    of[r] = first[p]! + (s >= 0 ? 1 + s : 0);
  }
  const cells = { of, count: next, first };
  cellCache.set(survey.responses, cells);
  return cells;
}

/** Group rows from the per-cell tallies (`hist[cell * width + slot]`): the organisation sums every cell. */
function groupTallies(survey: Survey, cells: Cells, groups: Group[], width: number, hist: Int32Array): { asked: number[]; counts: number[][] } {
  const products = survey.edition.products;
  const counts = groups.map((g) => {
    const row = new Array<number>(width).fill(0);
    let from: number;
    let to: number;
    if (g.product < 0) [from, to] = [0, cells.count];
    else if (g.segmentIndex < 0) [from, to] = [cells.first[g.product]!, cells.first[g.product]! + 1 + products[g.product]!.segments.length];
    else [from, to] = [cells.first[g.product]! + 1 + g.segmentIndex, cells.first[g.product]! + 2 + g.segmentIndex];
    for (let c = from; c < to; c++) for (let s = 0; s < width; s++) row[s]! += hist[c * width + s]!;
    return row;
  });
  return { asked: counts.map((row) => row.reduce((a, b) => a + b, 0)), counts };
}

/** Per-cell tallies of a 0/1 array (a multiselect option, or "ticked anything"). */
function tallyFlags(cells: Cells, mask: Uint8Array, flags: Uint8Array): Int32Array {
  const hist = new Int32Array(cells.count * 2);
  const of = cells.of;
  for (let r = 0; r < flags.length; r++) if (mask[r]) hist[of[r]! * 2 + flags[r]!]!++;
  return hist;
}

function aggregateSingle(q: Question, survey: Survey, mask: Uint8Array, groups: Group[]): Aggregate[] {
  const codes = survey.responses.answers.get(q.key)!;
  const answers = q.answers;
  const noAnswer = answers.length; // blank or -99 among routed respondents
  // Code → slot as a table over the codes' range (BLANK, -99 and unknown codes: no answer).
  const min = Math.min(...answers.map((a) => a.code));
  const max = Math.max(...answers.map((a) => a.code));
  const slotOf = new Int32Array(max - min + 1).fill(noAnswer);
  answers.forEach((a, i) => {
    if (a.code !== BLANK && a.code !== SEEN_UNANSWERED) slotOf[a.code - min] = i;
  });
  const width = answers.length + 1;
  const cells = cellsOf(survey);
  const of = cells.of;
  const hist = new Int32Array(cells.count * width);
  for (let r = 0; r < codes.length; r++) {
    if (!mask[r]) continue;
    const c = codes[r]!;
    hist[of[r]! * width + (c >= min && c <= max ? slotOf[c - min]! : noAnswer)]!++;
  }
  const { asked, counts } = groupTallies(survey, cells, groups, width, hist);
  return groups.map((g, gi) => {
    const row = counts[gi]!;
    const substantive = answers.map((a, i) => ({ a, count: row[i]! })).filter((x) => x.a.substantive);
    const n = substantive.reduce((s, x) => s + x.count, 0);
    const pct = (c: number) => (n === 0 ? 0 : (c / n) * 100);
    const sumPolarity = (pol: string) => substantive.filter((x) => x.a.polarity === pol).reduce((s, x) => s + pct(x.count), 0);
    const hasLikert = substantive.some((x) => x.a.polarity === 'neutral');
    const nonSubstantive: Record<string, number> = {};
    answers.forEach((a, i) => {
      if (!a.substantive) nonSubstantive[a.label] = row[i]!;
    });
    nonSubstantive[NO_ANSWER] = row[noAnswer]!;
    return finish(q, g, survey, {
      n,
      asked: asked[gi]!,
      counts: Object.fromEntries(substantive.map((x) => [x.a.label, x.count])),
      percentages: Object.fromEntries(substantive.map((x) => [x.a.label, pct(x.count)])),
      positive: hasLikert ? sumPolarity('positive') : null,
      neutral: hasLikert ? sumPolarity('neutral') : null,
      negative: hasLikert ? sumPolarity('negative') : null,
      yes: q.kind === 'yesno' ? sumPolarity('yes') : null,
      nonSubstantive,
    });
  });
}

function aggregateMultiselect(q: Question, survey: Survey, mask: Uint8Array, groups: Group[]): Aggregate[] {
  const options = q.options ?? [];
  const ticks = survey.responses.selections.get(q.key)!;
  // Slot 0: asked but nothing ticked; slot 1: ticked at least one. Option tallies are separate.
  const cells = cellsOf(survey);
  const optionTallies = options.map((_, oi) => groupTallies(survey, cells, groups, 2, tallyFlags(cells, mask, ticks[oi]!)));
  const any = new Uint8Array(survey.responses.count);
  for (const t of ticks) for (let r = 0; r < any.length; r++) any[r]! |= t[r]!;
  const { asked, counts } = groupTallies(survey, cells, groups, 2, tallyFlags(cells, mask, any));
  return groups.map((g, gi) => {
    const n = counts[gi]![1]!;
    const optionCounts = options.map((o, oi) => [o.label, optionTallies[oi]!.counts[gi]![1]!] as const);
    return finish(q, g, survey, {
      n,
      asked: asked[gi]!,
      counts: Object.fromEntries(optionCounts),
      percentages: Object.fromEntries(optionCounts.map(([l, c]) => [l, n === 0 ? 0 : (c / n) * 100])),
      positive: null,
      neutral: null,
      negative: null,
      yes: null,
      nonSubstantive: { [NO_ANSWER]: counts[gi]![0]! },
    });
  });
}

type Measured = Omit<Aggregate, 'question' | 'kind' | 'scope' | 'segment' | 'display' | 'suppressed' | 'suppression' | 'samplingFraction' | 'intervals'>;

/** 95 % intervals of every share of a group (see uncertainty.ts). */
function intervalsOf(m: Measured, samplingFraction: number): ShareIntervals {
  const fpc = finitePopulationCorrection(m.n, samplingFraction);
  const of = (share: number | null) => (share === null ? null : wilsonInterval(Math.round((share * m.n) / 100), m.n, fpc));
  return {
    answers: Object.fromEntries(Object.entries(m.counts).map(([label, count]) => [label, wilsonInterval(count, m.n, fpc)])),
    positive: of(m.positive),
    neutral: of(m.neutral),
    negative: of(m.negative),
    yes: of(m.yes),
  };
}

function finish(q: Question, g: Group, survey: Survey, m: Measured): Aggregate {
  const decimals = survey.edition.rounding.chart_decimals;
  return {
    question: q.key,
    kind: q.kind,
    scope: g.scope,
    segment: g.segment,
    n: m.n,
    counts: m.counts,
    percentages: m.percentages,
    // A bar's segments add up to 100; a multiselect's options are separate shares of n.
    display: q.kind === 'multiselect' ? roundShares(m.percentages, decimals, 'independent') : roundShares(m.percentages, decimals, survey.edition.rounding.shares),
    positive: m.positive,
    neutral: m.neutral,
    negative: m.negative,
    yes: m.yes,
    asked: m.asked,
    nonSubstantive: m.nonSubstantive,
    // Set by protectAggregates, which also hides groups from which a small one can be derived.
    suppressed: m.n < survey.edition.min_group_size,
    samplingFraction: g.samplingFraction,
    intervals: intervalsOf(m, g.samplingFraction),
    suppression: m.n < survey.edition.min_group_size ? 'too-few' : null,
  };
}

/** Respondent counts before disclosure control (`suppression` still null everywhere). */
export function responseStatistics(survey: Survey, notAsked: ResponseStatistics['answeredNotAsked'] = []): ResponseStatistics {
  const { edition, responses } = survey;
  const rate = (part: number, whole: number) => (whole === 0 ? 0 : (part / whole) * 100);
  let complete = 0;
  for (let r = 0; r < responses.count; r++) complete += responses.finished[r]!;
  const perProduct = edition.products.map((p, pi) => {
    let responded = 0;
    const seg = p.segments.map(() => 0);
    for (let r = 0; r < responses.count; r++) {
      if (responses.product[r] !== pi) continue;
      responded++;
      const s = responses.segment[r]!;
      if (s >= 0) seg[s]!++;
    }
    return {
      product: p.name,
      invited: p.invited,
      responded,
      responseRate: rate(responded, p.invited),
      share: rate(responded, responses.count),
      suppression: null,
      segments: p.segments.map((s, si) => ({ segment: s.key, responded: seg[si]!, suppression: null })),
    };
  });
  const inProducts = perProduct.reduce((sum, p) => sum + p.responded, 0);
  const others = responses.count - inProducts;
  return {
    invited: edition.invited,
    received: responses.received,
    excluded: responses.excluded,
    responded: responses.count,
    responseRate: rate(responses.count, edition.invited),
    complete,
    answeredNotAsked: notAsked,
    perProduct,
    organisationOnly: { label: edition.organisation_only.label, responded: others, share: rate(others, responses.count), suppression: null },
  };
}
