import { expect } from 'vitest';
import type { Aggregates } from '../../src/analyse/aggregate-types.ts';
import { InputError, formatProblem } from '../../src/load/input-error.ts';

/**
 * What every property-based case must end in: a result, or an InputError whose every problem names
 * a file (and, where the file has lines, the line). Anything else — a TypeError, a RangeError, a
 * stack overflow — is what the CLI would print as "Interne fout", and fails the case.
 */
export function outcome<T>(fn: () => T, where: { files: RegExp; lineless?: RegExp }): { ok: true; value: T } | { ok: false; problems: string[] } {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (!(e instanceof InputError)) throw new Error(`geen InputError maar ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    expect(e.problems.length).toBeGreaterThan(0);
    for (const p of e.problems) {
      const text = formatProblem(p);
      expect(p.file, text).toMatch(where.files);
      if (p.line === undefined) expect(p.message, `zonder regel: ${text}`).toMatch(where.lineless ?? /^$/);
      expect(text).not.toMatch(/Interne fout|\n\s+at /);
    }
    return { ok: false, problems: e.problems.map(formatProblem) };
  }
}

/**
 * Figures that are consistent with themselves: counts add up to N, percentages are the counts over
 * N, nothing is NaN or negative. A category that silently vanished (two answers with one label) or
 * a denominator that counts what is not shown breaks one of these.
 */
export function expectConsistent(aggregates: Aggregates): void {
  for (const a of aggregates.records) {
    const label = `${a.question} ${a.scope} ${a.segment}`;
    const counts = Object.values(a.counts);
    for (const v of [a.n, a.asked, ...counts, ...Object.values(a.nonSubstantive)]) {
      expect(Number.isInteger(v) && v >= 0, `${label}: ${v}`).toBe(true);
    }
    if (a.kind !== 'multiselect') {
      expect(counts.reduce((s, c) => s + c, 0), `${label}: som van de aantallen ≠ N`).toBe(a.n);
      expect(a.n + Object.values(a.nonSubstantive).reduce((s, c) => s + c, 0), `${label}: N + geen antwoord ≠ gevraagd`).toBe(a.asked);
    } else {
      for (const c of counts) expect(c, label).toBeLessThanOrEqual(a.n);
    }
    for (const [k, p] of Object.entries(a.percentages)) {
      expect(Number.isFinite(p), `${label} ${k}: ${p}`).toBe(true);
      expect(p).toBeCloseTo(a.n === 0 ? 0 : (a.counts[k]! / a.n) * 100, 9);
    }
  }
  const s = aggregates.statistics;
  expect(Number.isFinite(s.responseRate)).toBe(true);
  expect(s.responseRate).toBeLessThanOrEqual(100);
}
