import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, previousEdition } from '../../../src/report-model.ts';
import { ALL, ORGANISATION } from '../../../src/analyse/aggregate-types.ts';
import { InputError } from '../../../src/load/input-error.ts';
import type { Snippet } from '../../../src/load/content.ts';
import { narrativeEnv, type NarrativeEnv } from '../../../src/model/narrative/helpers.ts';
import { renderSnippet } from '../../../src/model/narrative/render-snippet.ts';
import type { TableBlock } from '../../../src/model/report-types.ts';
import { ROOT } from '../../helpers/paths.ts';
import { WORDING } from '../../helpers/wording.ts';

// 2019 against 2018: groups large enough for tests to tell differences from chance.
const { model, survey, aggregates } = buildModel(join(ROOT, 'content/2019/edition.yaml'));
const env: NarrativeEnv = narrativeEnv({ edition: survey.edition, questionnaire: survey.questionnaire, aggregates, sectionNumbers: new Map(), previous: previousEdition(survey) }, WORDING);
const products = survey.edition.products;
const typeOf = new Map(survey.questionnaire.groups.map((g) => [g.key, g.type]));
const statements = (type?: 'value' | 'process') =>
  survey.questionnaire.questions.filter((q) => (q.kind === 'likert' || q.kind === 'usefulness') && (!type || typeOf.get(q.group) === type));
const shown = (key: string, scope: string) => {
  const a = aggregates.get(key, scope, ALL);
  return a && !a.suppressed && a.positive !== null ? a : undefined;
};

