import Handlebars from 'handlebars';
import type { HelperOptions } from 'handlebars';
import { formatNumber, formatPercent } from '../../analyse/dutch-number.ts';
import { ORGANISATION, ALL, type Aggregate, type Aggregates } from '../../analyse/aggregate-types.ts';
import type { Edition, Product } from '../../load/edition.ts';
import { questionText, type Questionnaire } from '../../load/questionnaire.ts';
import type { FigureRef } from '../report-types.ts';
import { about, approximately, comparison, plural, tendency, type Distribution } from './phrasing.ts';
import { suggest } from './suggest.ts';

/** What the helpers can see: the edition's data, never files. */
export interface NarrativeEnv {
  edition: Edition;
  questionnaire: Questionnaire;
  aggregates: Aggregates;
  /** `${scope}|${group}` → section number ("1.1"), for references. */
  sectionNumbers: Map<string, string>;
}

/** Per-render data: the scope and group of the section, and where used figures are recorded. */
export interface RenderData {
  env: NarrativeEnv;
  scope: string;
  group: string | null;
  figures: FigureRef[];
}

/** A mistake in a snippet, detected while rendering it; the caller adds file and line. */
export class NarrativeError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

type Measure = 'positive' | 'neutral' | 'negative' | 'yes';
const MEASURE_WORDS: Record<string, Measure> = { positief: 'positive', neutraal: 'neutral', negatief: 'negative', ja: 'yes' };
const REFERENCE = 'Logius als geheel';

function data(options: HelperOptions): RenderData {
  return options.data as RenderData;
}

function scopeFrom(options: HelperOptions): string {
  const s = options.hash?.scope as string | undefined;
  if (s === undefined) return data(options).scope;
  if (s === 'organisatie' || s === ORGANISATION) return ORGANISATION;
  const env = data(options).env;
  const p = env.edition.products.find((x) => x.name === s || x.key === s);
  if (!p) throw new NarrativeError(`onbekend product '${s}'.`, suggest(s, env.edition.products.map((x) => x.key)));
  return p.name;
}

function scopeLabel(scope: string): string {
  return scope === ORGANISATION ? REFERENCE : scope;
}

/** The aggregate a helper talks about; refuses unknown questions and groups too small to analyse. */
function aggregateFor(key: unknown, options: HelperOptions): Aggregate {
  const d = data(options);
  const { questionnaire, aggregates, edition } = d.env;
  if (typeof key !== 'string') throw new NarrativeError('deze helper verwacht een vraagsleutel tussen aanhalingstekens, bijvoorbeeld "afspraken-nakomen".');
  const q = questionnaire.byKey.get(key);
  if (!q) throw new NarrativeError(`onbekende vraag '${key}'.`, suggest(key, [...questionnaire.byKey.keys()]));
  const scope = scopeFrom(options);
  const segment = (options.hash?.segment as string | undefined) ?? ALL;
  const a = aggregates.get(key, scope, segment);
  if (!a) throw new NarrativeError(`vraag '${key}' is niet gesteld voor ${scopeLabel(scope)}${segment === ALL ? '' : ` (segment ${segment})`}.`);
  if (a.suppressed) {
    throw new NarrativeError(
      `te weinig respondenten voor cijfers over '${key}' bij ${scopeLabel(scope)} (N = ${a.n}, minimum ${edition.min_group_size}).`,
      `Zet de zin binnen {{#if (voldoende "${key}")}} … {{/if}}.`,
    );
  }
  return a;
}

function record(options: HelperOptions, a: Aggregate, measure: string, value: number): number {
  data(options).figures.push({ question: a.question, scope: a.scope, segment: a.segment, measure, value });
  return value;
}

function measureValue(a: Aggregate, measure: Measure): number {
  const v = a[measure];
  if (v === null) throw new NarrativeError(`'${a.question}' heeft geen ${Object.keys(MEASURE_WORDS).find((k) => MEASURE_WORDS[k] === measure)}-aandeel (soort vraag: ${a.kind}).`);
  return v;
}

function parseMeasure(word: unknown): Measure {
  const m = typeof word === 'string' ? MEASURE_WORDS[word] : undefined;
  if (!m) throw new NarrativeError(`onbekende maat '${String(word)}'.`, `Kies uit: ${Object.keys(MEASURE_WORDS).join(', ')}.`);
  return m;
}

