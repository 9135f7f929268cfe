import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/report-model.ts';
import type { Block, ParagraphBlock, ReportModel } from '../../src/model/report-types.ts';
import { EDITION_2018, MINI_EDITION, ROOT } from '../helpers/paths.ts';

/**
 * A sentence's frame: the sentence with what the data fills in masked — quoted statements, product
 * and organisation names, numbers and percentages (also as words: "de helft"), the hedges before
 * them, tendency words ("wisselend positief en neutraal") and comparison words ("positiever dan").
 * Two sentences with one frame say the same thing about different subjects: a paragraph that
 * repeats a frame more than twice reads like a machine and belongs in a table.
 */
function sentenceFrames(text: string, names: readonly string[]): string[] {
  let t = text.replace(/“[^”]*”|‘[^’]*’|"[^"]*"/g, 'Q');
  for (const n of [...names].sort((a, b) => b.length - a.length)) t = t.split(n).join('P');
  const side = '(?:positief|neutraal|negatief)';
  t = t
    .replace(new RegExp(`\\b(?:overwegend|vooral) ${side}|\\bwisselend ${side} en ${side}`, 'g'), 'T')
    .replace(/\b(?:positiever dan|minder positief dan|vergelijkbaar met)\b/g, 'C')
    .replace(/\b(?:een kwart|een derde|de helft|tweederde|driekwart)\b/g, 'N')
    .replace(/\d+(?:[.,]\d+)*%?/g, 'N')
    .replace(/\b(?:bijna|ruim|ongeveer) N\b/gi, 'N')
    .replace(/\b(?:hoger|lager)\b/g, 'H');
  return t
    .split(/(?<=[.!?;:])\s+(?=[A-Z“‘"QPNTC(])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function paragraphs(m: ReportModel): ParagraphBlock[] {
  const out: ParagraphBlock[] = [];
  const visit = (blocks: Block[]) => blocks.forEach((b) => b.type === 'paragraph' && out.push(b));
  visit(m.colofon);
  for (const p of m.parts) {
    visit(p.intro);
    for (const c of p.chapters) {
      visit(c.intro);
      c.sections.forEach((s) => visit(s.blocks));
    }
  }
  return out;
}

/** Paragraphs with a frame used more than twice, and that frame. */
function repeatedFrames(m: ReportModel): { id: string; frame: string; times: number }[] {
  const names = [m.edition.organisation, ...m.edition.keywords.slice(3)];
  return paragraphs(m).flatMap((p) => {
    const count = new Map<string, number>();
    for (const f of sentenceFrames(p.text, names)) count.set(f, (count.get(f) ?? 0) + 1);
    return [...count].filter(([, times]) => times > 2).map(([frame, times]) => ({ id: p.id, frame, times }));
  });
}

describe('sentence frames', () => {
  it('mask what the data fills in, and keep what the writer wrote', () => {
    const names = ['Logius', 'DigiD', 'DigiD Machtigen'];
    const a = sentenceFrames('Rond DigiD is het oordeel over ‘betrouwbaar’ overwegend positief, over ‘vakkundig’ wisselend positief en neutraal.', names);
    const b = sentenceFrames('Rond DigiD Machtigen is het oordeel over ‘betrouwbaar’ vooral neutraal, over ‘vakkundig’ overwegend positief.', names);
    expect(a).toEqual(['Rond P is het oordeel over Q T, over Q T.']);
    expect(b).toEqual(a);
    expect(sentenceFrames('Bijna driekwart is positief: ruim 72,4% is het eens. Dat is 6 procentpunt hoger dan in 2018.', names)).toEqual([
      'N is positief:',
      'N is het eens.',
      'Dat is N procentpunt H dan in N.',
    ]);
    expect(sentenceFrames('Logius is positiever dan DigiD. Logius is vergelijkbaar met DigiD.', names)).toEqual(['P is C P.', 'P is C P.']);
  });

  it('finds a paragraph that lists every product in one frame', () => {
    const { model } = buildModel(MINI_EDITION);
    const summary = model.parts[0]!.chapters[0]!;
    const text = ['Alfa', 'Beta', 'Alfa'].map((p, i) => `Rond ${p} is het oordeel ${['overwegend positief', 'vooral neutraal', 'wisselend positief en neutraal'][i]}.`).join(' ');
    summary.intro.push({ type: 'paragraph', id: 'x-p1', role: 'P', text, figures: [], source: { file: 'x', key: 'x' } });
    expect(repeatedFrames(model)).toEqual([{ id: 'x-p1', frame: 'Rond P is het oordeel T.', times: 3 }]);
  });

  it.each([2018, 2019])('no paragraph of the %i report repeats one sentence frame more than twice', (year) => {
    const { model } = buildModel(year === 2018 ? EDITION_2018 : `${ROOT}content/2019/edition.yaml`);
    expect(paragraphs(model).length).toBeGreaterThan(200);
    expect(repeatedFrames(model)).toEqual([]);
  });
});
