import Handlebars from 'handlebars';
import type { HelperOptions } from 'handlebars';
import { formatNumber, formatPercent } from '../../analyse/dutch-number.ts';
import { ORGANISATION, ALL, type Aggregate, type Aggregates } from '../../analyse/aggregate-types.ts';
import type { Edition, Product } from '../../load/edition.ts';
import { questionText, type Question, type Questionnaire } from '../../load/questionnaire.ts';
import type { FigureRef } from '../report-types.ts';
import { previousAggregate, type PreviousEdition } from '../../analyse/previous-edition.ts';
import { about, approximately, comparison, formatChange, fraction, parseDutchNumber, plural, tendency, type Distribution } from './phrasing.ts';
import { changeSincePrevious, productVersusOrganisation, productVersusOrganisationMean } from '../../analyse/comparisons.ts';
import { verdict } from '../../analyse/uncertainty.ts';
import { roundShares } from '../../analyse/rounding.ts';
import { shownResponseShares } from '../shown-shares.ts';
import { suggest } from './suggest.ts';

/** What the helpers can see: the edition's data, never files. */
export interface NarrativeEnv {
  edition: Edition;
  questionnaire: Questionnaire;
  aggregates: Aggregates;
  /** `${scope}|${group}` → section number ("1.1"), for references. */
  sectionNumbers: Map<string, string>;
  /** The previous edition, for changes since last year; absent in a first edition. */
  previous?: PreviousEdition;
}

/** Per-render data: the scope and group of the section, and where used figures are recorded. */
export interface RenderData {
  env: NarrativeEnv;
  scope: string;
  group: string | null;
  figures: FigureRef[];
  /** Set while rendering a product's own version of a snippet (narrative/producten/<key>.yaml). */
  override?: Product;
}

/** Whether a question is asked in a scope: the organisation (null) or a product key. */
export function askedIn(q: Question, productKey: string | null): boolean {
  if (productKey === null) return q.asked.organisation;
  const p = q.asked.products;
  return p === 'all' || (Array.isArray(p) && p.includes(productKey));
}

