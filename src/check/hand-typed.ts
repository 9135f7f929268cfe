import { ALL, ORGANISATION, type Aggregate, type Aggregates } from '../analyse/aggregate-types.ts';
import { formatPercent } from '../analyse/dutch-number.ts';
import { wholeOrganisation, type Edition } from '../load/edition.ts';
import type { Questionnaire } from '../load/questionnaire.ts';
import { problem, type InputProblem } from '../load/input-error.ts';
import type { RenderedParagraph } from '../model/narrative/render-snippet.ts';
import { HELPERS, isHelperName } from '../model/narrative/helpers.ts';
import { scopeLabel } from '../model/narrative/helper-context.ts';
import { comparison, tendency, type Distribution } from '../model/narrative/phrasing.ts';
import { productVersusOrganisation, productVersusOrganisationMean } from '../analyse/comparisons.ts';
import { verdict, type Verdict } from '../analyse/uncertainty.ts';
import { clauseAround, maskMustaches, occurrencesBefore, sentenceAround, type Mustache, type SourceFiles } from './source.ts';

/**
 * Words and numbers an editor typed by hand where a helper would have followed the data:
 * percentages ("72%", "72 procent"), tendency words ("positief") and comparisons ("positiever
 * dan"). Each is compared with the data of the question(s) the sentence is about, in every scope
 * the paragraph is shown in (a product.yaml text is shown once per product).
 */
export interface HandTypedContext {
  edition: Edition;
  questionnaire: Questionnaire;
  aggregates: Aggregates;
  sources: SourceFiles;
}

/** More than this many points from the data: an error. */
export const PERCENT_TOLERANCE = 1;

const PERCENT = /(?<![\w.,])(\d{1,3}(?:,\d+)?)(\s*%|\s+procent\b)/g;
const TENDENCY = /\b(positie(?:f|ve)|negatie(?:f|ve)|neutra(?:al|le))\b/gi;
const COMPARISON = /\b(positiever|negatiever|minder positief|minder negatief|vergelijkbaar|gelijk)\s+(?:dan|met|aan)\b/gi;
/** "met 95% zekerheid", "95%-betrouwbaarheidsinterval": a confidence level, not a figure from the data. */
const CONFIDENCE_LEVEL = /^[\s-]*(zekerheid|betrouwbaarheid\w*|zeker)\b/i;
/** "de meest positieve stelling", "positieve antwoorden": not a claim about the tendency. */
const BEFORE_NOT_TENDENCY = /\b(meest|minst|meer|minder|zo|even|voor|antwoordt|antwoorden|antwoordde|antwoordden|kiest|kiezen|koos|kozen)\s+$/i;
/** "… neutrale en negatieve antwoorden": the words name answer categories. */
const AFTER_NOT_TENDENCY = /^(?:\s+(?:en|of)\s+[\wë]+)*\s+(antwoord(en)?|respondenten|stelling(en)?|reacties?|kant|scores?|oordelen|categorie(ën)?|deel|aandeel)\b/i;

interface Candidate {
  value: number;
  measure: string;
  /** "positief bij 'vertrouwen'" */
  what: string;
  helper: string;
}

interface Outcome {
  scope: string;
  ok: boolean;
  strong: boolean;
  /** null: no figure in scope to hold the number against (e.g. a chapter introduction). */
  nearest: Candidate | null;
}

interface Located {
  file: string;
  line: number;
  column?: number;
  snippetKey: string;
}

