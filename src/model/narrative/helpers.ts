import type { HelperOptions } from 'handlebars';
import { formatNumber, formatPercent } from '../../analyse/dutch-number.ts';
import { ORGANISATION, ALL } from '../../analyse/aggregate-types.ts';
import { wholeOrganisation, type Product } from '../../load/edition.ts';
import { questionText } from '../../load/questionnaire.ts';
import { previousAggregate } from '../../analyse/previous-edition.ts';
import { about, approximately, comparison, formatChange, fraction, meanDistribution, parseDutchNumber, plural, tendency } from './phrasing.ts';
import { changeSincePrevious, productVersusOrganisation, productVersusOrganisationMean } from '../../analyse/comparisons.ts';
import { verdict, type DifferenceTest, type Verdict } from '../../analyse/uncertainty.ts';
import type { Aggregate } from '../../analyse/aggregate-types.ts';
import { roundShares } from '../../analyse/rounding.ts';
import { suggest } from './suggest.ts';
import { handlebarsRuntime } from '../../load/template-store.ts';
import {
  aggregateFor,
  CHAPTER_WORDS,
  checkOverride,
  data,
  distribution,
  groupAggregates,
  KIND_WORDS,
  measureValue,
  NarrativeError,
  parseMeasure,
  parseThreshold,
  record,
  RENDER_STATE,
  RESPONSE_MEASURES,
  scopeFrom,
  scopeLabel,
  shownShare,
  type Measure,
} from './helper-context.ts';

export { askedIn, CHAPTER_WORDS, KIND_WORDS, MEASURES, NarrativeError, narrativeEnv, renderFrame, RESPONSE_MEASURES, type NarrativeEnv } from './helper-context.ts';

/** What a helper argument is; `eindrapport check` validates literal arguments by this. */
export type ArgKind = 'vraag' | 'maat' | 'antwoord' | 'groep' | 'responsmaat' | 'hoofdstuk' | 'aantal' | 'tekst' | 'richting' | 'uiterste';

/**
 * One narrative helper: how an editor calls it, what it writes, and the code that writes it. The
 * snippet renderer registers `run`; `eindrapport check` checks calls against `args` and `hash`
 * and reads `printsNumber`; `npm run docs` writes the table in docs/tekst-schrijven.md from `doc`.
 */
export interface HelperDefinition {
  /** Positional arguments, in order. */
  readonly args: readonly ArgKind[];
  /** How many of `args` may be left out at the end. */
  readonly optional?: number;
  /** Named options (name=value). */
  readonly hash: readonly string[];
  /** Written as {{#name}}…{{/name}}. */
  readonly block?: boolean;
  /**
   * Writes a figure from the data (a percentage, an N, a response rate, a change): a typed word
   * such as "positief" next to it names what that figure counts (`check`'s hand-typed rule).
   */
  readonly printsNumber: boolean;
  /** What it writes, in a sentence for editors (Dutch; the guide's table). */
  readonly doc: string;
  /** The implementation; Handlebars passes its options last. */
  readonly run: (this: unknown, ...args: any[]) => unknown;
}

const Q = ['scope', 'segment'];

/** A helper that prints one measure of a question in words (circa, ongeveer, breuk): only the wording differs. */
function wordedShare(doc: string, words: (share: number) => string): HelperDefinition {
  return {
    args: ['vraag', 'maat'],
    hash: Q,
    printsNumber: true,
    doc,
    run(key: unknown, measure: unknown, options: HelperOptions) {
      const a = aggregateFor(key, options);
      const m = parseMeasure(measure);
      return words(record(options, a, m, measureValue(a, m)));
    },
  };
}

/** positief, neutraal, negatief, ja: a share of the answers, rounded with its question's other shares. */
function measureHelper(measure: Measure, doc: string): HelperDefinition {
  return {
    args: ['vraag'],
    hash: Q,
    printsNumber: true,
    doc,
    run(key: unknown, options: HelperOptions) {
      const a = aggregateFor(key, options);
      const { edition } = data(options).env;
      record(options, a, measure, measureValue(a, measure));
      return formatPercent(shownShare(a, measure, edition), edition.rounding.text_decimals);
    },
  };
}

