import { describe, expect, it } from 'vitest';
import { respondents } from '../../../src/model/chart-kinds/respondents.ts';
import { loadReportTemplates } from '../../../src/load/report-templates.ts';
import { REPORT_TEMPLATES } from '../../../src/report-model.ts';
import type { ChartTableWords } from '../../../src/model/chart-kinds/chart-kind.ts';
import { respondentsFixture } from '../../render/charts/fixtures.ts';

/** Two products whose shares the response table prints, rounded together, as 12,5% and 87,5%. */
function block() {
  const b = respondentsFixture([
    { product: 'DigiD', responded: 25, share: 12.46 },
    { product: 'MijnOverheid', responded: 175, share: 87.54 },
  ]);
  b.rows[0]!.display = { respondenten: 12.5 };
  b.rows[1]!.display = { respondenten: 87.5 };
  return b;
}

describe('the respondents chart', () => {
  // The shares are already rounded to the response table's one decimal; an edition that prints
  // chart percentages without decimals must not round them again (12,5 → 13).
  it('prints each share as the response table does, whatever the edition\'s chart decimals', () => {
    for (const decimals of [0, 2]) {
      expect(respondents.layout(block(), decimals).form).toBe('plain-bars');
      const layout = respondents.layout(block(), decimals) as { bars: { text: string }[] };
      expect(layout.bars.map((b) => b.text)).toEqual(['25 (12,5%)', '175 (87,5%)']);
      const appendix = respondents.appendixTable(block(), loadReportTemplates(REPORT_TEMPLATES).appendix, decimals);
      expect(appendix.rows.map((r) => r[2])).toEqual(['12,5%', '87,5%']);
      const words = { rowHeader: 'Product', respondentsHeader: 'Respondenten', shareHeader: 'Aandeel' } as ChartTableWords;
      expect(respondents.webTable(block(), words, decimals, 2018).rows.map((r) => r.cells[1])).toEqual(['12,5%', '87,5%']);
    }
  });
});