/** A product's own text may only name questions that product has. */
function checkOverride(d: RenderData, q: Question, scope: string): void {
  const p = d.override;
  if (!p || scope !== p.name || askedIn(q, p.key)) return;
  const asked = d.env.questionnaire.questions.filter((x) => askedIn(x, p.key)).map((x) => x.key);
  throw new NarrativeError(
    `vraag '${q.key}' wordt niet gesteld voor ${p.name}; de eigen tekst van ${p.name} kan haar niet noemen.`,
    suggest(q.key, asked) ?? 'Noem een vraag die dit product heeft, of zet de zin in product.yaml binnen {{#if (voldoende "…")}}.',
  );
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

/**
 * Where a render's state sits in the Handlebars data frame: under a symbol, which a template
 * cannot name. So `{{@env …}}`, `{{#each @…}}` and the like reach no aggregates, paths or files —
 * a template sees its variables and what the helpers choose to print.
 */
export const RENDER_STATE: unique symbol = Symbol('eindrapport.render');

/** The Handlebars data frame of a render: nothing a template can read. */
export function renderFrame(state: RenderData): Record<PropertyKey, unknown> {
  return { [RENDER_STATE]: state };
}

function data(options: HelperOptions): RenderData {
  // {{#each}} and {{#with}} make child frames that keep the parent as _parent.
  for (let f = options.data as Record<PropertyKey, unknown> | undefined; f; f = f._parent as Record<PropertyKey, unknown> | undefined) {
    const state = f[RENDER_STATE];
    if (state) return state as RenderData;
  }
  throw new NarrativeError('deze helper werkt hier niet.');
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
  checkOverride(d, q, scope);
  const segment = (options.hash?.segment as string | undefined) ?? ALL;
  const a = aggregates.get(key, scope, segment);
  if (!a) throw new NarrativeError(`vraag '${key}' is niet gesteld voor ${scopeLabel(scope)}${segment === ALL ? '' : ` (segment ${segment})`}.`);
  if (a.suppressed) {
    // Never the group's N: that is one of the figures that may not be published.
    const group = `${scopeLabel(scope)}${segment === ALL ? '' : ` (segment ${segment})`}`;
    throw new NarrativeError(
      a.suppression === 'complementary'
        ? `de cijfers over '${key}' bij ${group} worden niet getoond: anders zijn die van een kleinere groep (minder dan ${edition.min_group_size}) uit te rekenen.`
        : `te weinig respondenten voor cijfers over '${key}' bij ${group} (minder dan ${edition.min_group_size}).`,
      `Zet de zin binnen {{#if (voldoende "${key}"${segment === ALL ? '' : ` segment="${segment}"`})}} … {{/if}}.`,
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
  const m = typeof word === 'string' && Object.hasOwn(MEASURE_WORDS, word) ? MEASURE_WORDS[word] : undefined;
  if (!m) throw new NarrativeError(`onbekende maat '${String(word)}'.`, suggest(String(word), Object.keys(MEASURE_WORDS)) ?? `Kies uit: ${Object.keys(MEASURE_WORDS).join(', ')}.`);
  return m;
}

/**
 * A share as the text prints it: rounded together with the other shares of its question, so
 * that "65% positief, 23% neutraal en 12% negatief" adds up to 100 (edition rounding.shares).
 * The rest of the scale ("niet van toepassing") takes part in the rounding but is not printed.
 */
function shownShare(a: Aggregate, measure: Measure, edition: Edition): number {
  const { text_decimals: decimals, shares: rule } = edition.rounding;
  const value = measureValue(a, measure);
  if (measure === 'yes') return roundShares({ yes: value, no: 100 - value }, decimals, rule).yes!;
  const d = distribution(a);
  const rest = Math.max(0, 100 - d.positive - d.neutral - d.negative);
  return roundShares({ positive: d.positive, neutral: d.neutral, negative: d.negative, rest }, decimals, rule)[measure]!;
}

function distribution(a: Aggregate): Distribution {
  return { positive: measureValue(a, 'positive'), neutral: measureValue(a, 'neutral'), negative: measureValue(a, 'negative') };
}

/** Likert questions of the current section's group that can be analysed in scope. */
function groupAggregates(options: HelperOptions, scope = scopeFrom(options)): Aggregate[] {
  const d = data(options);
  const group = (options.hash?.groep as string | undefined) ?? d.group;
  if (!group) throw new NarrativeError('deze helper werkt alleen in de tekst van een waarde of werkproces, of met groep="…".');
  if (!d.env.questionnaire.groups.some((g) => g.key === group)) {
    throw new NarrativeError(`onbekende groep '${group}'.`, suggest(group, d.env.questionnaire.groups.map((g) => g.key)));
  }
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
      record(options, a, measure, measureValue(a, measure));
      return formatPercent(shownShare(a, measure, data(options).env.edition), data(options).env.edition.rounding.text_decimals);
    });
  }
  hb.registerHelper('nee', function (key: unknown, options: HelperOptions) {
    const a = aggregateFor(key, options);
    const { edition } = data(options).env;
    record(options, a, 'Nee', a.percentages.Nee ?? 0);
    return formatPercent(roundShares(a.percentages, edition.rounding.text_decimals, edition.rounding.shares).Nee ?? 0, edition.rounding.text_decimals);
  });
  hb.registerHelper('antwoord', function (key: unknown, label: unknown, options: HelperOptions) {
    const a = aggregateFor(key, options);
    // Own keys only: 'toString' is "in" every object and printed NaN%.
    if (typeof label !== 'string' || !Object.hasOwn(a.percentages, label)) {
      const labels = Object.keys(a.percentages);
      throw new NarrativeError(`'${String(label)}' is geen antwoord op '${a.question}'.`, suggest(String(label), labels) ?? `Kies uit: ${labels.join(', ')}.`);
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
  hb.registerHelper('breuk', function (key: unknown, measure: unknown, options: HelperOptions) {
    const a = aggregateFor(key, options);
    const m = parseMeasure(measure);
    return fraction(record(options, a, m, measureValue(a, m)));
  });
  hb.registerHelper('tendens', function (...args: unknown[]) {
    const options = args.pop() as HelperOptions;
    if (args.length > 0) return tendency(distribution(aggregateFor(args[0], options)));
    const list = groupAggregates(options);
    if (!list.length) throw new NarrativeError('geen stellingen met genoeg respondenten in deze groep.');
    const mean = (m: Measure) => list.reduce((s, a) => s + measureValue(a, m), 0) / list.length;
    return tendency({ positive: mean('positive'), neutral: mean('neutral'), negative: mean('negative') });
  });
  hb.registerHelper('vergelijking', function (...args: unknown[]) {
    const options = args.pop() as HelperOptions;
    const { aggregates, edition } = data(options).env;
    const minimum = parseThreshold(options.hash?.drempel, edition.comparison.min_difference);
    if (args.length === 0) {
      // The group's statements: mean positive share of the product against that of Logius.
      const scope = scopeFrom(options);
      if (scope === ORGANISATION) throw new NarrativeError('vergelijking werkt alleen in een producthoofdstuk (of met scope="…").');
      const own = groupAggregates(options, scope);
      const org = new Map(groupAggregates(options, ORGANISATION).map((a) => [a.question, a]));
      const both = own.filter((a) => org.has(a.question));
      if (!both.length) throw new NarrativeError('geen stellingen in deze groep met genoeg respondenten bij zowel het product als Logius als geheel.');
      const test = productVersusOrganisationMean(both.map((a) => [a, org.get(a.question)!]), 'positive', aggregates.statistics);
      return comparison(verdict(test, minimum), REFERENCE);
    }
    const a = aggregateFor(args[0], options);
    if (a.scope === ORGANISATION) throw new NarrativeError('vergelijking werkt alleen in een producthoofdstuk (of met scope="…").');
    const org = aggregates.get(a.question, ORGANISATION, ALL);
    if (!org || org.suppressed) throw new NarrativeError(`'${a.question}' heeft geen cijfer voor Logius als geheel om mee te vergelijken.`);
    record(options, a, 'positive', measureValue(a, 'positive'));
    record(options, org, 'positive', measureValue(org, 'positive'));
    return comparison(verdict(productVersusOrganisation(a, org, 'positive', aggregates.statistics), minimum), REFERENCE);
  });
  hb.registerHelper('stelling', function (key: unknown, options: HelperOptions) {
    const d = data(options);
    const q = typeof key === 'string' ? d.env.questionnaire.byKey.get(key) : undefined;
    if (!q) throw new NarrativeError(`onbekende vraag '${String(key)}'.`, suggest(String(key), [...d.env.questionnaire.byKey.keys()]));
    const scope = scopeFrom(options);
    checkOverride(d, q, scope);
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
  hb.registerHelper('vergelijkbaar', function (key: unknown, options: HelperOptions) {
    const d = data(options);
    const q = typeof key === 'string' ? d.env.questionnaire.byKey.get(key) : undefined;
    if (!q) throw new NarrativeError(`onbekende vraag '${String(key)}'.`, suggest(String(key), [...d.env.questionnaire.byKey.keys()]));
    const now = d.env.aggregates.get(q.key, scopeFrom(options), (options.hash?.segment as string | undefined) ?? ALL);
    return !!now && !now.suppressed && previousAggregate(d.env.previous, q, now.scope, now.segment) !== undefined;
  });
  hb.registerHelper('verschil', function (key: unknown, measure: unknown, options: HelperOptions) {
    const d = data(options);
    const a = aggregateFor(key, options);
    const m = parseMeasure(measure);
    if (!d.env.previous) throw new NarrativeError('deze editie heeft geen vorige editie (previous_edition in edition.yaml).');
    const before = previousAggregate(d.env.previous, d.env.questionnaire.byKey.get(a.question)!, a.scope, a.segment);
    if (!before) {
      throw new NarrativeError(`'${a.question}' is niet vergelijkbaar met ${d.env.previous.year} voor ${scopeLabel(a.scope)}.`, `Zet de zin binnen {{#if (vergelijkbaar "${a.question}")}} … {{/if}}.`);
    }
    measureValue(a, m); // a clear error when the question has no such share
    const test = changeSincePrevious(a, before, m);
    record(options, a, `change:${m}`, test.difference);
    return formatChange(test.difference, verdict(test, d.env.edition.comparison.min_difference), d.env.previous.year);
  });
  hb.registerHelper('voldoende', function (key: unknown, options: HelperOptions) {
    const d = data(options);
    const q = typeof key === 'string' ? d.env.questionnaire.byKey.get(key) : undefined;
    if (!q) throw new NarrativeError(`onbekende vraag '${String(key)}'.`, suggest(String(key), [...d.env.questionnaire.byKey.keys()]));
    const scope = scopeFrom(options);
    checkOverride(d, q, scope);
    const a = d.env.aggregates.get(q.key, scope, (options.hash?.segment as string | undefined) ?? ALL);
    return a !== undefined && !a.suppressed;
  });
  hb.registerHelper('meervoud', function (count: unknown, singular: unknown, pluralForm: unknown, options: HelperOptions) {
    const c = parseDutchNumber(count);
    if (Number.isNaN(c)) throw new NarrativeError(`meervoud verwacht eerst een aantal, niet '${String(count)}'.`, 'Bijvoorbeeld {{meervoud (respons "producten") "product" "producten"}}.');
    if (typeof singular !== 'string' || typeof pluralForm !== 'string') {
      throw new NarrativeError('meervoud verwacht een aantal, het enkelvoud en het meervoud.', 'Bijvoorbeeld {{meervoud 3 "product" "producten"}}.');
    }
    return plural(c, singular, pluralForm, options?.hash?.getal !== false);
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
    if (p?.suppression && measure !== 'uitgenodigd' && measure !== 'producten' && measure !== 'volledig') {
      throw new NarrativeError(
        `het aantal respondenten van ${p.product} wordt niet genoemd: ${p.suppression === 'too-few' ? `het is kleiner dan ${d.env.edition.min_group_size}` : 'anders is dat van een kleinere groep uit te rekenen'}.`,
        'Laat het aantal weg bij dit product, of gebruik het aantal van Logius als geheel (scope="organisatie").',
      );
    }
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
        rec('share', p.share);
        return formatPercent(shownResponseShares(s, d.env.edition.rounding.shares).get(p.product)!, 1);
      case 'producten':
        return formatNumber(rec('products', d.env.edition.products.length));
      default:
        throw new NarrativeError(`onbekende responsmaat '${String(measure)}'.`, suggest(String(measure), RESPONSE_MEASURES) ?? `Kies uit: ${RESPONSE_MEASURES.join(', ')}.`);
    }
  });
  hb.registerHelper('paragraaf', function (group: unknown, options: HelperOptions) {
    const d = data(options);
    const scope = scopeFrom(options);
    const n = d.env.sectionNumbers.get(`${scope}|${String(group)}`);
    if (!n) throw new NarrativeError(`geen paragraaf voor '${String(group)}' bij ${scopeLabel(scope)}.`, suggest(String(group), d.env.questionnaire.groups.map((g) => g.key)));
    return `paragraaf ${n}`;
  });
  hb.registerHelper('hoofdstuk', function (which: unknown, options: HelperOptions) {
    const d = data(options);
    const scope = scopeFrom(options);
    const products = d.env.edition.products;
    // Numbered as the report numbers them: per scope (Logius, then each product) a chapter about
    // the values and one about the work processes; the methodology chapter comes last.
    const index = scope === ORGANISATION ? 0 : products.findIndex((p) => p.name === scope) + 1;
    const number = which === 'waarden' ? index * 2 + 1 : which === 'werkprocessen' ? index * 2 + 2 : which === 'onderzoeksverantwoording' ? (products.length + 1) * 2 + 1 : null;
    if (number === null) throw new NarrativeError(`onbekend hoofdstuk '${String(which)}'.`, suggest(String(which), CHAPTERS) ?? `Kies uit: ${CHAPTERS.join(', ')}.`);
    return `hoofdstuk ${number}`;
  });
  hb.registerHelper('jaar', function (options: HelperOptions) {
    return String(data(options).env.edition.year);
  });
  hb.registerHelper('vorig_jaar', function (options: HelperOptions) {
    const previous = data(options).env.previous;
    if (!previous) {
      throw new NarrativeError(
        'deze editie heeft geen vorige editie (previous_edition in edition.yaml), dus {{vorig_jaar}} heeft geen waarde.',
        'Zet previous_edition in edition.yaml, of schrijf de zin zonder het vorige jaar.',
      );
    }
    return String(previous.year);
  });
  hb.registerHelper('jaartal', function (year: unknown) {
    const y = typeof year === 'number' ? year : Number(year);
    if (!Number.isInteger(y) || y < 1900 || y > 2100) {
      throw new NarrativeError(`jaartal verwacht een jaar, niet '${String(year)}'.`, 'Bijvoorbeeld {{jaartal 2018}} voor een jaar dat in elke editie hetzelfde blijft.');
    }
    return String(y);
  });
  hb.registerHelper('per_product', function (this: unknown, options: HelperOptions) {
    const d = data(options);
    return d.env.edition.products
      .map((p: Product) => {
        const frame = Handlebars.createFrame(options.data) as Record<PropertyKey, unknown>;
        frame[RENDER_STATE] = { ...d, scope: p.name };
        return options.fn({ naam: p.name, sleutel: p.key }, { data: frame });
      })
      .join('');
  });
}

export const HELPER_NAMES = [
  'positief', 'neutraal', 'negatief', 'ja', 'nee', 'antwoord', 'n', 'circa', 'ongeveer', 'breuk', 'tendens', 'vergelijking',
  'stelling', 'hoogste', 'laagste', 'voldoende', 'vergelijkbaar', 'verschil', 'meervoud', 'respons', 'paragraaf', 'hoofdstuk', 'per_product',
  'jaar', 'vorig_jaar', 'jaartal',
] as const;

export type HelperName = (typeof HELPER_NAMES)[number];

/** What a helper argument is; `eindrapport check` validates literal arguments by this. */
export type ArgKind = 'vraag' | 'maat' | 'antwoord' | 'groep' | 'responsmaat' | 'hoofdstuk' | 'aantal' | 'tekst';

export interface HelperSpec {
  /** Positional arguments, in order. */
  args: ArgKind[];
  /** How many of `args` may be left out at the end. */
  optional?: number;
  /** Named options (name=value). */
  hash: string[];
  block?: boolean;
}

const Q = ['scope', 'segment'];
/** Every helper's arguments and options, for `eindrapport check` (and the guide). */
export const HELPER_SPECS: Record<HelperName, HelperSpec> = {
  positief: { args: ['vraag'], hash: Q },
  neutraal: { args: ['vraag'], hash: Q },
  negatief: { args: ['vraag'], hash: Q },
  ja: { args: ['vraag'], hash: Q },
  nee: { args: ['vraag'], hash: Q },
  antwoord: { args: ['vraag', 'antwoord'], hash: Q },
  n: { args: ['vraag'], hash: Q },
  circa: { args: ['vraag', 'maat'], hash: Q },
  ongeveer: { args: ['vraag', 'maat'], hash: Q },
  breuk: { args: ['vraag', 'maat'], hash: Q },
  tendens: { args: ['vraag'], optional: 1, hash: [...Q, 'groep'] },
  vergelijking: { args: ['vraag'], optional: 1, hash: [...Q, 'groep', 'drempel'] },
  stelling: { args: ['vraag'], hash: ['scope'] },
  hoogste: { args: ['maat'], hash: ['scope', 'groep'] },
  laagste: { args: ['maat'], hash: ['scope', 'groep'] },
  voldoende: { args: ['vraag'], hash: Q },
  vergelijkbaar: { args: ['vraag'], hash: Q },
  verschil: { args: ['vraag', 'maat'], hash: Q },
  meervoud: { args: ['aantal', 'tekst', 'tekst'], hash: ['getal'] },
  respons: { args: ['responsmaat'], hash: ['scope'] },
  paragraaf: { args: ['groep'], hash: ['scope'] },
  hoofdstuk: { args: ['hoofdstuk'], hash: ['scope'] },
  per_product: { args: [], hash: [], block: true },
  jaar: { args: [], hash: [] },
  vorig_jaar: { args: [], hash: [] },
  jaartal: { args: ['aantal'], hash: [] },
};

export const MEASURES = Object.keys(MEASURE_WORDS);
export const RESPONSE_MEASURES = ['uitgenodigd', 'gerespondeerd', 'responspercentage', 'volledig', 'aandeel', 'producten'];
const CHAPTERS = ['waarden', 'werkprocessen', 'onderzoeksverantwoording'];
export const CHAPTER_WORDS = CHAPTERS;

/** `drempel=…`: the minimum relevant difference for this one comparison (else the edition's). */
function parseThreshold(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const t = parseDutchNumber(value);
  if (Number.isNaN(t) || t < 0) throw new NarrativeError(`drempel moet een aantal procentpunten zijn, niet '${String(value)}'.`, 'Bijvoorbeeld {{vergelijking "afspraken-nakomen" drempel=10}}.');
  return t;
}
