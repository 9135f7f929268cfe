import { describe, expect, it } from 'vitest';
import { checkEdition } from '../../src/check/check-edition.ts';
import { loadEdition } from '../../src/load/edition.ts';
import { InputError, formatProblem } from '../../src/load/input-error.ts';
import { completeEdition } from './complete-edition.ts';

describe('open items ("TE DOEN")', () => {
  it('check reports each open item in edition, questionnaire and narrative with file and line', () => {
    const ed = completeEdition();
    ed.edit('edition.yaml', (t) => t.replace('{ key: beta, name: Beta, code: 2, invited: 10 }', '{ key: beta, name: Beta, code: 2, invited: "TE DOEN: aantal uitgenodigden voor Beta" }'));
    ed.edit('narrative/organisatie.yaml', (t) => t.replace('  - Hoe {{organisatie}} werkt.', '  - "TE DOEN: schrijf de inleiding"'));
    const lines = ed.read('questionnaire.yaml').split('\n');
    const qLine = lines.findIndex((l) => /^\s+group: /.test(l));
    lines[qLine] = lines[qLine]!.replace(/group: .*/, 'group: "TE DOEN: kies een groep"');
    ed.write('questionnaire.yaml', lines.join('\n'));

    const r = checkEdition(ed.edition);
    const open = r.problems.filter((p) => p.message.startsWith('nog open:'));
    const rel = (f: string) => f.slice(f.indexOf(ed.dir) + ed.dir.length + 1);
    expect(open.map((p) => `${rel(p.file)}:${p.line} ${p.message}`)).toEqual([
      `edition.yaml:23 nog open: TE DOEN: aantal uitgenodigden voor Beta`,
      'narrative/organisatie.yaml:2 nog open: TE DOEN: schrijf de inleiding',
      `questionnaire.yaml:${qLine + 1} nog open: TE DOEN: kies een groep`,
    ]);
    expect(open.every((p) => p.severity === 'error')).toBe(true);
    expect(r.errors).toBeGreaterThanOrEqual(3);
    // The open item replaces the type error it causes.
    expect(r.problems.map(formatProblem).join('\n')).not.toMatch(/invited.*verwacht/);
  });

  it('stops the load (and so build) with the open item, not a type error', () => {
    const ed = completeEdition();
    ed.edit('edition.yaml', (t) => t.replace('invited: 40', 'invited: "TE DOEN: totaal aantal uitgenodigden"'));
    let error: unknown;
    try {
      loadEdition(ed.edition);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 13, severity: 'error', message: 'nog open: TE DOEN: totaal aantal uitgenodigden' });
  });
});