function distribution(a: Aggregate): Distribution {
  return { positive: measureValue(a, 'positive'), neutral: measureValue(a, 'neutral'), negative: measureValue(a, 'negative') };
}

/** Likert questions of the current section's group that can be analysed in scope. */
function groupAggregates(options: HelperOptions): Aggregate[] {
  const d = data(options);
  const group = (options.hash?.groep as string | undefined) ?? d.group;
  if (!group) throw new NarrativeError('deze helper werkt alleen in de tekst van een waarde of werkproces, of met groep="…".');
  if (!d.env.questionnaire.groups.some((g) => g.key === group)) {
    throw new NarrativeError(`onbekende groep '${group}'.`, suggest(group, d.env.questionnaire.groups.map((g) => g.key)));
  }
  const scope = scopeFrom(options);
  return d.env.questionnaire.questions
    .filter((q) => q.group === group && (q.kind === 'likert' || q.kind === 'usefulness'))
    .map((q) => d.env.aggregates.get(q.key, scope, ALL))
    .filter((a): a is Aggregate => a !== undefined && !a.suppressed && a.positive !== null);
}

/** The helpers editors use in snippets; documented with examples in docs/tekst-schrijven.md. */
export function registerHelpers(hb: typeof Handlebars): void {
  for (const [word, measure] of Object.entries(MEASURE_WORDS)) {
    hb.registerHelper(word, function (key: unknown, options: HelperOptions) {
      const a = aggregateFor(key, options);
      return formatPercent(record(options, a, measure, measureValue(a, measure)));
    });
  }
  hb.registerHelper('nee', function (key: unknown, options: HelperOptions) {
    const a = aggregateFor(key, options);
    return formatPercent(record(options, a, 'Nee', a.percentages.Nee ?? 0));
  });
  hb.registerHelper('antwoord', function (key: unknown, label: unknown, options: HelperOptions) {
    const a = aggregateFor(key, options);
    if (typeof label !== 'string' || !(label in a.percentages)) {
      throw new NarrativeError(`'${String(label)}' is geen antwoord op '${a.question}'.`, suggest(String(label), Object.keys(a.percentages)));
    }
    return formatPercent(record(options, a, label, a.percentages[label]!));
  });
  hb.registerHelper('n', function (key: unknown, options: HelperOptions) {
    const a = aggregateFor(key, options);
    return formatNumber(record(options, a, 'n', a.n));
  });
  hb.registerHelper('circa', function (key: unknown, measure: unknown, options: HelperOptions) {
    const a = aggregateFor(key, options);
    const m = parseMeasure(measure);
    return approximately(record(options, a, m, measureValue(a, m)));
  });
  hb.registerHelper('ongeveer', function (key: unknown, measure: unknown, options: HelperOptions) {
    const a = aggregateFor(key, options);
    const m = parseMeasure(measure);
    return about(record(options, a, m, measureValue(a, m)));
  });
  hb.registerHelper('tendens', function (...args: unknown[]) {
    const options = args.pop() as HelperOptions;
    if (args.length > 0) return tendency(distribution(aggregateFor(args[0], options)));
    const list = groupAggregates(options);
    if (!list.length) throw new NarrativeError('geen stellingen met genoeg respondenten in deze groep.');
    const mean = (m: Measure) => list.reduce((s, a) => s + measureValue(a, m), 0) / list.length;
    return tendency({ positive: mean('positive'), neutral: mean('neutral'), negative: mean('negative') });
  });
  hb.registerHelper('vergelijking', function (key: unknown, options: HelperOptions) {
    const a = aggregateFor(key, options);
    if (a.scope === ORGANISATION) throw new NarrativeError('vergelijking werkt alleen in een producthoofdstuk (of met scope="…").');
    const org = data(options).env.aggregates.get(a.question, ORGANISATION, ALL);
    if (!org || org.suppressed) throw new NarrativeError(`'${a.question}' heeft geen cijfer voor Logius als geheel om mee te vergelijken.`);
    record(options, a, 'positive', measureValue(a, 'positive'));
    record(options, org, 'positive', measureValue(org, 'positive'));
    return comparison(measureValue(a, 'positive'), measureValue(org, 'positive'), REFERENCE);
  });
  hb.registerHelper('stelling', function (key: unknown, options: HelperOptions) {
    const d = data(options);
    const q = typeof key === 'string' ? d.env.questionnaire.byKey.get(key) : undefined;
    if (!q) throw new NarrativeError(`onbekende vraag '${String(key)}'.`, suggest(String(key), [...d.env.questionnaire.byKey.keys()]));
    const scope = scopeFrom(options);
    const text = questionText(q, scope === ORGANISATION ? null : scope) ?? questionText(q, null) ?? q.key;
    return text.replace(/[.?]$/, '');
  });
  hb.registerHelper('hoogste', function (measure: unknown, options: HelperOptions) {
    const m = parseMeasure(measure);
    const list = groupAggregates(options);
    if (!list.length) throw new NarrativeError('geen stellingen met genoeg respondenten in deze groep.');
    return list.reduce((best, a) => (measureValue(a, m) > measureValue(best, m) ? a : best)).question;
  });
  hb.registerHelper('laagste', function (measure: unknown, options: HelperOptions) {
    const m = parseMeasure(measure);
    const list = groupAggregates(options);
    if (!list.length) throw new NarrativeError('geen stellingen met genoeg respondenten in deze groep.');
    return list.reduce((best, a) => (measureValue(a, m) < measureValue(best, m) ? a : best)).question;
  });
  hb.registerHelper('voldoende', function (key: unknown, options: HelperOptions) {
    const d = data(options);
    if (typeof key !== 'string' || !d.env.questionnaire.byKey.has(key)) {
      throw new NarrativeError(`onbekende vraag '${String(key)}'.`, suggest(String(key), [...d.env.questionnaire.byKey.keys()]));
    }
    const a = d.env.aggregates.get(key, scopeFrom(options), (options.hash?.segment as string | undefined) ?? ALL);
    return a !== undefined && !a.suppressed;
  });
  hb.registerHelper('meervoud', function (count: unknown, singular: unknown, pluralForm: unknown) {
    return plural(Number(count), String(singular), String(pluralForm));
  });
  hb.registerHelper('respons', function (measure: unknown, options: HelperOptions) {
    const d = data(options);
    const s = d.env.aggregates.statistics;
    const scope = scopeFrom(options);
    const rec = (m: string, v: number) => {
      d.figures.push({ question: 'respons', scope, segment: ALL, measure: m, value: v });
      return v;
    };
    const p = s.perProduct.find((x) => x.product === scope);
    switch (measure) {
      case 'uitgenodigd':
        return formatNumber(rec('invited', p ? p.invited : s.invited));
      case 'gerespondeerd':
        return formatNumber(rec('responded', p ? p.responded : s.responded));
      case 'responspercentage':
        return formatPercent(rec('responseRate', p ? p.responseRate : s.responseRate), 1);
      case 'volledig':
        return formatNumber(rec('complete', s.complete));
      case 'aandeel':
        if (!p) throw new NarrativeError("respons 'aandeel' werkt alleen voor een product.");
        return formatPercent(rec('share', p.share), 1);
      case 'producten':
        return formatNumber(rec('products', d.env.edition.products.length));
      default:
        throw new NarrativeError(`onbekende responsmaat '${String(measure)}'.`, 'Kies uit: uitgenodigd, gerespondeerd, responspercentage, volledig, aandeel, producten.');
    }
  });
  hb.registerHelper('paragraaf', function (group: unknown, options: HelperOptions) {
    const d = data(options);
    const scope = scopeFrom(options);
    const n = d.env.sectionNumbers.get(`${scope}|${String(group)}`);
    if (!n) throw new NarrativeError(`geen paragraaf voor '${String(group)}' bij ${scopeLabel(scope)}.`, suggest(String(group), d.env.questionnaire.groups.map((g) => g.key)));
    return `paragraaf ${n}`;
  });
  hb.registerHelper('per_product', function (this: unknown, options: HelperOptions) {
    const d = data(options);
    return d.env.edition.products
      .map((p: Product) => {
        const frame = Handlebars.createFrame(options.data) as RenderData;
        frame.scope = p.name;
        return options.fn({ naam: p.name, sleutel: p.key }, { data: frame });
      })
      .join('');
  });
}

export const HELPER_NAMES = [
  'positief', 'neutraal', 'negatief', 'ja', 'nee', 'antwoord', 'n', 'circa', 'ongeveer', 'tendens', 'vergelijking',
  'stelling', 'hoogste', 'laagste', 'voldoende', 'meervoud', 'respons', 'paragraaf', 'per_product',
] as const;
