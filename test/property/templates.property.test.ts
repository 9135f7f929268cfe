import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { aggregateSurvey } from '../../src/analyse/aggregate.ts';
import { ORGANISATION } from '../../src/analyse/aggregate-types.ts';
import { loadSurvey } from '../../src/load/survey.ts';
import { narrativeEnv, HELPER_NAMES, HELPERS, type ArgKind, type NarrativeEnv } from '../../src/model/narrative/helpers.ts';
import { renderSnippet } from '../../src/model/narrative/render-snippet.ts';
import { completeEdition } from '../check/complete-edition.ts';
import { outcome } from './outcome.ts';
import { WORDING } from '../helpers/wording.ts';

/**
 * Property-based tests of the narrative templates: paragraphs made of text, helper calls with
 * right and wrong arguments, sub-expressions and {{#if}} blocks, rendered for the organisation and
 * for each product. Every case renders to text without NaN, undefined or "[object …]", or is
 * refused at the paragraph's file and line in plain words. Seeded and counted: 2.000 cases.
 */
const RUNS = 2000;
const SEED = 20_301_201;

const ed = completeEdition();
afterAll(() => rmSync(ed.dir, { recursive: true, force: true }));
const survey = loadSurvey(ed.edition);
const env: NarrativeEnv = narrativeEnv({ edition: survey.edition, questionnaire: survey.questionnaire, aggregates: aggregateSurvey(survey), sectionNumbers: new Map([[`${ORGANISATION}|betrouwbaar`, '1.1']]) }, WORDING);

/** Arguments by kind, each pool with a few that are wrong in the ways editors and attackers try. */
const JUNK = ['', 'toString', '__proto__', 'constructor', 'hasOwnProperty', '0', '-1', 'NaN', '1e309', 'gamma', ' vertrouwen'];
const POOLS: Record<ArgKind, string[]> = {
  vraag: ['vertrouwen', 'aangesloten', 'tevreden-aansluiting', 'verbetering', 'vertrouwn'],
  maat: ['positief', 'neutraal', 'negatief', 'ja', 'nee', 'positif'],
  antwoord: ['Eens', 'Zeer eens', 'Weet niet', 'Ja', 'Snelheid', 'eens'],
  groep: ['betrouwbaar', 'aansluiting', 'onbekend'],
  responsmaat: ['percentage', 'aantal', 'uitgenodigd', 'volledig'],
  hoofdstuk: ['betrouwbaar', 'aansluiting'],
  aantal: ['0', '1', '2', '10', '-3', '2.5'],
  tekst: ['stelling', 'stellingen', 'organisatie'],
  richting: ['hoger', 'lager', 'vergelijkbaar', 'hoog'],
  uiterste: ['hoogste', 'laagste', 'hoger'],
};
const HASH_VALUES: Record<string, string[]> = {
  scope: ['Alfa', 'Beta', 'Gamma', 'organisatie', 'organisation'],
  segment: ['A', 'B', 'C', 'all'],
  groep: ['betrouwbaar', 'aansluiting', 'x'],
  drempel: ['5', '0', '-1', 'veel'],
  soort: ['waarden', 'werkprocessen', 'alles'],
};

const quote = (s: string) => `"${s.replaceAll('"', '')}"`;

const call: fc.Arbitrary<string> = fc
  .record({
    helper: fc.constantFrom(...HELPER_NAMES, 'positif', 'log', 'lookup', 'each'),
    args: fc.array(fc.tuple(fc.boolean(), fc.nat()), { maxLength: 3 }),
    hash: fc.array(fc.tuple(fc.constantFrom('scope', 'segment', 'groep', 'drempel'), fc.nat()), { maxLength: 2 }),
  })
  .map(({ helper, args, hash }) => {
    const spec = (HELPERS as Record<string, { args: readonly ArgKind[] } | undefined>)[helper];
    const kinds: readonly ArgKind[] = spec?.args.length ? spec.args : ['vraag'];
    const parts = args.map(([junk, i], k) => {
      const pool = junk ? JUNK : (POOLS[kinds[k % kinds.length]!] ?? JUNK);
      return quote(pool[i % pool.length]!);
    });
    const named = hash.map(([name, i]) => `${name}=${quote(HASH_VALUES[name]![i % HASH_VALUES[name]!.length]!)}`);
    return [helper, ...parts, ...named].join(' ');
  });