export function checkHandTyped(rendered: RenderedParagraph[], ctx: HandTypedContext): InputProblem[] {
  const percents = new Map<string, { at: Located; literal: string; outcomes: Outcome[] }>();
  const words = new Map<string, { at: Located; word: string; kind: 'tendency' | 'comparison'; misses: { scope: string; text: string }[]; helper: string; scopes: Set<string> }>();
  // A snippet shown in several places is checked in each; report it once per place in the file.
  for (const p of rendered) {
    // A paragraph that failed to render (its mistake is reported already) has no figures, but its
    // typed numbers can still be held against the questions it names and its group.
    const source = p.snippet.paragraphs[p.index] ?? '';
    const { masked, mustaches } = maskMustaches(source);
    const locate = (needle: string, offset: number): Located => ({
      ...ctx.sources.find(p.snippet, p.index, needle, occurrencesBefore(source, needle, offset)),
      file: p.snippet.file,
      snippetKey: p.snippet.key,
    });

    for (const m of masked.matchAll(PERCENT)) {
      const literal = m[0];
      if (CONFIDENCE_LEVEL.test(masked.slice(m.index + literal.length))) continue;
      const value = Number(m[1]!.replace(',', '.'));
      const outcome = checkPercent(value, p, masked, mustaches, m.index + literal.length, m.index, ctx);
      if (!outcome) continue;
      const at = locate(literal, m.index);
      const key = `${at.file}:${at.line}:${at.column}:${literal}`;
      const entry = percents.get(key) ?? { at, literal, outcomes: [] };
      entry.outcomes.push(outcome);
      percents.set(key, entry);
    }

    for (const m of masked.matchAll(TENDENCY)) {
      const word = m[0];
      const before = masked.slice(0, m.index);
      const after = masked.slice(m.index + word.length);
      if (BEFORE_NOT_TENDENCY.test(before) || AFTER_NOT_TENDENCY.test(after)) continue;
      // "72% is positief", "een kwart, 25 procent, is neutraal": the word names what a number counts.
      const clause = clauseAround(masked, m.index);
      const sentence = sentenceAround(masked, m.index);
      const lead = { from: Math.max(sentence.from, m.index - 40), to: m.index };
      if (mentionsNumber(masked, mustaches, clause) || mentionsNumber(masked, mustaches, lead)) continue;
      const subject = distributionFor(p, masked, mustaches, m.index, ctx);
      if (!subject) continue;
      const t = tendency(subject.d);
      const stem = word.toLowerCase().slice(0, 6); // positi / negati / neutra
      const at = locate(word, m.index);
      const key = `${at.file}:${at.line}:${at.column}:${word}`;
      const entry = words.get(key) ?? { at, word, kind: 'tendency' as const, misses: [], helper: subject.tendencyHelper, scopes: new Set() };
      entry.scopes.add(p.scope);
      if (!t.includes(stem)) entry.misses.push({ scope: p.scope, text: `${t} (${shares(subject.d)}${subject.about})` });
      words.set(key, entry);
    }

    if (p.scope !== ORGANISATION) {
      for (const m of masked.matchAll(COMPARISON)) {
        const phrase = m[0];
        const subject = comparisonFor(p, masked, mustaches, m.index, ctx);
        if (!subject) continue;
        const typed = /positiever|minder negatief/i.test(phrase) ? 'positiever' : /negatiever|minder positief/i.test(phrase) ? 'minder positief' : 'vergelijkbaar';
        const computed = comparison(subject.verdict, wholeOrganisation(ctx.edition));
        const at = locate(phrase, m.index);
        const key = `${at.file}:${at.line}:${at.column}:${phrase}`;
        const entry = words.get(key) ?? { at, word: phrase, kind: 'comparison' as const, misses: [], helper: subject.helper, scopes: new Set() };
        entry.scopes.add(p.scope);
        if (!computed.startsWith(typed)) {
          entry.misses.push({ scope: p.scope, text: `${p.scope} is ${computed} (positief ${formatPercent(subject.own)} tegen ${formatPercent(subject.org)}${subject.about})` });
        }
        words.set(key, entry);
      }
    }
  }

  const out: InputProblem[] = [];
  for (const { at, literal, outcomes } of percents.values()) {
    const wrong = outcomes.filter((o) => o.strong && !o.ok);
    const where = { file: at.file, line: at.line, ...(at.column !== undefined ? { column: at.column } : {}) };
    if (wrong.length) {
      const scopes = new Set(outcomes.map((o) => o.scope));
      const several = scopes.size > 1;
      const list = wrong.map((o) => `${several ? `bij ${scopeLabel(o.scope, ctx.edition)} ` : ''}${formatPercent(o.nearest!.value, 1)} (${o.nearest!.what})`);
      const rightFor = outcomes.filter((o) => o.ok).map((o) => scopeLabel(o.scope, ctx.edition));
      const also = rightFor.length ? `; alleen bij ${rightFor.join(', ')} klopt het` : '';
      out.push(
        problem(
          where,
          `in tekst '${at.snippetKey}': '${literal.trim()}' klopt niet met de data: het is ${shorten(list)}${also}.`,
          `Gebruik ${wrong[0]!.nearest!.helper}; dan staat er altijd het getal uit de data${several ? ', voor elk product het eigen getal' : ''}.`,
        ),
      );
      continue;
    }
    const ok = outcomes.find((o) => o.ok);
    if (ok) {
      out.push(
        problem(
          where,
          `in tekst '${at.snippetKey}': '${literal.trim()}' is met de hand getypt; het klopt nu met de data (${formatPercent(ok.nearest!.value, 1)} ${ok.nearest!.what}).`,
          `Gebruik ${ok.nearest!.helper}, dan blijft het kloppen als de data veranderen.`,
          'warning',
        ),
      );
      continue;
    }
    // Typed where no figure of the data is in scope (a chapter introduction, a colofon…), or
    // near none: it cannot be checked, so it is never silently published.
    out.push(
      problem(
        where,
        `in tekst '${at.snippetKey}': '${literal.trim()}' is met de hand getypt en hoort bij geen cijfer uit de data in deze tekst; zo kan het niet worden gecontroleerd.`,
        'Laat een helper het getal schrijven, bijvoorbeeld {{positief "vraag"}} of {{respons "responspercentage"}} (zie docs/tekst-schrijven.md).',
        'warning',
      ),
    );
  }
  for (const { at, word, kind, misses, helper, scopes } of words.values()) {
    if (!misses.length) continue;
    const where = { file: at.file, line: at.line, ...(at.column !== undefined ? { column: at.column } : {}) };
    const texts = misses.map((m) => (kind === 'tendency' && scopes.size > 1 ? `bij ${scopeLabel(m.scope, ctx.edition)} ${m.text}` : m.text));
    const what = kind === 'tendency' ? `'${word}' past niet bij de data: het beeld is ${shorten(texts)}` : `'${word}' past niet bij de data: ${shorten(texts)}`;
    out.push(problem(where, `in tekst '${at.snippetKey}': ${what}.`, `Gebruik ${helper}; dan volgt het woord de grafiek.`, 'warning'));
  }
  return out;
}

