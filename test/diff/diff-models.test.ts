import { describe, expect, it } from 'vitest';
import { diffModels, type ReportDiff, type StructureChange } from '../../src/diff/diff-models.ts';
import { diffMarkdown } from '../../src/diff/markdown.ts';
import type { AnyBlock, ParagraphBlock, ReportModel } from '../../src/model/report-types.ts';
import { addGamma, clone, miniVariant, setAnswer } from './helpers.ts';
import { blocksOfType } from '../../src/model/visit-blocks.ts';

const base = miniVariant();
const diff = (b: ReportModel, threshold = 5): ReportDiff => diffModels(base.model, b, { threshold });
const kinds = (cs: StructureChange[]) => cs.map((c) => `${c.level}:${c.change}:${c.id}`);

function paragraphs(model: ReportModel): ParagraphBlock[] {
  const blocks = [...model.colofon, ...model.parts.flatMap((p) => [...p.intro, ...p.chapters.flatMap((c) => [...c.intro, ...c.sections.flatMap((s) => s.blocks)])])];
  return blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph');
}

describe('diffModels: nothing changed', () => {
  it('finds no differences between two builds of the same edition', () => {
    const d = diff(miniVariant().model);
    expect(d.structure).toEqual([]);
    expect(d.figures).toEqual([]);
    expect(d.wording).toEqual([]);
    expect(d.summary.total).toBe(0);
    expect(d.summary.largest).toEqual([]);
  });
});

/** The model with every list of blocks (intros, sections, figures, colofon) in reverse order. */
function reordered(model: ReportModel): ReportModel {
  const m = clone(model);
  const reverse = (blocks: AnyBlock[]): AnyBlock[] => blocks.reverse().map((b) => (b.type === 'figure' ? { ...b, blocks: reverse(b.blocks as AnyBlock[]) as typeof b.blocks } : b));
  m.colofon = reverse(m.colofon as AnyBlock[]) as typeof m.colofon;
  for (const p of m.parts) {
    p.intro = reverse(p.intro as AnyBlock[]) as typeof p.intro;
    for (const c of p.chapters) {
      c.intro = reverse(c.intro as AnyBlock[]) as typeof c.intro;
      for (const sec of c.sections) sec.blocks = reverse(sec.blocks as AnyBlock[]) as typeof sec.blocks;
    }
  }
  return m;
}

describe('diffModels: reads the model, not the order of its blocks', () => {
  it('finds nothing between a model and the same model with every block list reversed', () => {
    const d = diff(reordered(base.model));
    expect(d.summary.total).toBe(0);
    expect([d.structure, d.figures, d.wording]).toEqual([[], [], []]);
  });

  it('finds the same changes in a reordered model as in the model itself', () => {
    const b = miniVariant((e) => {
      e.edit('narrative/organisatie.yaml', (t) => t.replace('Het beeld is {{tendens}}', 'Het totaalbeeld is {{tendens}}'));
      e.edit('export.csv', (t) => setAnswer(t, 'R_test04', 'Q2', '5'));
    });
    const plain = diff(b.model);
    const shuffled = diff(reordered(b.model));
    expect(plain.wording.length).toBeGreaterThan(0);
    expect(plain.figures.length).toBeGreaterThan(0);
    const key = (x: { id?: string; question?: string; scope?: string; segment?: string }) => JSON.stringify(x);
    expect(shuffled.summary).toEqual(plain.summary);
    expect(shuffled.figures.map(key).sort()).toEqual(plain.figures.map(key).sort());
    expect(shuffled.wording.map(key).sort()).toEqual(plain.wording.map(key).sort());
  });
});

