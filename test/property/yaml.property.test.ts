import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { aggregateSurvey } from '../../src/analyse/aggregate.ts';
import { loadNarrative } from '../../src/load/content.ts';
import { loadSurvey } from '../../src/load/survey.ts';
import { completeEdition } from '../check/complete-edition.ts';
import { expectConsistent, outcome } from './outcome.ts';

/**
 * Property-based tests of the YAML an editor writes: edition.yaml, questionnaire.yaml and the
 * narrative, each damaged by one edit an editor could make (a character typed or deleted, a line
 * doubled or moved, a value replaced). Every case must load with consistent figures or be refused
 * with the file and line. Seeded and counted: 2.000 cases per file kind.
 */
const RUNS = 2000;
const SEED = 20_191_130;

const ed = completeEdition();
afterAll(() => rmSync(ed.dir, { recursive: true, force: true }));

/** Typed by accident or on purpose: YAML syntax, numbers, dates, keys, labels, anchors and aliases. */
const TOKENS = [':', ': ', '-', '- ', ' ', '  ', '\n', '\n  ', '#', '&a ', '*a', '!!str ', '!!binary ', '[', ']', '{', '}', '"', "'", '|', '>', ',', '?', '%', '@', '`', '\t', '\0', '0', '1', '-1', '2', '99999', '1e309', '.nan', 'null', 'true', '~', '2030-02-30', '2030-13-45', '2031', 'Eens', 'Ja', 'alfa', 'beta', 'gamma', 'vertrouwen', 'aangesloten', 'verbetering', 'multiselect', 'toString', '__proto__', 'constructor', '<<: *a', '{{', '}}', '{{n "vertrouwen"}}'];

const edit = fc.record({
  op: fc.constantFrom('insert', 'delete', 'duplicate-line', 'move-line', 'replace-word'),
  at: fc.nat(),
  to: fc.nat(),
  length: fc.integer({ min: 1, max: 4 }),
  token: fc.constantFrom(...TOKENS),
});

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  const lines = text.split('\n');
  switch (e.op) {
    case 'insert':
      return text.slice(0, at) + e.token + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.length);
    case 'duplicate-line': {
      const i = e.at % lines.length;
      return [...lines.slice(0, i + 1), lines[i]!, ...lines.slice(i + 1)].join('\n');
    }
    case 'move-line': {
      const i = e.at % lines.length;
      const rest = [...lines.slice(0, i), ...lines.slice(i + 1)];
      const j = e.to % (rest.length + 1);
      return [...rest.slice(0, j), lines[i]!, ...rest.slice(j)].join('\n');
    }
    default: {
      // A word or number after ': ' or '- ' replaced by a token.
      const words = [...text.matchAll(/(?<=: |- |\[|, )[^\s,\]}]+/g)];
      if (!words.length) return text;
      const w = words[e.at % words.length]!;
      return text.slice(0, w.index) + e.token + text.slice(w.index + w[0].length);
    }
  }
}

/** Messages about a whole file, which have no line to point at. */
const LINELESS = /^het bestand |^dit is |^'[^']+' is geen product van deze editie|responsen, maar er zijn maar|^de kolom '.*' \(.*\) ontbreekt|^de vorige editie/;

function property(file: string, run: () => void): void {
  const original = ed.read(file);
  let refused = 0;
  try {
    fc.assert(
      fc.property(edit, (e) => {
        ed.write(file, apply(original, e));
        const r = outcome(run, { files: /(edition|questionnaire|export|organisatie|product|rapport|redenen|[a-z-]+)\.(ya?ml|csv)$/, lineless: LINELESS });
        if (!r.ok) refused++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
  } finally {
    ed.write(file, original);
  }
  // The edits are meant to hurt: most must be caught, but not all (a space after a colon is harmless).
  expect(refused).toBeGreaterThan(RUNS / 10);
  expect(refused).toBeLessThan(RUNS);
}

const loadAndCount = () => expectConsistent(aggregateSurvey(loadSurvey(ed.edition)));

describe('YAML: property-based', () => {
  it('edition.yaml: every edit loads with consistent figures or is refused at its line', () => {
    property('edition.yaml', loadAndCount);
  }, 300_000);

  it('questionnaire.yaml: every edit loads with consistent figures or is refused at its line', () => {
    property('questionnaire.yaml', loadAndCount);
  }, 300_000);

  it('narrative: every edit loads or is refused at its line', () => {
    property('narrative/organisatie.yaml', () => loadNarrative(ed.dir, ['alfa', 'beta']));
  }, 300_000);
});