function shorten(list: string[]): string {
  return list.length <= 4 ? list.join('; ') : `${list.slice(0, 3).join('; ')}; en nog ${list.length - 3} andere`;
}

function shares(d: Distribution): string {
  return `positief ${formatPercent(d.positive)}, neutraal ${formatPercent(d.neutral)}, negatief ${formatPercent(d.negative)}`;
}

/** Whether the clause has a number in it: then "positief" names what the number counts. */
function mentionsNumber(masked: string, mustaches: Mustache[], clause: { from: number; to: number }): boolean {
  const text = masked.slice(clause.from, clause.to);
  if (new RegExp(PERCENT.source).test(text)) return true;
  return mustaches.some((m) => m.start >= clause.from && m.start < clause.to && isHelperName(m.name) && HELPERS[m.name].printsNumber);
}

/** Question keys named in the mustaches of the sentence around `at`. */
function sentenceKeys(masked: string, mustaches: Mustache[], at: number, ctx: HandTypedContext): string[] {
  const s = sentenceAround(masked, at);
  const keys = mustaches.filter((m) => m.start >= s.from && m.start < s.to).flatMap((m) => m.strings);
  return [...new Set(keys.filter((k) => ctx.questionnaire.byKey.has(k)))];
}

function usable(a: Aggregate | undefined): a is Aggregate {
  return a !== undefined && !a.suppressed;
}

/** The likert statements of the paragraph's group in its scope, as the {{tendens}} helper takes them. */
function groupAggregates(p: RenderedParagraph, scope: string, ctx: HandTypedContext): Aggregate[] {
  if (!p.group) return [];
  return ctx.questionnaire.questions
    .filter((q) => q.group === p.group && (q.kind === 'likert' || q.kind === 'usefulness'))
    .map((q) => ctx.aggregates.get(q.key, scope, ALL))
    .filter((a): a is Aggregate => usable(a) && a.positive !== null);
}

