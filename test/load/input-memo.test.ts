import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { aggregateSurvey } from '../../src/analyse/aggregate.ts';
import { loadSurveyCached } from '../../src/analyse/survey-cache.ts';
import { loadNarrative } from '../../src/load/content.ts';
import { InputError } from '../../src/load/input-error.ts';
import { inputMemoCounts, inputMemoVersion } from '../../src/load/input-memo.ts';
import { withInputTree } from '../../src/load/input-tree.ts';
import { loadReportTemplates } from '../../src/load/report-templates.ts';
import { loadSurvey } from '../../src/load/survey.ts';
import { REPORT_TEMPLATES } from '../../src/report-model.ts';
import { EDITION_2018, MINI_EDITION } from '../helpers/paths.ts';
import { copyEdition } from '../helpers/temp-edition.ts';
import { useTempCacheDir } from '../helpers/temp-cache-dir.ts';

useTempCacheDir('input-memo-');

/** What `fn` returned, and how many results it took from the disk and made anew. */
function counted<T>(fn: () => T): { value: T; hits: number; misses: number } {
  const before = inputMemoCounts();
  const value = fn();
  const after = inputMemoCounts();
  return { value, hits: after.hits - before.hits, misses: after.misses - before.misses };
}

const survey = (edition: string) => loadSurveyCached(edition);
const plain = (a: ReturnType<typeof survey>['aggregates']) => ({ records: a.records, statistics: a.statistics });

