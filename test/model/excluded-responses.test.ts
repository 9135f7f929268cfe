import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/build.ts';
import { loadSurvey } from '../../src/load/survey.ts';
import { aggregateSurvey } from '../../src/analyse/aggregate.ts';
import type { Block, ParagraphBlock, TableBlock } from '../../src/model/report-types.ts';
import { MINI_EDITION } from '../helpers/paths.ts';
import { copyEdition } from '../helpers/temp-edition.ts';

/** The mini edition with two preview rows appended: one with Status as text, one as its numeric code. */
function withPreviewRows() {
  const t = copyEdition(MINI_EDITION);
  t.edit('export.csv', (s) => {
    const lines = s.split('\r\n').filter(Boolean);
    const copy = (line: string, status: string, id: string) => {
      const cells = line.split(',');
      cells[2] = status;
      cells[6] = id;
      return cells.join(',');
    };
    return [...lines, copy(lines[3]!, 'Survey Preview', 'R_preview1'), copy(lines[4]!, '1', 'R_preview2')].join('\r\n') + '\r\n';
  });
  return t;
}

const blocks = (model: ReturnType<typeof buildModel>['model']): Block[] =>
  model.parts.flatMap((p) => [...p.intro, ...p.chapters.flatMap((c) => [...c.intro, ...c.sections.flatMap((s) => s.blocks)])]);

describe('preview and test rows', () => {
  const plain = aggregateSurvey(loadSurvey(MINI_EDITION));
  const t = withPreviewRows();
  const survey = loadSurvey(t.edition);
  const aggregates = aggregateSurvey(survey);

  it('are left out of every figure (text and numeric Status) and counted by reason', () => {
    expect(survey.responses.received).toBe(12);
    expect(survey.responses.count).toBe(10);
    expect(aggregates.records).toEqual(plain.records);
    expect(aggregates.statistics.responded).toBe(plain.statistics.responded);
    expect(aggregates.statistics.excluded).toEqual([{ reason: 'status', status: 'Survey Preview', count: 2 }]);
  });

  it('are stated in the methodology chapter (a sentence and a table row) and in the model', () => {
    const { model } = buildModel(t.edition);
    expect(model.responses).toEqual({
      received: 12,
      counted: 10,
      excluded: [{ reason: 'status', status: 'Survey Preview', count: 2, description: 'voorbeeldweergave (Survey Preview)' }],
    });
    const method = blocks(model).filter((b) => b.type === 'paragraph' && b.id === 'onderzoeksverantwoording-niet-meegeteld') as ParagraphBlock[];
    expect(method.map((b) => b.text)).toEqual(['Van de 12 ontvangen antwoorden tellen er 10 mee; niet meegeteld zijn: 2 × voorbeeldweergave (Survey Preview).']);
    const table = blocks(model).find((b): b is TableBlock => b.type === 'table' && b.caption === 'Respons per product/dienst')!;
    expect(table.rows.at(-1)).toEqual(['Niet meegeteld: voorbeeldweergave (Survey Preview)', '', '2', '', '']);
    expect(table.rows.at(-2)![0]).toBe('Totaal');
    expect(table.rowsAfterTotal).toBe(1);
  });

  it('leave the model of an edition without such rows as it was', () => {
    const { model } = buildModel(MINI_EDITION);
    expect(model.responses).toEqual({ received: 10, counted: 10, excluded: [] });
    expect(blocks(model).some((b) => b.type === 'paragraph' && b.id === 'onderzoeksverantwoording-niet-meegeteld')).toBe(false);
  });
});