function scopeOption(a: Aggregate, paragraphScope: string, ctx: HandTypedContext): string {
  let opt = '';
  if (a.scope !== paragraphScope) {
    const key = a.scope === ORGANISATION ? 'organisatie' : (ctx.edition.products.find((x) => x.name === a.scope)?.key ?? a.scope);
    opt += ` scope="${key}"`;
  }
  if (a.segment !== ALL) opt += ` segment="${a.segment}"`;
  return opt;
}

function candidatesOf(a: Aggregate, paragraphScope: string, ctx: HandTypedContext): Candidate[] {
  const q = a.question;
  const opt = scopeOption(a, paragraphScope, ctx);
  const out: Candidate[] = [];
  const add = (value: number | null, measure: string, word: string, helper: string) => {
    if (value !== null) out.push({ value, measure, what: `${word} bij '${q}'`, helper });
  };
  add(a.positive, 'positive', 'positief', `{{positief "${q}"${opt}}}`);
  add(a.neutral, 'neutral', 'neutraal', `{{neutraal "${q}"${opt}}}`);
  add(a.negative, 'negative', 'negatief', `{{negatief "${q}"${opt}}}`);
  add(a.yes, 'yes', 'ja', `{{ja "${q}"${opt}}}`);
  for (const [label, v] of Object.entries(a.percentages)) {
    if (a.yes !== null && label === 'Ja') continue;
    if (label === 'Nee') add(v, 'no', 'nee', `{{nee "${q}"${opt}}}`);
    else add(v, `label:${label}`, `'${label}'`, `{{antwoord "${q}" "${label}"${opt}}}`);
  }
  return out;
}

function responseCandidates(scope: string, ctx: HandTypedContext): Candidate[] {
  const s = ctx.aggregates.statistics;
  const p = s.perProduct.find((x) => x.product === scope);
  // A product whose respondent count is left out (disclosure control) has no figures to offer.
  if (p?.suppression) return [];
  const out: Candidate[] = [{ value: p ? p.responseRate : s.responseRate, measure: 'responseRate', what: 'respons', helper: '{{respons "responspercentage"}}' }];
  if (p) out.push({ value: p.share, measure: 'share', what: 'aandeel in de respons', helper: '{{respons "aandeel"}}' });
  return out;
}

/** Which measure the words right after a number name: "72% is het eens" → positive. */
function measureNamed(after: string): string | null {
  const text = after.slice(0, 60).toLowerCase();
  const found: [number, string][] = [];
  const look = (re: RegExp, measure: string) => {
    const m = re.exec(text);
    if (m) found.push([m.index, measure]);
  };
  look(/\b(oneens|negatie\w*|ontevreden)\b/, 'negative');
  look(/\bneutra\w*\b/, 'neutral');
  look(/\b(eens|positie\w*|tevreden)\b/, 'positive');
  look(/\bja\b/, 'yes');
  look(/\bnee\b/, 'no');
  found.sort((a, b) => a[0] - b[0]);
  return found[0]?.[1] ?? null;
}

function checkPercent(value: number, p: RenderedParagraph, masked: string, mustaches: Mustache[], end: number, start: number, ctx: HandTypedContext): Outcome | null {
  const clause = clauseAround(masked, start);
  const measure = measureNamed(masked.slice(end, clause.to));
  // What the sentence is about, most specific first: the questions its helpers name, the
  // questions of the paragraph's figures, the questions of the section's group.
  const keys = sentenceKeys(masked, mustaches, start, ctx);
  const figures = [...new Map(p.figures.filter((f) => f.question !== 'respons').map((f) => [`${f.question}|${f.scope}|${f.segment}`, f])).values()];
  const tiers: Candidate[][] = [
    keys.map((k) => ctx.aggregates.get(k, p.scope, ALL)).filter(usable),
    figures.map((f) => ctx.aggregates.get(f.question, f.scope, f.segment)).filter(usable),
    groupAggregatesAll(p, ctx),
  ].map((list) => list.flatMap((a) => candidatesOf(a, p.scope, ctx)));
  if (p.figures.some((f) => f.question === 'respons')) tiers.unshift(responseCandidates(p.scope, ctx));
  const named = (list: Candidate[]) => (measure ? list.filter((c) => c.measure === measure) : list);
  let candidates = tiers.map(named).find((list) => list.length) ?? tiers.find((list) => list.length) ?? [];
  const strong = candidates.length > 0;
  if (!strong) candidates = named(responseCandidates(p.scope, ctx));
  if (!candidates.length) return { scope: p.scope, ok: false, strong: false, nearest: null };
  const nearest = candidates.reduce((best, c) => (Math.abs(c.value - value) < Math.abs(best.value - value) ? c : best));
  return { scope: p.scope, ok: Math.abs(nearest.value - value) <= PERCENT_TOLERANCE, strong, nearest };
}

