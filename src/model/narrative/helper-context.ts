import type { HelperOptions } from 'handlebars';
import { ORGANISATION, ALL, type Aggregate, type Aggregates } from '../../analyse/aggregate-types.ts';
import { wholeOrganisation, type Edition, type Product } from '../../load/edition.ts';
import type { Question, Questionnaire } from '../../load/questionnaire.ts';
import type { FigureRef } from '../report-types.ts';
import type { PreviousEdition } from '../../analyse/previous-edition.ts';
import { parseDutchNumber, type Distribution } from './phrasing.ts';
import { roundShares } from '../../analyse/rounding.ts';
import { suggest } from './suggest.ts';
import { analysableStatements, type StatementSet } from '../statements.ts';
import { shownResponseShares } from '../shown-shares.ts';
import { printableProducts } from '../chart-blocks.ts';
import type { Wording } from '../wording.ts';

/**
 * What every narrative helper shares: the render's state (scope, group, the figures it used), and
 * the checks that turn a wrong argument into a sentence for the editor. The helpers themselves are
 * the registry in helpers.ts.
 */

/** What the helpers can see: the edition's data, never files. */
export interface NarrativeEnv {
  edition: Edition;
  questionnaire: Questionnaire;
  aggregates: Aggregates;
  /** `${scope}|${group}` → section number ("1.1"), for references. */
  sectionNumbers: Map<string, string>;
  /** The previous edition, for changes since last year; absent in a first edition. */
  previous?: PreviousEdition;
  /**
   * Each printed response line's share of all respondents as the report prints it
   * (`shownResponseShares`), computed once per model build.
   */
  shownShares: ReadonlyMap<string, number>;
}

