import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CHART_KINDS } from '../../../src/model/chart-kinds/registry.ts';
import { ROOT } from '../../helpers/paths.ts';

describe('the chart kinds', () => {
  it('are each named in docs/report-model.md and the README', () => {
    const docs = readFileSync(join(ROOT, 'docs/report-model.md'), 'utf8');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(BUILT_IN_CHART_KINDS.names().length).toBe(6);
    for (const kind of BUILT_IN_CHART_KINDS.names()) {
      expect(docs).toContain(`\`${kind}\``);
      expect(readme).toContain(`\`${kind}\``);
    }
  });
});