/** Every question of the paragraph's group in its scope (all kinds), for percentages. */
function groupAggregatesAll(p: RenderedParagraph, ctx: HandTypedContext): Aggregate[] {
  if (!p.group) return [];
  return ctx.questionnaire.questions
    .filter((q) => q.group === p.group)
    .map((q) => ctx.aggregates.get(q.key, p.scope, ALL))
    .filter(usable);
}

function mean(list: Aggregate[]): Distribution {
  const avg = (f: (a: Aggregate) => number) => list.reduce((s, a) => s + f(a), 0) / list.length;
  return { positive: avg((a) => a.positive ?? 0), neutral: avg((a) => a.neutral ?? 0), negative: avg((a) => a.negative ?? 0) };
}

/** The distribution a tendency word in the sentence is about: its question(s), else the group. */
function distributionFor(p: RenderedParagraph, masked: string, mustaches: Mustache[], at: number, ctx: HandTypedContext): { d: Distribution; about: string; tendencyHelper: string } | null {
  const keys = sentenceKeys(masked, mustaches, at, ctx);
  const named = keys.map((k) => ctx.aggregates.get(k, p.scope, ALL)).filter((a): a is Aggregate => usable(a) && a.positive !== null);
  if (named.length) {
    const one = named.length === 1 ? named[0]!.question : null;
    return { d: mean(named), about: one ? ` bij '${one}'` : '', tendencyHelper: one ? `{{tendens "${one}"}}` : '{{tendens}}' };
  }
  const group = groupAggregates(p, p.scope, ctx);
  if (group.length) return { d: mean(group), about: `, gemiddeld over de stellingen van '${p.group}'`, tendencyHelper: '{{tendens}}' };
  return null;
}

function comparisonFor(p: RenderedParagraph, masked: string, mustaches: Mustache[], at: number, ctx: HandTypedContext): { own: number; org: number; verdict: Verdict; about: string; helper: string } | null {
  const keys = sentenceKeys(masked, mustaches, at, ctx);
  let own = keys.map((k) => ctx.aggregates.get(k, p.scope, ALL)).filter((a): a is Aggregate => usable(a) && a.positive !== null);
  let helper = own.length === 1 ? `{{vergelijking "${own[0]!.question}"}}` : '{{vergelijking}}';
  let about = own.length === 1 ? ` bij '${own[0]!.question}'` : '';
  if (!own.length) {
    own = groupAggregates(p, p.scope, ctx);
    helper = '{{vergelijking}}';
    about = `, gemiddeld over de stellingen van '${p.group}'`;
  }
  const pairs = own
    .map((a) => [a, ctx.aggregates.get(a.question, ORGANISATION, ALL)] as const)
    .filter((x): x is readonly [Aggregate, Aggregate] => usable(x[1]) && x[1].positive !== null);
  if (!pairs.length) return null;
  const avg = (f: (x: readonly [Aggregate, Aggregate]) => number) => pairs.reduce((s, x) => s + f(x), 0) / pairs.length;
  // The same test the helper uses: significant against the rest of the organisation and at least
  // the edition's minimum relevant difference.
  const test =
    pairs.length === 1
      ? productVersusOrganisation(pairs[0]![0], pairs[0]![1], 'positive', ctx.aggregates.statistics)
      : productVersusOrganisationMean(pairs.map((x) => [x[0], x[1]]), 'positive', ctx.aggregates.statistics);
  return { own: avg((x) => x[0].positive!), org: avg((x) => x[1].positive!), verdict: verdict(test, ctx.edition.comparison.min_difference), about, helper };
}