function render(source: string, scope = ORGANISATION, e: NarrativeEnv = env): string {
  const snippet: Snippet = { file: 'narrative/rapport.yaml', key: 'voorbeeld', paragraphs: [source], lines: [1] };
  return renderSnippet(e, snippet, { scope, group: null, variables: {} }, 'x').map((b) => b.text).join('\n');
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return `${e.problems[0]!.message} ${e.problems[0]!.hint ?? ''}`;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('helpers for what stands out in the summary', () => {
  it('uiterste_product names the product whose positive shares lie most above or below Logius as a whole', () => {
    for (const type of ['value', 'process'] as const) {
      // Recomputed here: per product the mean of (product − Logius) over the statements both show.
      const mean = products
        .map((p) => {
          const diffs = statements(type).flatMap((q) => {
            const [own, org] = [shown(q.key, p.name), shown(q.key, ORGANISATION)];
            return own && org ? [own.positive! - org.positive!] : [];
          });
          return { name: p.name, d: diffs.reduce((s, x) => s + x, 0) / diffs.length, count: diffs.length };
        })
        .filter((x) => x.count > 0)
        .sort((a, b) => b.d - a.d);
      const soort = type === 'value' ? 'waarden' : 'werkprocessen';
      expect(render(`{{uiterste_product "hoogste" soort="${soort}"}}`)).toBe(mean[0]!.name);
      expect(render(`{{uiterste_product "laagste" soort="${soort}"}}`)).toBe(mean[mean.length - 1]!.name);
    }
    expect(messageOf(() => render('{{uiterste_product "hoger"}}'))).toContain('uiterste_product verwacht "hoogste" of "laagste"');
  });

  it('aantal_afwijkingen counts the statements vergelijking calls positiever or minder positief', () => {
    const words = { hoger: 0, lager: 0, vergelijkbaar: 0 };
    for (const p of products) {
      for (const q of statements()) {
        if (!shown(q.key, p.name) || !shown(q.key, ORGANISATION)) continue;
        const v = render(`{{vergelijking "${q.key}" scope="${p.key}"}}`);
        words[v.startsWith('positiever') ? 'hoger' : v.startsWith('minder') ? 'lager' : 'vergelijkbaar']++;
      }
    }
    expect(words.hoger + words.lager).toBeGreaterThan(10);
    expect(render('{{aantal_afwijkingen "hoger"}} {{aantal_afwijkingen "lager"}} {{aantal_afwijkingen "vergelijkbaar"}}')).toBe(`${words.hoger} ${words.lager} ${words.vergelijkbaar}`);
    // Digimelding's +17,3 points on current knowledge is a difference (see significance.test.ts).
    expect(Number(render('{{aantal_afwijkingen "hoger" scope="digimelding"}}'))).toBeGreaterThanOrEqual(1);
    expect(messageOf(() => render('{{aantal_afwijkingen "beter"}}'))).toContain("onbekende richting 'beter'");
  });

  it('aantal_veranderingen and grootste_verandering follow verschil, statement by statement', () => {
    const changes = { hoger: [] as string[], lager: [] as string[], vergelijkbaar: [] as string[] };
    for (const q of statements()) {
      if (render(`{{#if (vergelijkbaar "${q.key}")}}ja{{/if}}`) !== 'ja') continue;
      const v = render(`{{verschil "${q.key}" "positief"}}`);
      changes[v.includes('hoger') ? 'hoger' : v.includes('lager') ? 'lager' : 'vergelijkbaar'].push(q.key);
    }
    expect(render('{{aantal_veranderingen "hoger"}}/{{aantal_veranderingen "lager"}}/{{aantal_veranderingen "vergelijkbaar"}}')).toBe(
      `${changes.hoger.length}/${changes.lager.length}/${changes.vergelijkbaar.length}`,
    );
    // Logius as a whole, N 521 → 553: +8,1 points on the website and social media, the only clear change.
    expect(changes.hoger).toEqual(['tevreden-website-twitter-linkedin']);
    expect(render('{{grootste_verandering "hoger"}}')).toBe('tevreden-website-twitter-linkedin');
    expect(messageOf(() => render('{{grootste_verandering "lager"}}'))).toContain('Zet de zin binnen {{#if (aantal_veranderingen "lager")}}');
    expect(messageOf(() => render('{{grootste_verandering "vergelijkbaar"}}'))).toContain("onbekende richting 'vergelijkbaar'");
  });

  it('refuses aantal_veranderingen in an edition without a previous one', () => {
    const first = buildModel(join(ROOT, 'content/2018/edition.yaml'));
    const e: NarrativeEnv = narrativeEnv({ edition: first.survey.edition, questionnaire: first.survey.questionnaire, aggregates: first.aggregates, sectionNumbers: new Map() }, WORDING);
    expect(messageOf(() => render('{{aantal_veranderingen "hoger"}}', ORGANISATION, e))).toContain('geen vorige editie');
  });

  it('refuses an unknown soort, and groep with soort', () => {
    expect(messageOf(() => render('{{tendens soort="waarde"}}'))).toContain("onbekende soort 'waarde'");
    expect(messageOf(() => render('{{tendens soort="waarden" groep="betrouwbaar"}}'))).toContain('niet allebei');
  });
});

describe('the management summary’s table per product', () => {
  const summary = model.parts[0]!.chapters.find((c) => c.kind === 'summary')!;
  const table = summary.intro.find((b): b is TableBlock => b.type === 'table' && b.id === 'samenvatting-per-product')!;

  it('is a table with row headers: Logius as a whole, then every product in report order', () => {
    expect(table.rowHeaders).toBe(true);
    expect(table.rows.map((r) => r[0])).toEqual(['Logius als geheel', ...products.map((p) => p.name)]);
    expect(table.header).toEqual(['Product/dienst', 'Betrouwbaar', 'Vakkundig', 'In eenvoud', 'Werkprocessen (alle stellingen)']);
  });

  it('says in each cell what {{tendens}} says for that group and value, or for all work processes', () => {
    const values = survey.questionnaire.groups.filter((g) => g.type === 'value');
    const scopes = ['organisatie', ...products.map((p) => p.key)];
    table.rows.forEach((row, i) => {
      const expected = [...values.map((g) => render(`{{tendens groep="${g.key}" scope="${scopes[i]}"}}`)), render(`{{tendens soort="werkprocessen" scope="${scopes[i]}"}}`)];
      expect(row.slice(1)).toEqual(expected);
    });
    expect(new Set(table.rows.flatMap((r) => r.slice(1))).size).toBeGreaterThan(2);
  });
});