describe('diffModels: wording', () => {
  it('shows exactly the one paragraph whose snippet was edited, word by word, located by chapter and section', () => {
    const b = miniVariant((e) => e.edit('narrative/organisatie.yaml', (t) => t.replace('Het beeld is {{tendens}}', 'Het totaalbeeld is {{tendens}}')));
    const d = diff(b.model);
    expect(d.structure).toEqual([]);
    expect(d.figures).toEqual([]);
    expect(d.wording).toHaveLength(1);
    const w = d.wording[0]!;
    expect(w).toMatchObject({
      id: 'organisatie-betrouwbaar-p1',
      kind: 'paragraph',
      change: 'changed',
      source: { file: 'narrative/organisatie.yaml', key: 'betrouwbaar' },
      before: 'Het beeld is overwegend positief: bijna 63% is positief (N = 8).',
      after: 'Het totaalbeeld is overwegend positief: bijna 63% is positief (N = 8).',
      figuresOnly: false,
    });
    expect(w.location.chapter).toEqual({ id: 'organisatie-waarden', number: 1, title: 'Hoe we werken' });
    expect(w.location.section).toEqual({ id: 'organisatie-betrouwbaar', number: '1.1', title: 'Betrouwbaar' });
    expect(w.location.label).toBe('1 Hoe we werken › 1.1 Betrouwbaar');
    expect(w.parts.filter((p) => p.op !== 'same')).toEqual([
      { op: 'delete', text: 'beeld' },
      { op: 'insert', text: 'totaalbeeld' },
    ]);
    expect(w.parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toBe(w.before);
    expect(w.parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe(w.after);
    expect(d.summary.wording).toEqual({ changed: 1, figuresOnly: 0, added: 0, removed: 0 });
  });

  it('reports a paragraph inserted before others as one addition, not as every later paragraph changed', () => {
    const b = miniVariant((e) => e.edit('narrative/organisatie.yaml', (t) => t.replace('betrouwbaar:\n', 'betrouwbaar:\n  - Een nieuwe eerste alinea.\n')));
    const d = diff(b.model);
    expect(d.structure).toEqual([]);
    expect(d.figures).toEqual([]);
    expect(d.wording.map((w) => [w.change, w.id, w.after])).toEqual([['added', 'organisatie-betrouwbaar-p1', 'Een nieuwe eerste alinea.']]);
    // and the other way round
    const back = diffModels(b.model, base.model, { threshold: 5 });
    expect(back.wording.map((w) => [w.change, w.before])).toEqual([['removed', 'Een nieuwe eerste alinea.']]);
  });

  it('shows text added where there was none, such as an empty part introduction', () => {
    const a = clone(base.model);
    a.parts[2]!.intro = [];
    const d = diffModels(a, base.model, { threshold: 5 });
    expect(d.wording.map((w) => [w.change, w.id, w.after, w.location.label])).toEqual([['added', 'deel-2-p1', 'De resultaten per product.', 'Deel II Resultaten per product/dienst']]);
    expect(d.summary.total).toBe(1);
  });

  it('diffs an edited reasons list as text', () => {
    const b = miniVariant((e) => e.edit('narrative/redenen.yaml', (t) => t.replace('Het duurde lang', 'Het duurde te lang')));
    const d = diff(b.model);
    expect(d.summary.total).toBe(1);
    expect(d.wording[0]).toMatchObject({ kind: 'list', change: 'changed', source: { file: 'narrative/redenen.yaml', key: 'organisatie.tevreden-aansluiting' } });
    expect(d.wording[0]!.parts.filter((p) => p.op !== 'same').map((p) => [p.op, p.text.trim()])).toEqual([['insert', 'te']]);
    expect(d.wording[0]!.location.label).toBe('2 Onze werkprocessen › 2.1 Aansluitingstrajecten');
  });
});

describe('diffModels: figures', () => {
  // R_test04 (Alfa, B-categorie) trusts Logius after all: "Oneens" → "Zeer eens".
  const changed = miniVariant((e) => e.edit('export.csv', (t) => setAnswer(t, 'R_test04', 'Q2', '5')));

  it('lists each changed question × scope × segment once, largest shift first', () => {
    const d = diff(changed.model);
    expect(d.structure).toEqual([]);
    expect(d.figures.map((f) => [f.key, f.kind])).toEqual([
      ['vertrouwen|alfa|all', 'changed'],
      ['vertrouwen|organisation|all', 'changed'],
    ]);
    const [alfa, org] = d.figures as [ReportDiff['figures'][number], ReportDiff['figures'][number]];
    expect(alfa.size).toBeCloseTo(20);
    expect(org.size).toBeCloseTo(12.5);
    expect(alfa).toMatchObject({ question: 'vertrouwen', text: 'Ik vertrouw Logius.', scope: 'Alfa', segment: 'all', segmentLabel: 'Totaal', nDelta: 0 });
    expect(alfa.deltas.map((x) => [x.measure, x.a, x.b])).toEqual([
      ['positive', 60, 80],
      ['neutral', 20, 20],
      ['negative', 20, 0],
    ]);
    expect(org.deltas.find((x) => x.measure === 'positive')).toMatchObject({ a: 62.5, b: 75 });
    // the Alfa B-categorie stays too small on both sides: not a change
    expect(d.figures.some((f) => f.segment === 'B')).toBe(false);
  });

  it('does not highlight a large shift in a small group: chance explains it', () => {
    // 3 of 5 → 4 of 5 positive (+20 points) and 5 of 8 → 6 of 8 (+12,5): not significant.
    const d = diff(changed.model, 5);
    expect(d.figures.map((f) => f.highlight)).toEqual([false, false]);
    expect(d.figures.flatMap((f) => f.deltas.map((x) => x.significant))).toEqual([false, false, false, false, false, false]);
    expect(d.summary.figures.aboveThreshold).toBe(0);
  });

  it('highlights the same shifts in groups a hundred times larger, down to the threshold', () => {
    // Same shares, every N × 100: 300/500 → 400/500 is significant (z = 3,3), and so is 500/800 → 600/800.
    const scaled = (m: ReportModel) => {
      const c = clone(m);
      for (const b of blocksOfType(c, 'chart')) b.rows.forEach((r) => (r.n *= 100));
      return c;
    };
    const [a, b] = [scaled(base.model), scaled(changed.model)];
    expect(diffModels(a, b, { threshold: 5 }).figures.map((f) => f.highlight)).toEqual([true, true]);
    const d = diffModels(a, b, { threshold: 15 });
    expect(d.figures.map((f) => f.highlight)).toEqual([true, false]);
    expect(d.summary.figures).toEqual({ changed: 2, aboveThreshold: 1, suppression: 0, added: 0, removed: 0 });
    expect(d.summary.largest).toEqual([0, 1]);
  });

  it('shows the paragraphs whose numbers changed, and no others', () => {
    const d = diff(changed.model);
    expect(d.wording.length).toBeGreaterThan(0);
    const byId = new Map(paragraphs(changed.model).map((p) => [p.id, p]));
    for (const w of d.wording) {
      expect(w.change).toBe('changed');
      expect(byId.get(w.id)?.figures.some((f) => f.question === 'vertrouwen'), w.id).toBe(true);
    }
    expect(d.wording.map((w) => w.id)).toEqual(expect.arrayContaining(['organisatie-betrouwbaar-p1', 'alfa-betrouwbaar-p1']));
    expect(d.wording.find((w) => w.id === 'alfa-betrouwbaar-p1')).toMatchObject({ before: 'Bij Alfa is 60% positief.', after: 'Bij Alfa is 80% positief.', figuresOnly: true });
  });

  describe('a group that falls below the minimum', () => {
    // R_test08 (Beta) now leaves 'aangesloten' blank: Beta has 2 answers, minimum 3. Logius = Alfa +
    // Beta, so Alfa is left out too (else Logius − Alfa would give Beta).
    const suppressed = miniVariant((e) => e.edit('export.csv', (t) => setAnswer(t, 'R_test08', 'Q3', '')));

    it('is shown as suppressed, never with its numbers, and so is the group that would give it away', () => {
      const d = diff(suppressed.model);
      expect(d.figures.map((f) => [f.key, f.kind])).toEqual([
        ['aangesloten|organisation|all', 'changed'],
        ['aangesloten|alfa|all', 'now-suppressed'],
        ['aangesloten|beta|all', 'now-suppressed'],
      ]);
      const f = d.figures[2]!;
      expect(f.b).toEqual({ state: 'suppressed' });
      expect(f.a).toMatchObject({ state: 'shown', n: 3 });
      expect(f).toMatchObject({ deltas: [], nDelta: null, size: 0, highlight: false });
      expect(d.summary.figures.suppression).toBe(2);
      const row = diffMarkdown(d).split('\n').find((l) => l.includes('| Beta'))!;
      expect(row).toContain('nu te weinig respondenten');
      expect(d.figures[1]!.b).toEqual({ state: 'suppressed', protects: true });
      const alfa = diffMarkdown(d).split('\n').find((l) => l.includes('| Alfa'))!;
      expect(alfa).toContain('| nu niet getoond (bescherming kleine groep) |');
      // Beta after the change: 2 answers, one yes — never printed
      expect(row).not.toMatch(/N = 2|50,0%/);
      expect(JSON.stringify(d)).not.toMatch(/"state":"shown","n":2\b/);
    });

    it('is shown as suppressed on the old side when diffed the other way round', () => {
      const d = diffModels(suppressed.model, base.model, { threshold: 5 });
      const f = d.figures.find((x) => x.key === 'aangesloten|beta|all')!;
      expect(f.kind).toBe('no-longer-suppressed');
      expect(f.a).toEqual({ state: 'suppressed' });
      expect(JSON.stringify(d)).not.toMatch(/"aangesloten\|beta\|all".*"state":"shown","n":2/);
    });
  });
});

describe('diffModels: two editions with planned changes', () => {
  // A product added, a question reworded, one snippet edited, two answers changed (one of which
  // drops the Alfa A-categorie below the minimum; it was already left out to protect B).
  const planned = miniVariant((e) => {
    addGamma(e);
    e.edit('questionnaire.yaml', (t) => t.replace('{ organisation: Ik vertrouw Logius., product: Ik vertrouw Logius. }', '{ organisation: Ik heb vertrouwen in Logius., product: Ik heb vertrouwen in Logius. }'));
    e.edit('narrative/organisatie.yaml', (t) => t.replace('Het beeld is {{tendens}}', 'Het totaalbeeld is {{tendens}}'));
    e.edit('export.csv', (t) => setAnswer(setAnswer(t, 'R_test04', 'Q2', '5'), 'R_test02', 'Q2', '-1'));
  });
  const d = diff(planned.model);

  it('lists every planned structure change and nothing else', () => {
    expect(kinds(d.structure)).toEqual(['product:added:gamma', 'question:renamed:vertrouwen']);
  });

  it('lists exactly the groups whose figures changed, largest first, and the suppressed one without numbers', () => {
    expect(d.figures.map((f) => [f.key, f.kind, Math.round(f.size * 100) / 100, f.highlight])).toEqual([
      // Large shifts, but in groups of 3 to 12: none is significant, so none is highlighted.
      ['vertrouwen|alfa|all', 'changed', 40, false], // 3/5 → 3/3 positive
      ['vertrouwen|organisation|all', 'changed', 27.5, false], // 5/8 → 9/10 (Gamma's three count for Logius)
      ['tevreden-aansluiting|organisation|all', 'changed', 22.5, false], // 2/5 → 5/8
      ['aangesloten|organisation|all', 'changed', 11.11, false], // 5/9 → 8/12 ja
      // Before, Logius − Alfa gave Beta (N = 1), so Alfa was left out; Gamma's answers end that.
      ['tevreden-aansluiting|alfa|all', 'no-longer-suppressed', 0, false],
    ]);
    expect(d.figures[4]!.a).toEqual({ state: 'suppressed', protects: true });
  });

  it('shows the edited paragraph, and otherwise only paragraphs whose numbers changed', () => {
    expect(d.wording.map((w) => w.id)).toEqual([
      'samenvatting-p1', 'samenvatting-producten-p1', 'organisatie-betrouwbaar-p1', 'organisatie-aansluiting-p1', 'alfa-betrouwbaar-p1', 'alfa-aansluiting-p1', 'ov-respons-p1',
    ]);
    const edited = d.wording.find((w) => w.id === 'organisatie-betrouwbaar-p1')!;
    expect(edited.parts.filter((p) => p.op !== 'same').map((p) => p.text.trim())).toEqual(expect.arrayContaining(['beeld', 'totaalbeeld']));
    const byId = new Map(paragraphs(planned.model).map((p) => [p.id, p]));
    for (const w of d.wording) expect(byId.get(w.id)!.figures.length, w.id).toBeGreaterThan(0);
    // paragraphs without numbers are untouched
    const withoutFigures = paragraphs(planned.model).filter((p) => p.figures.length === 0).map((p) => p.id);
    expect(d.wording.filter((w) => withoutFigures.includes(w.id))).toEqual([]);
    expect(d.wording.filter((w) => w.figuresOnly).map((w) => w.id)).toEqual(['samenvatting-p1', 'organisatie-aansluiting-p1', 'alfa-betrouwbaar-p1', 'ov-respons-p1']);
  });
});

describe('diffModels: summary', () => {
  it('counts every kind of change', () => {
    const b = miniVariant((e) => {
      addGamma(e);
      e.edit('questionnaire.yaml', (t) => t.replace('title: Betrouwbaar,', 'title: Betrouwbaarheid,'));
      e.edit('narrative/rapport.yaml', (t) => t.replace('Dit rapport bestaat uit twee delen.', 'Dit rapport bestaat uit drie delen.'));
    });
    const d = diff(b.model);
    expect(d.summary.structure.product.added).toBe(1);
    expect(d.summary.structure.section.renamed).toBe(1);
    expect(d.summary.wording.changed).toBe(d.wording.length);
    expect(d.wording.find((w) => w.id === 'introductie-p1')?.parts.filter((p) => p.op !== 'same')).toEqual([
      { op: 'delete', text: 'twee' },
      { op: 'insert', text: 'drie' },
    ]);
    expect(d.summary.total).toBe(d.structure.length + d.figures.length + d.wording.length);
    expect(d.a.respondents).toBe(10);
    expect(d.b.respondents).toBe(13);
  });
});