const DIRECTIONS: Record<string, Verdict> = { hoger: 'higher', lager: 'lower', vergelijkbaar: 'similar' };
export const DIRECTION_WORDS = Object.keys(DIRECTIONS);
export const EXTREME_WORDS = ['hoogste', 'laagste'];

function parseDirection(word: unknown, allowSimilar = true): Verdict {
  const known = DIRECTION_WORDS.filter((k) => allowSimilar || k !== 'vergelijkbaar');
  if (typeof word !== 'string' || !known.includes(word)) {
    throw new NarrativeError(`onbekende richting '${String(word)}'.`, suggest(String(word), known) ?? `Kies uit: ${known.join(', ')}.`);
  }
  return DIRECTIONS[word]!;
}

/**
 * A scope's statements of a set (groep=/soort=; with `orAll` all statements when neither is given)
 * paired by question with the organisation's, and the test of the mean difference of their positive
 * share (tested against the rest of the organisation); null when no statement can be shown by both.
 * The organisation's statements are read once, for every scope asked about.
 */
function versusOrganisation(options: HelperOptions, orAll: boolean): (scope: string) => DifferenceTest | null {
  const { statistics } = data(options).env.aggregates;
  const org = new Map(groupAggregates(options, ORGANISATION, orAll).map((a) => [a.question, a]));
  return (scope) => {
    const both = groupAggregates(options, scope, orAll).filter((a) => org.has(a.question));
    return both.length ? productVersusOrganisationMean(both.map((a) => [a, org.get(a.question)!]), 'positive', statistics) : null;
  };
}

/**
 * Each product next to the organisation as a whole on the statements of a set (groep=/soort=, else
 * all): the mean difference of the positive share over the statements both can show. Products
 * without such a statement are left out.
 */
function productComparisons(options: HelperOptions): { product: Product; difference: number }[] {
  const test = versusOrganisation(options, true);
  return data(options).env.edition.products.flatMap((product) => {
    const t = test(product.name);
    return t ? [{ product, difference: t.difference }] : [];
  });
}

/**
 * This scope's statements of a set (groep=/soort=, else all) next to the previous edition's:
 * each comparable statement's change in the positive share and its verdict.
 */
function changes(options: HelperOptions): { a: Aggregate; difference: number; verdict: Verdict }[] {
  const d = data(options);
  if (!d.env.previous) throw new NarrativeError('deze editie heeft geen vorige editie (previous_edition in edition.yaml).');
  const previous = d.env.previous;
  return groupAggregates(options, scopeFrom(options), true).flatMap((a) => {
    const before = previousAggregate(previous, d.env.questionnaire.byKey.get(a.question)!, a.scope, ALL);
    if (!before || before.positive === null) return [];
    const test = changeSincePrevious(a, before, 'positive');
    return [{ a, difference: test.difference, verdict: verdict(test, d.env.edition.comparison.min_difference) }];
  });
}

/**
 * The helpers editors use in snippets, in the order of the guide; each with examples in
 * docs/tekst-schrijven.md. A new helper is one entry here.
 */
