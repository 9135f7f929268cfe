import type { Edition } from '../load/edition.ts';
import { ALL, ORGANISATION, type Aggregate, type ResponseStatistics, type Suppression } from './aggregate-types.ts';

/**
 * Disclosure control for tables of totals and parts.
 *
 * The report publishes, per question, a total (Logius as a whole) and its parts (the products),
 * and per product a total and its parts (the segments, e.g. DigiD A/B/C). A group below the
 * minimum group size is suppressed ("primary"); but when the total and all other parts are
 * published, the suppressed part is the total minus the others. So more cells are hidden
 * ("complementary") until, for every published total, what is left after subtracting its
 * published parts holds either nobody or at least the minimum group size.
 *
 * Why that suffices: the groups form a tree (organisation ⊃ products ⊃ segments). For a published
 * cell v let D(v) be v minus its highest published descendants. The D(v) are disjoint, and every
 * set of respondents whose figures can be worked out by adding and subtracting published figures
 * is a union of D(v)'s. So when no D(v) is smaller than the minimum (and not empty), no derivable
 * group is — in particular no suppressed group can be derived, exactly or within any rounding.
 *
 * The extra cells are chosen least informative first: the smallest group (by respondents), so
 * the same cell is hidden for every question where the same cell must be protected.
 */

/** A cell of one additive table: a group with its size and its parts. */
export interface Cell {
  /** Respondents that count towards the threshold (a question's N). */
  n: number;
  /** Respondents routed to the question (≥ n); a derivable remainder must not be small in this either. */
  asked: number;
  /** Order in which extra cells are hidden: smallest first. */
  rank: number;
  /** Declaration order, to break ties. */
  order: number;
  parts: Cell[];
  suppression: Suppression | null;
  /** Published whatever its size (the report's total N). */
  fixed?: boolean;
}

/** Primary and complementary suppression over a forest of cells (mutates `suppression`). */
export function protectCells(roots: Cell[], minimum: number): void {
  const all: Cell[] = [];
  const walk = (c: Cell) => {
    all.push(c);
    c.parts.forEach(walk);
  };
  roots.forEach(walk);
  for (const c of all) if (c.n < minimum && !c.fixed) c.suppression = 'too-few';
  const small = (x: number) => x > 0 && x < minimum;
  for (;;) {
    const leak = all.find((c) => c.suppression === null && remainderIsSmall(c, small) && !(c.fixed && highestPublished(c).length === 0));
    if (!leak) return;
    const candidates = highestPublished(leak);
    // Hiding a part only helps when something of it is not covered by its own published parts.
    const helpful = candidates.filter((c) => remainder(c).n > 0 || remainder(c).asked > 0);
    const pick = [...(helpful.length ? helpful : candidates)].sort((a, b) => a.rank - b.rank || a.n - b.n || a.order - b.order)[0];
    // No part left to hide: hide the total itself (its own total then protects it in turn).
    (pick ?? leak).suppression = 'complementary';
  }
}

function highestPublished(c: Cell): Cell[] {
  return c.parts.flatMap((p) => (p.suppression === null ? [p] : highestPublished(p)));
}

/** D(c): what is left of c after subtracting its highest published parts. */
function remainder(c: Cell): { n: number; asked: number } {
  const parts = highestPublished(c);
  return { n: c.n - parts.reduce((s, p) => s + p.n, 0), asked: c.asked - parts.reduce((s, p) => s + p.asked, 0) };
}

function remainderIsSmall(c: Cell, small: (x: number) => boolean): boolean {
  const r = remainder(c);
  return small(r.n) || small(r.asked);
}

function cell(n: number, asked: number, rank: number, order: number, parts: Cell[] = []): Cell {
  return { n, asked, rank, order, parts, suppression: null };
}

/**
 * Suppression for every question's table (organisation → products → segments). Sets
 * `suppressed` and `suppression` on the records; returns them for chaining.
 */
export function protectAggregates(records: Aggregate[], statistics: ResponseStatistics, edition: Edition): Aggregate[] {
  const sizeOf = new Map<string, number>();
  for (const p of statistics.perProduct) {
    sizeOf.set(`${p.product}|${ALL}`, p.responded);
    for (const s of p.segments) sizeOf.set(`${p.product}|${s.segment}`, s.responded);
  }
  const byQuestion = new Map<string, Aggregate[]>();
  for (const a of records) {
    const list = byQuestion.get(a.question) ?? [];
    list.push(a);
    byQuestion.set(a.question, list);
  }
  for (const list of byQuestion.values()) {
    const cells = new Map<Aggregate, Cell>();
    const at = (scope: string, segment: string) => list.find((a) => a.scope === scope && a.segment === segment);
    const make = (a: Aggregate, order: number, parts: Cell[] = []) => {
      const c = cell(a.n, a.asked, sizeOf.get(`${a.scope}|${a.segment}`) ?? a.asked, order, parts);
      cells.set(a, c);
      return c;
    };
    const products: Cell[] = [];
    edition.products.forEach((p, pi) => {
      const total = at(p.name, ALL);
      if (!total) return;
      const segments = p.segments.flatMap((s, si) => {
        const a = at(p.name, s.key);
        return a ? [make(a, si)] : [];
      });
      products.push(make(total, pi, segments));
    });
    const org = at(ORGANISATION, ALL);
    protectCells(org ? [make(org, -1, products)] : products, edition.min_group_size);
    for (const [a, c] of cells) {
      a.suppression = c.suppression;
      a.suppressed = c.suppression !== null;
    }
  }
  return records;
}

/**
 * The same for the respondent counts (organisation → products → segments) that the divider
 * pages, the response table and the respondents chart print.
 */
export function protectStatistics(statistics: ResponseStatistics, minimum: number): ResponseStatistics {
  const segmentCells = statistics.perProduct.map((p) => p.segments.map((s, si) => cell(s.responded, s.responded, s.responded, si)));
  const productCells = statistics.perProduct.map((p, pi) => cell(p.responded, p.responded, p.responded, pi, segmentCells[pi]));
  // Those who named no product are a part of the total like a product (the response table's last row).
  const others = statistics.organisationOnly.responded;
  const otherCells = others > 0 ? [cell(others, others, others, productCells.length)] : [];
  const root: Cell = { ...cell(statistics.responded, statistics.responded, statistics.responded, -1, [...productCells, ...otherCells]), fixed: true };
  protectCells([root], minimum);
  // The total of all respondents is the report's N: it is published whatever its size.
  return {
    ...statistics,
    perProduct: statistics.perProduct.map((p, pi) => ({
      ...p,
      suppression: productCells[pi]!.suppression,
      segments: p.segments.map((s, si) => ({ ...s, suppression: segmentCells[pi]![si]!.suppression })),
    })),
    organisationOnly: { ...statistics.organisationOnly, suppression: otherCells[0]?.suppression ?? null },
  };
}

/** Whether an aggregate's figures may be shown. */
export function publishable(a: Aggregate | undefined): a is Aggregate {
  return a !== undefined && !a.suppressed;
}
