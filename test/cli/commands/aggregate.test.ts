import { describe, expect, it } from 'vitest';
import { aggregateCommand } from '../../../src/cli/commands/aggregate.ts';
import { MINI_EDITION } from '../../helpers/paths.ts';

function run(includeSuppressed?: boolean): { records: Record<string, unknown>[]; notices: string[] } {
  const printed: string[] = [];
  const notices: string[] = [];
  aggregateCommand({ editionFile: MINI_EDITION, includeSuppressed }, (s) => printed.push(s), (s) => notices.push(s));
  return { records: JSON.parse(printed.join('')) as Record<string, unknown>[], notices };
}

describe('eindrapport aggregate', () => {
  it('writes groups the report leaves out without any count, and says so', () => {
    const { records, notices } = run();
    const left = records.filter((r) => r.suppressed);
    expect(left.length).toBeGreaterThan(0);
    for (const r of left) expect(Object.keys(r).sort()).toEqual(['kind', 'question', 'scope', 'segment', 'suppressed', 'suppression']);
    expect(left.map((r) => r.suppression)).toContain('complementary');
    expect(notices.join('\n')).toMatch(/zonder aantallen \(--include-suppressed/);
    // Shown groups keep their figures.
    expect(records.find((r) => r.question === 'vertrouwen' && r.scope === 'organisation')).toMatchObject({ n: 8 });
  });

  it('writes their counts only when asked explicitly, for internal use, with a warning', () => {
    const { records, notices } = run(true);
    expect(records.find((r) => r.question === 'vertrouwen' && r.scope === 'Alfa' && r.segment === 'B')).toMatchObject({ n: 2, suppressed: true });
    expect(notices.join('\n')).toMatch(/alleen voor intern gebruik/);
  });
});