const DEFINITIONS = {
  positief: measureHelper('positive', 'Het aandeel positieve antwoorden (eens en zeer eens) als percentage, samen met neutraal en negatief afgerond zodat de drie optellen tot 100%.'),
  neutraal: measureHelper('neutral', 'Het aandeel neutrale antwoorden als percentage, afgerond zoals bij `positief`.'),
  negatief: measureHelper('negative', 'Het aandeel negatieve antwoorden (oneens en zeer oneens) als percentage, afgerond zoals bij `positief`.'),
  ja: measureHelper('yes', "Bij een ja/nee-vraag: het aandeel 'ja' als percentage."),
  nee: {
    args: ['vraag'],
    hash: Q,
    printsNumber: true,
    doc: "Bij een ja/nee-vraag: het aandeel 'nee' als percentage.",
    run(key: unknown, options: HelperOptions) {
      const a = aggregateFor(key, options);
      const { edition } = data(options).env;
      record(options, a, 'Nee', a.percentages.Nee ?? 0);
      return formatPercent(roundShares(a.percentages, edition.rounding.text_decimals, edition.rounding.shares).Nee ?? 0, edition.rounding.text_decimals);
    },
  },
  antwoord: {
    args: ['vraag', 'antwoord'],
    hash: Q,
    printsNumber: true,
    doc: 'Het aandeel van één antwoord (zoals "Eens") als percentage.',
    run(key: unknown, label: unknown, options: HelperOptions) {
      const a = aggregateFor(key, options);
      // Own keys only: 'toString' is "in" every object and printed NaN%.
      if (typeof label !== 'string' || !Object.hasOwn(a.percentages, label)) {
        const labels = Object.keys(a.percentages);
        throw new NarrativeError(`'${String(label)}' is geen antwoord op '${a.question}'.`, suggest(String(label), labels) ?? `Kies uit: ${labels.join(', ')}.`);
      }
      return formatPercent(record(options, a, label, a.percentages[label]!));
    },
  },
  n: {
    args: ['vraag'],
    hash: Q,
    printsNumber: true,
    doc: 'Het aantal geldige antwoorden (N) op de vraag.',
    run(key: unknown, options: HelperOptions) {
      const a = aggregateFor(key, options);
      return formatNumber(record(options, a, 'n', a.n));
    },
  },
  circa: wordedShare('Het afgeronde percentage van een maat, met "bijna" of "ruim" als het echte getal lager of hoger ligt.', approximately),
  ongeveer: wordedShare('Het percentage van een maat als "ongeveer …", of als breuk als het getal daar binnen één punt van ligt.', about),
  breuk: wordedShare('Het percentage van een maat als breuk ("een derde", "ruim de helft"); verder dan vijf punten van een breuk een percentage.', fraction),
  tendens: {
    args: ['vraag'], optional: 1,
    hash: [...Q, 'groep', 'soort'],
    printsNumber: false,
    doc: 'Het beeld in woorden ("overwegend positief", "wisselend positief en negatief", "vooral positief"), van één stelling of gemiddeld over de stellingen van de paragraaf (of van `groep="…"`, of met `soort="waarden"` of `"werkprocessen"` van alle waarden of werkprocessen).',
    run(...args: unknown[]) {
      const options = args.pop() as HelperOptions;
      if (args.length > 0) return tendency(distribution(aggregateFor(args[0], options)));
      const list = groupAggregates(options);
      if (!list.length) throw new NarrativeError('geen stellingen met genoeg respondenten in deze groep.');
      return tendency(meanDistribution(list.map(distribution)));
    },
  },
  vergelijking: {
    args: ['vraag'], optional: 1,
    hash: [...Q, 'groep', 'soort', 'drempel'],
    printsNumber: false,
    doc: 'In een producthoofdstuk: positiever, minder positief of vergelijkbaar met de organisatie als geheel (significant en minstens `comparison.min_difference` punten).',
    run(...args: unknown[]) {
      const options = args.pop() as HelperOptions;
      const { aggregates, edition } = data(options).env;
      const minimum = parseThreshold(options.hash?.drempel, edition.comparison.min_difference);
      if (args.length === 0) {
        // The group's statements: mean positive share of the product against that of Logius.
        const scope = scopeFrom(options);
        if (scope === ORGANISATION) throw new NarrativeError('vergelijking werkt alleen in een producthoofdstuk (of met scope="…").');
        const test = versusOrganisation(options, false)(scope);
        if (!test) throw new NarrativeError(`geen stellingen in deze groep met genoeg respondenten bij zowel het product als ${wholeOrganisation(edition)}.`);
        return comparison(verdict(test, minimum), wholeOrganisation(edition));
      }
      const a = aggregateFor(args[0], options);
      if (a.scope === ORGANISATION) throw new NarrativeError('vergelijking werkt alleen in een producthoofdstuk (of met scope="…").');
      const org = aggregates.get(a.question, ORGANISATION, ALL);
      if (!org || org.suppressed) throw new NarrativeError(`'${a.question}' heeft geen cijfer voor ${wholeOrganisation(edition)} om mee te vergelijken.`);
      record(options, a, 'positive', measureValue(a, 'positive'));
      record(options, org, 'positive', measureValue(org, 'positive'));
      return comparison(verdict(productVersusOrganisation(a, org, 'positive', aggregates.statistics), minimum), wholeOrganisation(edition));
    },
  },
  stelling: {
    args: ['vraag'],
    hash: ['scope'],
    printsNumber: false,
    doc: 'De tekst van de stelling, zonder punt.',
    run(key: unknown, options: HelperOptions) {
      const d = data(options);
      const q = typeof key === 'string' ? d.env.questionnaire.byKey.get(key) : undefined;
      if (!q) throw new NarrativeError(`onbekende vraag '${String(key)}'.`, suggest(String(key), [...d.env.questionnaire.byKey.keys()]));
      const scope = scopeFrom(options);
      checkOverride(d, q, scope);
      const text = questionText(q, scope === ORGANISATION ? null : scope) ?? questionText(q, null) ?? q.key;
      return text.replace(/[.?]$/, '');
    },
  },
  hoogste: {
    args: ['maat'],
    hash: ['scope', 'groep', 'soort'],
    printsNumber: false,
    doc: 'De sleutel van de stelling in de paragraaf met het hoogste aandeel van een maat; voor gebruik tussen haakjes in een andere helper.',
    run(measure: unknown, options: HelperOptions) {
      const m = parseMeasure(measure);
      const list = groupAggregates(options);
      if (!list.length) throw new NarrativeError('geen stellingen met genoeg respondenten in deze groep.');
      return list.reduce((best, a) => (measureValue(a, m) > measureValue(best, m) ? a : best)).question;
    },
  },
  laagste: {
    args: ['maat'],
    hash: ['scope', 'groep', 'soort'],
    printsNumber: false,
    doc: 'De sleutel van de stelling in de paragraaf met het laagste aandeel van een maat; voor gebruik tussen haakjes in een andere helper.',
    run(measure: unknown, options: HelperOptions) {
      const m = parseMeasure(measure);
      const list = groupAggregates(options);
      if (!list.length) throw new NarrativeError('geen stellingen met genoeg respondenten in deze groep.');
      return list.reduce((best, a) => (measureValue(a, m) < measureValue(best, m) ? a : best)).question;
    },
  },
  voldoende: {
    args: ['vraag'],
    hash: Q,
    printsNumber: false,
    doc: 'Waar of onwaar: heeft de groep genoeg antwoorden om cijfers te tonen? Voor `{{#if (voldoende "vraag")}}`.',
    run(key: unknown, options: HelperOptions) {
      const d = data(options);
      const q = typeof key === 'string' ? d.env.questionnaire.byKey.get(key) : undefined;
      if (!q) throw new NarrativeError(`onbekende vraag '${String(key)}'.`, suggest(String(key), [...d.env.questionnaire.byKey.keys()]));
      const scope = scopeFrom(options);
      checkOverride(d, q, scope);
      const a = d.env.aggregates.get(q.key, scope, (options.hash?.segment as string | undefined) ?? ALL);
      return a !== undefined && !a.suppressed;
    },
  },
  vergelijkbaar: {
    args: ['vraag'],
    hash: Q,
    printsNumber: false,
    doc: 'Waar of onwaar: is de stelling vergelijkbaar met de vorige editie? Voor `{{#if (vergelijkbaar "vraag")}}`.',
    run(key: unknown, options: HelperOptions) {
      const d = data(options);
      const q = typeof key === 'string' ? d.env.questionnaire.byKey.get(key) : undefined;
      if (!q) throw new NarrativeError(`onbekende vraag '${String(key)}'.`, suggest(String(key), [...d.env.questionnaire.byKey.keys()]));
      const now = d.env.aggregates.get(q.key, scopeFrom(options), (options.hash?.segment as string | undefined) ?? ALL);
      return !!now && !now.suppressed && previousAggregate(d.env.previous, q, now.scope, now.segment) !== undefined;
    },
  },
  verschil: {
    args: ['vraag', 'maat'],
    hash: Q,
    printsNumber: true,
    doc: 'De verandering sinds de vorige editie in procentpunten ("6 procentpunt hoger dan in 2018"), of "vergelijkbaar met 2018".',
    run(key: unknown, measure: unknown, options: HelperOptions) {
      const d = data(options);
      const a = aggregateFor(key, options);
      const m = parseMeasure(measure);
      if (!d.env.previous) throw new NarrativeError('deze editie heeft geen vorige editie (previous_edition in edition.yaml).');
      const before = previousAggregate(d.env.previous, d.env.questionnaire.byKey.get(a.question)!, a.scope, a.segment);
      if (!before) {
        throw new NarrativeError(`'${a.question}' is niet vergelijkbaar met ${d.env.previous.year} voor ${scopeLabel(a.scope, d.env.edition)}.`, `Zet de zin binnen {{#if (vergelijkbaar "${a.question}")}} … {{/if}}.`);
      }
      measureValue(a, m); // a clear error when the question has no such share
      const test = changeSincePrevious(a, before, m);
      record(options, a, `change:${m}`, test.difference);
      return formatChange(test.difference, verdict(test, d.env.edition.comparison.min_difference), d.env.previous.year);
    },
  },
  uiterste_product: {
    args: ['uiterste'],
    hash: ['groep', 'soort'],
    printsNumber: false,
    doc: 'De naam van het product waarvan het aandeel positief gemiddeld het verst boven ("hoogste") of onder ("laagste") dat van de organisatie als geheel ligt, over de stellingen die beide tonen; met `soort="…"` of `groep="…"`, anders over alle stellingen.',
    run(which: unknown, options: HelperOptions) {
      if (typeof which !== 'string' || !EXTREME_WORDS.includes(which)) {
        throw new NarrativeError(`uiterste_product verwacht "hoogste" of "laagste", niet '${String(which)}'.`, suggest(String(which), EXTREME_WORDS) ?? 'Bijvoorbeeld {{uiterste_product "hoogste" soort="waarden"}}.');
      }
      const list = productComparisons(options);
      if (!list.length) throw new NarrativeError(`geen product heeft stellingen met genoeg respondenten om met ${wholeOrganisation(data(options).env.edition)} te vergelijken.`);
      const sign = which === 'hoogste' ? 1 : -1;
      return list.reduce((best, x) => (sign * x.difference > sign * best.difference ? x : best)).product.name;
    },
  },
  aantal_afwijkingen: {
    args: ['richting'],
    hash: ['scope', 'groep', 'soort'],
    printsNumber: true,
    doc: 'Het aantal stellingen waarop een product duidelijk positiever ("hoger"), minder positief ("lager") of vergelijkbaar is met de organisatie als geheel, zoals `vergelijking` toetst; in `rapport.yaml` over alle producten samen.',
    run(direction: unknown, options: HelperOptions) {
      const want = parseDirection(direction);
      const { env } = data(options);
      const scope = scopeFrom(options);
      const products = scope === ORGANISATION ? env.edition.products : env.edition.products.filter((p) => p.name === scope);
      let count = 0;
      for (const p of products) {
        for (const a of groupAggregates(options, p.name, true)) {
          const org = env.aggregates.get(a.question, ORGANISATION, ALL);
          if (!org || org.suppressed || org.positive === null) continue;
          if (verdict(productVersusOrganisation(a, org, 'positive', env.aggregates.statistics), env.edition.comparison.min_difference) === want) count++;
        }
      }
      return count;
    },
  },
  aantal_veranderingen: {
    args: ['richting'],
    hash: ['scope', 'groep', 'soort'],
    printsNumber: true,
    doc: 'Het aantal stellingen waarop het aandeel positief sinds de vorige editie duidelijk steeg ("hoger"), daalde ("lager") of gelijk bleef ("vergelijkbaar"), zoals `verschil` toetst.',
    run(direction: unknown, options: HelperOptions) {
      const want = parseDirection(direction);
      return changes(options).filter((c) => c.verdict === want).length;
    },
  },
  grootste_verandering: {
    args: ['richting'],
    hash: ['scope', 'groep', 'soort'],
    printsNumber: false,
    doc: 'De sleutel van de stelling met de grootste duidelijke stijging ("hoger") of daling ("lager") sinds de vorige editie; voor `stelling` en `verschil`, binnen `{{#if (aantal_veranderingen "hoger")}}`.',
    run(direction: unknown, options: HelperOptions) {
      const want = parseDirection(direction, false);
      const found = changes(options).filter((c) => c.verdict === want);
      if (!found.length) {
        throw new NarrativeError(
          `geen stelling is significant en relevant ${direction === 'hoger' ? 'hoger' : 'lager'} dan in ${data(options).env.previous!.year}.`,
          `Zet de zin binnen {{#if (aantal_veranderingen "${String(direction)}")}} … {{/if}}.`,
        );
      }
      return found.reduce((best, c) => (Math.abs(c.difference) > Math.abs(best.difference) ? c : best)).a.question;
    },
  },
  meervoud: {
    args: ['aantal', 'tekst', 'tekst'],
    hash: ['getal'],
    printsNumber: false,
    doc: 'Het aantal met het enkelvoud of het meervoud erachter; met `getal=false` alleen het woord.',
    run(count: unknown, singular: unknown, pluralForm: unknown, options: HelperOptions) {
      const c = parseDutchNumber(count);
      if (Number.isNaN(c)) throw new NarrativeError(`meervoud verwacht eerst een aantal, niet '${String(count)}'.`, 'Bijvoorbeeld {{meervoud (respons "producten") "product" "producten"}}.');
      if (typeof singular !== 'string' || typeof pluralForm !== 'string') {
        throw new NarrativeError('meervoud verwacht een aantal, het enkelvoud en het meervoud.', 'Bijvoorbeeld {{meervoud 3 "product" "producten"}}.');
      }
      return plural(c, singular, pluralForm, options?.hash?.getal !== false);
    },
  },
  respons: {
    args: ['responsmaat'],
    hash: ['scope'],
    printsNumber: true,
    doc: 'Een cijfer over de respons: uitgenodigd, gerespondeerd, responspercentage, volledig, aandeel, producten, zonder-product (respondenten die geen product van het rapport noemden, edition.yaml organisation_only) of zonder-product-aandeel.',
    run(measure: unknown, options: HelperOptions) {
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
          `Laat het aantal weg bij dit product, of gebruik het aantal van ${wholeOrganisation(d.env.edition)} (scope="organisatie").`,
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
          return formatPercent(d.env.shownShares.get(p.product)!, 1);
        case 'producten':
          return formatNumber(rec('products', d.env.edition.products.length));
        case 'zonder-product':
        case 'zonder-product-aandeel': {
          // Those who named no product: printed like a product's count, and left out like one.
          const o = s.organisationOnly;
          if (o.suppression) {
            throw new NarrativeError(
              `het aantal respondenten zonder product ('${o.label}') wordt niet genoemd: ${o.suppression === 'too-few' ? `het is kleiner dan ${d.env.edition.min_group_size}` : 'anders is dat van een kleinere groep uit te rekenen'}.`,
              'Laat het aantal weg; de responstabel toont de groep samen met een product.',
            );
          }
          if (measure === 'zonder-product') return formatNumber(rec('organisationOnly', o.responded));
          rec('organisationOnlyShare', o.share);
          return formatPercent(d.env.shownShares.get(o.label) ?? o.share, 1);
        }
        default:
          throw new NarrativeError(`onbekende responsmaat '${String(measure)}'.`, suggest(String(measure), RESPONSE_MEASURES) ?? `Kies uit: ${RESPONSE_MEASURES.join(', ')}.`);
      }
    },
  },
  paragraaf: {
    args: ['groep'],
    hash: ['scope'],
    printsNumber: false,
    doc: 'De verwijzing naar de paragraaf over een waarde of werkproces ("paragraaf 1.1").',
    run(group: unknown, options: HelperOptions) {
      const d = data(options);
      const scope = scopeFrom(options);
      const n = d.env.sectionNumbers.get(`${scope}|${String(group)}`);
      if (!n) throw new NarrativeError(`geen paragraaf voor '${String(group)}' bij ${scopeLabel(scope, d.env.edition)}.`, suggest(String(group), d.env.questionnaire.groups.map((g) => g.key)));
      return `paragraaf ${n}`;
    },
  },
  hoofdstuk: {
    args: ['hoofdstuk'],
    hash: ['scope'],
    printsNumber: false,
    doc: 'De verwijzing naar een hoofdstuk ("hoofdstuk 3"): waarden, werkprocessen of onderzoeksverantwoording.',
    run(which: unknown, options: HelperOptions) {
      const d = data(options);
      const scope = scopeFrom(options);
      const products = d.env.edition.products;
      // Numbered as the report numbers them: per scope (Logius, then each product) a chapter about
      // the values and one about the work processes; the methodology chapter comes last.
      const index = scope === ORGANISATION ? 0 : products.findIndex((p) => p.name === scope) + 1;
      const number = which === 'waarden' ? index * 2 + 1 : which === 'werkprocessen' ? index * 2 + 2 : which === 'onderzoeksverantwoording' ? (products.length + 1) * 2 + 1 : null;
      if (number === null) throw new NarrativeError(`onbekend hoofdstuk '${String(which)}'.`, suggest(String(which), CHAPTER_WORDS) ?? `Kies uit: ${CHAPTER_WORDS.join(', ')}.`);
      return `hoofdstuk ${number}`;
    },
  },
  per_product: {
    args: [], block: true,
    hash: [],
    printsNumber: false,
    doc: 'Herhaalt de tekst ertussen voor elk product, met `{{naam}}` en `{{sleutel}}`; helpers erin gaan over dat product.',
    run(this: unknown, options: HelperOptions) {
      const d = data(options);
      return d.env.edition.products
        .map((p: Product) => {
          const frame = handlebarsRuntime.createFrame(options.data) as Record<PropertyKey, unknown>;
          frame[RENDER_STATE] = { ...d, scope: p.name };
          return options.fn({ naam: p.name, sleutel: p.key }, { data: frame });
        })
        .join('');
    },
  },
  jaar: {
    args: [],
    hash: [],
    printsNumber: false,
    doc: 'Het jaar van deze editie.',
    run(options: HelperOptions) {
      return String(data(options).env.edition.year);
    },
  },
  vorig_jaar: {
    args: [],
    hash: [],
    printsNumber: false,
    doc: 'Het jaar van de vorige editie (`previous_edition`).',
    run(options: HelperOptions) {
      const previous = data(options).env.previous;
      if (!previous) {
        throw new NarrativeError(
          'deze editie heeft geen vorige editie (previous_edition in edition.yaml), dus {{vorig_jaar}} heeft geen waarde.',
          'Zet previous_edition in edition.yaml, of schrijf de zin zonder het vorige jaar.',
        );
      }
      return String(previous.year);
    },
  },
  jaartal: {
    args: ['aantal'],
    hash: [],
    printsNumber: false,
    doc: 'Een jaartal dat in elke editie hetzelfde blijft, zodat `check` het niet als verouderd jaar meldt.',
    run(year: unknown) {
      const y = typeof year === 'number' ? year : Number(year);
      if (!Number.isInteger(y) || y < 1900 || y > 2100) {
        throw new NarrativeError(`jaartal verwacht een jaar, niet '${String(year)}'.`, 'Bijvoorbeeld {{jaartal 2018}} voor een jaar dat in elke editie hetzelfde blijft.');
      }
      return String(y);
    },
  },
} satisfies Record<string, HelperDefinition>;

export type HelperName = keyof typeof DEFINITIONS;
export const HELPERS: Readonly<Record<HelperName, HelperDefinition>> = DEFINITIONS;
export const HELPER_NAMES = Object.keys(HELPERS) as HelperName[];

export function isHelperName(name: string): name is HelperName {
  return Object.hasOwn(HELPERS, name);
}

/** Registers every helper of the registry on a Handlebars instance. */
export function registerHelpers(hb: typeof handlebarsRuntime): void {
  for (const name of HELPER_NAMES) hb.registerHelper(name, HELPERS[name].run);
}