const piece: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('Het beeld is ', ' positief. ', '(N = ', ')', ' en ', '; ', '100%', ' {', '}'),
  call.map((c) => `{{${c}}}`),
  fc.tuple(call, call).map(([a, b]) => `{{${a} (${b})}}`),
  fc.tuple(call, fc.constantFrom('ja', 'nee')).map(([c, t]) => `{{#if (${c})}}${t}{{else}}niet{{/if}}`),
  fc.constantFrom('{{product}}', '{{organisatie}}', '{{minimum}}', '{{periode}}', '{{decimalen}}', '{{onbekend}}', '{{', '}}', '{{#if}}', '{{/if}}', '{{{product}}}', '{{> partial}}', '{{!-- opmerking --}}', '{{@root}}', '{{this}}', '{{../product}}'),
);

const paragraph = fc.array(piece, { minLength: 1, maxLength: 5 }).map((ps) => ps.join(''));

const SCOPES: { scope: string; group: string | null; product: string }[] = [
  { scope: ORGANISATION, group: 'betrouwbaar', product: 'Logius' },
  { scope: 'Alfa', group: 'aansluiting', product: 'Alfa' },
  { scope: 'Beta', group: null, product: 'Beta' },
];

/** Words that mean a value went missing or was never a number: a silently wrong figure. */
const BROKEN = /NaN|undefined|\[object|Infinity|function|=>|\bnull\b/;

describe('templates: property-based', () => {
  it('every paragraph renders to clean text in every scope, or is refused at its line in plain words', () => {
    let rendered = 0;
    fc.assert(
      fc.property(paragraph, fc.nat(), (source, s) => {
        const where = SCOPES[s % SCOPES.length]!;
        const snippet = { file: 'narrative/organisatie.yaml', key: 'proef', paragraphs: [source], lines: [7] };
        const variables = { product: where.product, organisatie: 'Logius', minimum: 3, periode: '1 september 2030 tot en met 31 oktober 2030', decimalen: 1 };
        const r = outcome(() => renderSnippet(env, snippet, { scope: where.scope, group: where.group, variables }, 'p'), { files: /^narrative\/organisatie\.yaml$/ });
        if (!r.ok) {
          for (const p of r.problems) {
            expect(p).toMatch(/^narrative\/organisatie\.yaml:7(:\d+)?: fout: in tekst 'proef': /);
            expect(p, 'een interne melding van JavaScript').not.toMatch(/Cannot read|is not a function|is not defined|TypeError|RangeError|Maximum call stack/);
          }
          return;
        }
        rendered++;
        for (const block of r.value) expect(block.text, source).not.toMatch(BROKEN);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(rendered).toBeGreaterThan(RUNS / 20);
  }, 300_000);
});

describe('templates: the mistakes the audit found', () => {
  const render = (source: string) => () =>
    renderSnippet(env, { file: 'narrative/organisatie.yaml', key: 'proef', paragraphs: [source], lines: [7] }, { scope: ORGANISATION, group: 'betrouwbaar', variables: { product: 'Logius' } }, 'p');

  it('{{antwoord "vraag" "toString"}} is refused, not printed as NaN%', () => {
    expect(render('{{antwoord "vertrouwen" "toString"}}')).toThrow(/'toString' is geen antwoord op 'vertrouwen'/);
  });

  it('a helper without its arguments, or a block helper without #, is refused in plain words', () => {
    expect(render('{{positief}}')).toThrow(/\{\{positief\}\} krijgt 0 argumenten, maar verwacht er 1 \(een vraag\)/);
    expect(render('{{each "vertrouwen"}}')).toThrow(/\{\{each\}\} omsluit tekst/);
  });

  it('a value that is not text is refused instead of printed', () => {
    expect(render('{{this}}')).toThrow(/de tekst zou '\[object Object\]' afdrukken/);
  });
});