describe('loaded and analysed inputs kept on disk', () => {
  it('gives back exactly what loading and analysing the 2018 edition makes', () => {
    expect(counted(() => survey(EDITION_2018)).misses).toBe(1);
    const kept = counted(() => survey(EDITION_2018));
    expect(kept).toMatchObject({ hits: 1, misses: 0 });
    const fresh = loadSurvey(EDITION_2018);
    expect(kept.value.survey).toStrictEqual(fresh);
    const aggregates = aggregateSurvey(fresh);
    expect(plain(kept.value.aggregates)).toStrictEqual(plain(aggregates));
    const first = aggregates.records[0]!;
    expect(kept.value.aggregates.get(first.question, first.scope, first.segment)).toStrictEqual(first);
  });

  it('reads anew when the export, the questionnaire or edition.yaml changes', () => {
    const { edition, edit } = copyEdition(MINI_EDITION);
    const before = counted(() => survey(edition));
    expect(counted(() => survey(edition)).hits).toBe(1);
    // One answer of the first respondent changes: Q2 from 5 to 1.
    edit('export.csv', (t) => t.replace('persoon0@example.org,1,5,', 'persoon0@example.org,1,1,'));
    const changed = counted(() => survey(edition));
    expect(changed.misses).toBe(1);
    expect(plain(changed.value.aggregates)).not.toEqual(plain(before.value.aggregates));
    expect(plain(changed.value.aggregates)).toStrictEqual(plain(aggregateSurvey(loadSurvey(edition))));
    edit('questionnaire.yaml', (t) => `# een opmerking\n${t}`);
    expect(counted(() => survey(edition)).misses).toBe(1);
    edit('edition.yaml', (t) => t.replace('title: Testonderzoek 2030', 'title: Ander onderzoek 2030'));
    const renamed = counted(() => survey(edition));
    expect(renamed.misses).toBe(1);
    expect(renamed.value.survey.edition.title).toBe('Ander onderzoek 2030');
  });

  it('keeps the warnings of a result with their places', () => {
    const { edition, edit } = copyEdition(MINI_EDITION);
    // The first respondent did not answer the product question: a warning at that cell.
    edit('export.csv', (t) => t.replace('persoon0@example.org,1,5,', 'persoon0@example.org,,5,'));
    const made = counted(() => survey(edition));
    const kept = counted(() => survey(edition));
    expect([made.misses, kept.hits]).toEqual([1, 1]);
    expect(made.value.survey.warnings).toHaveLength(1);
    expect(made.value.survey.warnings[0]).toMatchObject({ severity: 'warning', line: 4, column: 9 });
    expect(kept.value.survey.warnings).toStrictEqual(made.value.survey.warnings);
  });

  it('keeps no errors: a mistake is found and placed by reading the file each time', () => {
    const { dir, edit } = copyEdition(MINI_EDITION);
    // A text that is not a list of paragraphs.
    edit('narrative/organisatie.yaml', (t) => t.replace('hoofdstuk-waarden:\n  - Hoe Logius werkt.', 'hoofdstuk-waarden: 12'));
    const problems = () => {
      try {
        loadNarrative(dir, ['alfa', 'beta']);
      } catch (e) {
        if (e instanceof InputError) return e.problems;
        throw e;
      }
      throw new Error('no error');
    };
    const first = counted(problems);
    expect(first.value[0]).toMatchObject({ file: expect.stringContaining('organisatie.yaml'), line: 1, column: 20 });
    const second = counted(problems);
    expect(second.value).toStrictEqual(first.value);
    expect([first.misses, second.misses, second.hits]).toEqual([1, 1, 0]);
    expect(readdirSync(process.env.EINDRAPPORT_CACHE_DIR!)).toEqual([]);
    edit('narrative/organisatie.yaml', (t) => t.replace('hoofdstuk-waarden: 12', 'hoofdstuk-waarden:\n  - Hoe Logius werkt.'));
    expect(counted(() => loadNarrative(dir, ['alfa', 'beta'])).misses).toBe(1);
    expect(counted(() => loadNarrative(dir, ['alfa', 'beta'])).hits).toBe(1);
  });

  it('reads the narrative anew when a text changes, a product file is added, or other products are asked for', () => {
    const { dir, edit } = copyEdition(MINI_EDITION);
    const load = (keys = ['alfa', 'beta']) => counted(() => loadNarrative(dir, keys));
    const made = load();
    const kept = load();
    expect([made.misses, kept.hits]).toEqual([1, 1]);
    expect(kept.value).toStrictEqual(made.value);
    edit('narrative/organisatie.yaml', (t) => t.replace('Hoe Logius werkt.', 'Hoe Logius nu werkt.'));
    const edited = load();
    expect(edited.misses).toBe(1);
    expect(edited.value.organisation.get('hoofdstuk-waarden')?.paragraphs).toEqual(['Hoe Logius nu werkt.']);
    mkdirSync(join(dir, 'narrative/producten'));
    writeFileSync(join(dir, 'narrative/producten/beta.yaml'), 'hoofdstuk-waarden:\n  - Hoe Beta werkt.\n');
    const added = load();
    expect(added.misses).toBe(1);
    expect(added.value.productOverrides.get('beta')?.get('hoofdstuk-waarden')).toMatchObject({ paragraphs: ['Hoe Beta werkt.'], lines: [2] });
    expect(load().hits).toBe(1);
    expect(() => load(['alfa'])).toThrow(/'beta' is geen product van deze editie/);
  });

  it('reads the fixed texts anew when templates/report.yaml changes', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'report-templates-')), 'report.yaml');
    writeFileSync(copy, readFileSync(REPORT_TEMPLATES, 'utf8'));
    const made = counted(() => loadReportTemplates(copy));
    expect(counted(() => loadReportTemplates(copy))).toMatchObject({ hits: 1, value: made.value });
    writeFileSync(copy, readFileSync(REPORT_TEMPLATES, 'utf8').replace(/toc: .*/, 'toc: Inhoud van dit rapport'));
    const edited = counted(() => loadReportTemplates(copy));
    expect(edited.misses).toBe(1);
    expect(edited.value.chapters.toc).toBe('Inhoud van dit rapport');
  });

  it('reads anew under another version (Node, working directory, libraries, code of the load and analyse stages)', () => {
    const { edition } = copyEdition(MINI_EDITION);
    survey(edition);
    const version = inputMemoVersion();
    expect(version).toBe(inputMemoVersion());
    const cache = process.env.EINDRAPPORT_CACHE_DIR!;
    const [file] = readdirSync(cache).filter((f) => f.startsWith('gegevens-'));
    // The same entry, as a run under another version (say a newer yaml or csv-parse) would have written it.
    const entry = deserialize(readFileSync(join(cache, file!))) as { version: string };
    writeFileSync(join(cache, file!), serialize({ ...entry, version: `${version}-ander` }));
    expect(counted(() => survey(edition)).misses).toBe(1);
    expect(counted(() => survey(edition)).hits).toBe(1);
  });

  it('treats a damaged file as no cache, and is not used for input held in memory', () => {
    const { dir, edition } = copyEdition(MINI_EDITION);
    survey(edition);
    const cache = process.env.EINDRAPPORT_CACHE_DIR!;
    for (const f of readdirSync(cache)) writeFileSync(join(cache, f), 'kapot');
    expect(counted(() => survey(edition)).misses).toBe(1);
    expect(counted(() => survey(edition)).hits).toBe(1);
    const files = new Map<string, Buffer>();
    for (const f of readdirSync(dir, { recursive: true }) as string[]) if (f.endsWith('.yaml') || f.endsWith('.csv')) files.set(f, readFileSync(join(dir, f)));
    // A revision's files (diff --rev): read from memory, never from the cache.
    const inMemory = counted(() => withInputTree({ root: dir, files }, () => loadNarrative(dir, ['alfa', 'beta'])));
    expect(inMemory).toMatchObject({ hits: 0, misses: 0 });
  });
});
