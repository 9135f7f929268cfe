import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildModel } from '../../src/report-model.ts';
import { diffModels } from '../../src/diff/diff-models.ts';
import type { ReportDiff } from '../../src/diff/diff-types.ts';
import { ROOT } from '../helpers/paths.ts';

interface Planned {
  changes: ({ kind: string } & Record<string, unknown>)[];
}
const planned = parse(readFileSync(join(ROOT, 'fixtures/2019/planned-changes.yaml'), 'utf8')) as Planned;
const ofKind = (kind: string) => planned.changes.filter((c) => c.kind === kind);

/** Every snippet template of an edition, by "narrative/<file>#<key>". */
function templates(year: number): Map<string, string> {
  const dir = join(ROOT, 'content', String(year), 'narrative');
  const files = [...readdirSync(dir).filter((f) => f.endsWith('.yaml')), ...readdirSync(join(dir, 'producten')).map((f) => `producten/${f}`)];
  const out = new Map<string, string>();
  for (const f of files) {
    for (const [key, value] of Object.entries(parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>)) out.set(`narrative/${f}#${key}`, JSON.stringify(value));
  }
  return out;
}

let diff: ReportDiff;
/** Groups the 2019 report leaves out to protect a smaller one, as diff keys "question|product key|segment". */
let protecting: Set<string>;

beforeAll(() => {
  const after = buildModel(join(ROOT, 'content/2019/edition.yaml'));
  diff = diffModels(buildModel(join(ROOT, 'content/2018/edition.yaml')).model, after.model, { threshold: 5 });
  const keyOf = (scope: string) => (scope === 'organisation' ? scope : after.survey.edition.products.find((p) => p.name === scope)!.key);
  protecting = new Set(after.model.disclosure.hidden.flatMap((h) => h.complementary.map((q) => `${q}|${keyOf(h.scope)}|${h.segment}`)));
}, 30_000);

describe('eindrapport diff 2018 2019', () => {
  it('lists exactly the planned structure changes: a product in and out, a question in, out and reworded', () => {
    const expected = [
      ...ofKind('product-added').map((c) => `product added ${c.product}`),
      ...ofKind('product-removed').map((c) => `product removed ${c.product}`),
      ...ofKind('question-added').map((c) => `question added ${c.question}`),
      ...ofKind('question-removed').map((c) => `question removed ${c.question}`),
      ...ofKind('reworded').map((c) => `question renamed ${c.question}`),
    ];
    expect(diff.structure.map((s) => `${s.level} ${s.change} ${s.id}`).sort()).toEqual(expected.sort());
    const reworded = ofKind('reworded')[0]!;
    expect(diff.structure.find((s) => s.change === 'renamed')).toMatchObject({ title: reworded.after });
  });

  it('lists the planned shifts above 5 points that the report shows, in the planned direction', () => {
    // DigiD B is planned to shift, but in 2019 it is left out to protect the too small A-category.
    const shifts = ofKind('shift').filter((s) => !protecting.has(`${s.question}|${s.scope}|${s.segment}`));
    expect(shifts.length).toBe(ofKind('shift').length - 1);
    for (const s of shifts) {
      const f = diff.figures.find((x) => x.key === `${s.question}|${s.scope}|${s.segment}`)!;
      const delta = f.deltas.find((d) => d.measure === s.measure)!.delta!;
      expect(Math.sign(delta)).toBe(s.direction === 'up' ? 1 : -1);
      expect(Math.abs(Math.abs(delta) - Number(s.size))).toBeLessThan(1.5);
    }
  });

  it('highlights only the planned shift that is significant: the large group’s, not MijnOverheid’s +5,3 at N 19', () => {
    const highlighted = diff.figures.filter((f) => f.highlight).map((f) => f.key);
    // 524 → 559 answers, +8,0 points positive.
    expect(highlighted).toEqual(['tevreden-website-twitter-linkedin|organisation|all']);
    const mijnOverheid = diff.figures.find((f) => f.key === 'servicecentrum-bruikbare-adviezen|mijnoverheid|all')!;
    expect(mijnOverheid.a).toMatchObject({ n: 19 });
    expect(mijnOverheid.b).toMatchObject({ n: 19 });
    const positive = mijnOverheid.deltas.find((d) => d.measure === 'positive')!;
    expect(positive.delta!).toBeCloseTo(5.3, 1);
    expect(positive.significant).toBe(false);
    expect(mijnOverheid.highlight).toBe(false);
    // The absolute threshold stays a second rule: at 10 points even the significant shift is quiet.
    const strict = diffModels(buildModel(join(ROOT, 'content/2018/edition.yaml')).model, buildModel(join(ROOT, 'content/2019/edition.yaml')).model, { threshold: 10 });
    expect(strict.figures.filter((f) => f.highlight)).toEqual([]);
  });

  it('shows only the planned segment, and what protects it, as newly suppressed, never with numbers', () => {
    const seg = ofKind('segment-suppressed')[0]!;
    const suppression = diff.figures.filter((f) => f.kind !== 'changed');
    expect(suppression.filter((f) => f.key.endsWith(`|${seg.product}|${seg.segment}`)).length).toBeGreaterThan(0);
    for (const f of suppression) {
      expect(f.kind).toBe('now-suppressed');
      if (!protecting.has(f.key)) expect(f.key.split('|').slice(1)).toEqual([seg.product, seg.segment]);
      expect(f.b).toEqual(protecting.has(f.key) ? { state: 'suppressed', protects: true } : { state: 'suppressed' });
      expect(f.deltas).toEqual([]);
    }
  });

  it('shows wording edits exactly where the narrative was edited; other text changes follow the data', () => {
    const before = templates(2018);
    const after = templates(2019);
    const edited = [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k)).sort();
    const plannedSnippets = (ofKind('narrative-edited')[0]!.snippets as { file: string; key: string }[]).map((s) => `${s.file}#${s.key}`).sort();
    expect(edited).toEqual(plannedSnippets);
    const changedSources = new Set(diff.wording.filter((w) => !w.figuresOnly).map((w) => `${w.source.file}#${w.source.key}`));
    for (const s of plannedSnippets) expect(changedSources, s).toContain(s);
  });
});
