import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { initEdition } from '../../src/init/init-edition.ts';
import { ROOT } from '../helpers/paths.ts';

interface Q {
  key: string;
  scale?: string;
  column?: string;
  options?: { label: string; column: string }[];
}

/**
 * The 2019 export as Excel and Qualtrics' "choice text" option would give it: answers as their
 * labels (one worded differently), ';' with a BOM and CRLF, and the columns in another order (the statements of a matrix
 * swapped, the product column last). init must find every question again by ImportId and text.
 */
function choiceTextExport(): string {
  const rows = parseCsv(readFileSync(join(ROOT, 'fixtures/2019/qualtrics-export-2019.csv'), 'utf8').replace(/^\uFEFF/, '')) as string[][];
  const q = parse(readFileSync(join(ROOT, 'content/2019/questionnaire.yaml'), 'utf8')) as { scales: Record<string, { code: number; label: string }[]>; questions: Q[] };
  const ed = parse(readFileSync(join(ROOT, 'content/2019/edition.yaml'), 'utf8')) as { products: { code: number; name: string }[] };
  const header = rows[0]!;
  const toText = new Map<number, (v: string) => string>();
  const at = (c: string) => header.indexOf(c);
  for (const question of q.questions) {
    if (question.column && question.scale) {
      const labels = new Map(q.scales[question.scale]!.map((a) => [String(a.code), a.label]));
      // Qualtrics' wording of one answer differs from the report's label.
      toText.set(at(question.column), (v) => (labels.get(v) === 'Zeer oneens' ? 'Zeer mee oneens' : (labels.get(v) ?? v)));
    }
    for (const o of question.options ?? []) toText.set(at(o.column), (v) => (v === '1' ? o.label : v));
  }
  toText.set(at('Q1'), (v) => ed.products.find((p) => String(p.code) === v)?.name ?? v);
  toText.set(at('Finished'), (v) => (v === '1' ? 'True' : 'False'));
  toText.set(at('Status'), (v) => (v === '0' ? 'IP Address' : v));
  const converted = rows.map((r, i) => (i < 3 ? r : r.map((v, j) => toText.get(j)?.(v) ?? v)));
  // Another column order: Q2_2 before Q2_1, the product question at the end.
  const order = header.map((_, j) => j);
  const swap = (a: number, b: number) => ([order[a], order[b]] = [order[b]!, order[a]!]);
  swap(at('Q2_1'), at('Q2_2'));
  order.push(order.splice(at('Q1'), 1)[0]!);
  return `\uFEFF${stringify(converted.map((r) => order.map((j) => r[j]!)), { delimiter: ';', record_delimiter: '\r\n', quoted_match: /[\r\n]/ })}`;
}

describe('eindrapport init from a choice-text export with ; BOM CRLF and another column order', () => {
  it('reproduces the 2019 mapping from 2018 and finds the products by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eindrapport-init-text-'));
    const exportFile = join(dir, 'export-2019.csv');
    writeFileSync(exportFile, choiceTextExport());
    const out = join(dir, '2019');
    const result = initEdition({ year: 2019, exportFile, previousEditionFile: join(ROOT, 'content/2018/edition.yaml'), outDir: out });
    const drafted = new Map((parse(readFileSync(join(out, 'questionnaire.yaml'), 'utf8')) as { questions: Q[] }).questions.map((x) => [x.key, x]));
    const actual = (parse(readFileSync(join(ROOT, 'content/2019/questionnaire.yaml'), 'utf8')) as { questions: Q[] }).questions;
    const mapping = (x: Q) => x.column ?? (x.options ?? []).map((o) => o.column).join(',');
    for (const x of actual.filter((a) => a.key !== 'storingen-status-informatie')) expect(mapping(drafted.get(x.key)!), x.key).toBe(mapping(x));
    const edition = parse(readFileSync(join(out, 'edition.yaml'), 'utf8')) as { data: { product_column: string }; products: { key: string; code: unknown; name: string }[] };
    expect(edition.data.product_column).toBe('Q1');
    expect(edition.products.slice(0, 7).map((p) => p.code)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // A new product in a choice-text export: its name is known, its code is not.
    expect(edition.products[7]).toMatchObject({ key: 'pkioverheid', name: 'PKIoverheid', code: expect.stringMatching(/^TE DOEN: antwoordcode van 'PKIoverheid'/) });
    expect(result.summary.join('\n')).toContain('keuzeteksten');
    // …which init names, for the scales where it occurs, so a person adds it to export_texts.
    const notes = result.notes.filter((n) => n.includes('antwoordteksten die de schaal niet kent'));
    expect(notes).toEqual([
      "De export gebruikt bij schaal 'eens-oneens' antwoordteksten die de schaal niet kent: 'Zeer mee oneens'. Zet ze onder export_texts bij het antwoord dat ze betekenen.",
      "De export gebruikt bij schaal 'eens-oneens-nooit' antwoordteksten die de schaal niet kent: 'Zeer mee oneens'. Zet ze onder export_texts bij het antwoord dat ze betekenen.",
    ]);
  });
});