/** The helpers' view of one model build; what is derived from the data (the printed shares) is computed here, once. */
export function narrativeEnv(base: Omit<NarrativeEnv, 'shownShares' | 'sectionNumbers'> & { sectionNumbers?: Map<string, string> }, wording: Wording): NarrativeEnv {
  return {
    ...base,
    sectionNumbers: base.sectionNumbers ?? new Map(),
    shownShares: shownResponseShares(printableProducts(base.aggregates.statistics, wording), base.edition.rounding.shares),
  };
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
export function checkOverride(d: RenderData, q: Question, scope: string): void {
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

export type Measure = 'positive' | 'neutral' | 'negative' | 'yes';
export const MEASURE_WORDS: Record<string, Measure> = { positief: 'positive', neutraal: 'neutral', negatief: 'negative', ja: 'yes' };

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

export function data(options: HelperOptions): RenderData {
  // {{#each}} and {{#with}} make child frames that keep the parent as _parent.
  for (let f = options.data as Record<PropertyKey, unknown> | undefined; f; f = f._parent as Record<PropertyKey, unknown> | undefined) {
    const state = f[RENDER_STATE];
    if (state) return state as RenderData;
  }
  throw new NarrativeError('deze helper werkt hier niet.');
}

export function scopeFrom(options: HelperOptions): string {
  const s = options.hash?.scope as string | undefined;
  if (s === undefined) return data(options).scope;
  if (s === 'organisatie' || s === ORGANISATION) return ORGANISATION;
  const env = data(options).env;
  const p = env.edition.products.find((x) => x.name === s || x.key === s);
  if (!p) throw new NarrativeError(`onbekend product '${s}'.`, suggest(s, env.edition.products.map((x) => x.key)));
  return p.name;
}

/** How the text names a scope: the product, or the organisation as a whole ("Logius als geheel"). */
export function scopeLabel(scope: string, edition: Edition): string {
  return scope === ORGANISATION ? wholeOrganisation(edition) : scope;
}

/** The aggregate a helper talks about; refuses unknown questions and groups too small to analyse. */
export function aggregateFor(key: unknown, options: HelperOptions): Aggregate {
  const d = data(options);
  const { questionnaire, aggregates, edition } = d.env;
  if (typeof key !== 'string') throw new NarrativeError('deze helper verwacht een vraagsleutel tussen aanhalingstekens, bijvoorbeeld "afspraken-nakomen".');
  const q = questionnaire.byKey.get(key);
  if (!q) throw new NarrativeError(`onbekende vraag '${key}'.`, suggest(key, [...questionnaire.byKey.keys()]));
  const scope = scopeFrom(options);
  checkOverride(d, q, scope);
  const segment = (options.hash?.segment as string | undefined) ?? ALL;
  const a = aggregates.get(key, scope, segment);
  if (!a) throw new NarrativeError(`vraag '${key}' is niet gesteld voor ${scopeLabel(scope, edition)}${segment === ALL ? '' : ` (segment ${segment})`}.`);
  if (a.suppressed) {
    // Never the group's N: that is one of the figures that may not be published.
    const group = `${scopeLabel(scope, edition)}${segment === ALL ? '' : ` (segment ${segment})`}`;
    throw new NarrativeError(
      a.suppression === 'complementary'
        ? `de cijfers over '${key}' bij ${group} worden niet getoond: anders zijn die van een kleinere groep (minder dan ${edition.min_group_size}) uit te rekenen.`
        : `te weinig respondenten voor cijfers over '${key}' bij ${group} (minder dan ${edition.min_group_size}).`,
      `Zet de zin binnen {{#if (voldoende "${key}"${segment === ALL ? '' : ` segment="${segment}"`})}} … {{/if}}.`,
    );
  }
  return a;
}

export function record(options: HelperOptions, a: Aggregate, measure: string, value: number): number {
  data(options).figures.push({ question: a.question, scope: a.scope, segment: a.segment, measure, value });
  return value;
}

export function measureValue(a: Aggregate, measure: Measure): number {
  const v = a[measure];
  if (v === null) throw new NarrativeError(`'${a.question}' heeft geen ${Object.keys(MEASURE_WORDS).find((k) => MEASURE_WORDS[k] === measure)}-aandeel (soort vraag: ${a.kind}).`);
  return v;
}

export function parseMeasure(word: unknown): Measure {
  const m = typeof word === 'string' && Object.hasOwn(MEASURE_WORDS, word) ? MEASURE_WORDS[word] : undefined;
  if (!m) throw new NarrativeError(`onbekende maat '${String(word)}'.`, suggest(String(word), Object.keys(MEASURE_WORDS)) ?? `Kies uit: ${Object.keys(MEASURE_WORDS).join(', ')}.`);
  return m;
}

/**
 * A share as the text prints it: rounded together with the other shares of its question, so
 * that "65% positief, 23% neutraal en 12% negatief" adds up to 100 (edition rounding.shares).
 * The rest of the scale ("niet van toepassing") takes part in the rounding but is not printed.
 */
export function shownShare(a: Aggregate, measure: Measure, edition: Edition): number {
  const { text_decimals: decimals, shares: rule } = edition.rounding;
  const value = measureValue(a, measure);
  if (measure === 'yes') return roundShares({ yes: value, no: 100 - value }, decimals, rule).yes!;
  const d = distribution(a);
  const rest = Math.max(0, 100 - d.positive - d.neutral - d.negative);
  return roundShares({ positive: d.positive, neutral: d.neutral, negative: d.negative, rest }, decimals, rule)[measure]!;
}

export function distribution(a: Aggregate): Distribution {
  return { positive: measureValue(a, 'positive'), neutral: measureValue(a, 'neutral'), negative: measureValue(a, 'negative') };
}

/** `soort="…"`: every value or every work process. */
const KINDS: Record<string, 'value' | 'process'> = { waarden: 'value', werkprocessen: 'process' };
export const KIND_WORDS = Object.keys(KINDS);

/**
 * The statements a helper is about: `groep="…"`, `soort="waarden"` or `soort="werkprocessen"`,
 * else the current section's group; without any of those, all statements when `orAll`, else an error.
 */
export function statementSet(options: HelperOptions, orAll = false): StatementSet {
  const d = data(options);
  const kind = options.hash?.soort as string | undefined;
  const explicit = options.hash?.groep as string | undefined;
  if (kind !== undefined) {
    if (explicit !== undefined) throw new NarrativeError('gebruik groep="…" of soort="…", niet allebei.');
    if (!Object.hasOwn(KINDS, kind)) throw new NarrativeError(`onbekende soort '${kind}'.`, suggest(kind, KIND_WORDS) ?? `Kies uit: ${KIND_WORDS.join(', ')}.`);
    return { type: KINDS[kind]! };
  }
  const group = explicit ?? d.group;
  if (!group) {
    if (orAll) return 'all';
    throw new NarrativeError('deze helper werkt alleen in de tekst van een waarde of werkproces, of met groep="…" of soort="…".');
  }
  if (!d.env.questionnaire.groups.some((g) => g.key === group)) {
    throw new NarrativeError(`onbekende groep '${group}'.`, suggest(group, d.env.questionnaire.groups.map((g) => g.key)));
  }
  return { group };
}

/** Likert questions of the current section's group (or groep=/soort=) that can be analysed in scope. */
export function groupAggregates(options: HelperOptions, scope = scopeFrom(options), orAll = false): Aggregate[] {
  const { env } = data(options);
  return analysableStatements(env.aggregates, env.questionnaire, statementSet(options, orAll), scope);
}

export const MEASURES = Object.keys(MEASURE_WORDS);
export const RESPONSE_MEASURES = ['uitgenodigd', 'gerespondeerd', 'responspercentage', 'volledig', 'aandeel', 'producten', 'zonder-product', 'zonder-product-aandeel'];
export const CHAPTER_WORDS = ['waarden', 'werkprocessen', 'onderzoeksverantwoording'];

/** `drempel=…`: the minimum relevant difference for this one comparison (else the edition's). */
export function parseThreshold(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const t = parseDutchNumber(value);
  if (Number.isNaN(t) || t < 0) throw new NarrativeError(`drempel moet een aantal procentpunten zijn, niet '${String(value)}'.`, 'Bijvoorbeeld {{vergelijking "afspraken-nakomen" drempel=10}}.');
  return t;
}
