import Handlebars from 'handlebars';
import type { Snippet } from '../load/content.ts';
import { wholeOrganisation, type Edition, type Product } from '../load/edition.ts';
import type { Questionnaire } from '../load/questionnaire.ts';
import { problem, type InputProblem } from '../load/input-error.ts';
import {
  askedIn,
  CHAPTER_WORDS,
  DIRECTION_WORDS,
  EXTREME_WORDS,
  HELPER_NAMES,
  HELPERS,
  isHelperName,
  KIND_WORDS,
  MEASURES,
  RESPONSE_MEASURES,
  type ArgKind,
  type HelperName,
} from '../model/narrative/helpers.ts';
import { parseDutchNumber } from '../model/narrative/phrasing.ts';
import { DATA_NAMES, toInputError, unknownDataName } from '../model/narrative/render-snippet.ts';
import { suggest } from '../model/narrative/suggest.ts';
import { occurrencesBefore, type SourceFiles } from './source.ts';

/** Where a snippet is shown: this decides which questions it may name without a scope="…". */
export type SnippetHome = { kind: 'organisation' } | { kind: 'products' } | { kind: 'override'; product: Product };

export interface SyntaxContext {
  edition: Edition;
  questionnaire: Questionnaire;
  /** Variables a snippet can use ({{product}}, {{jaar}} …). */
  variables: string[];
  sources: SourceFiles;
}

// Not {{log}}: a text writes into the report, never to the console.
const BUILTINS = new Set(['if', 'unless', 'each', 'with', 'lookup']);
const PER_PRODUCT_NAMES = ['naam', 'sleutel'];
const HELP = 'Zie docs/tekst-schrijven.md voor de helpers.';

type Node = hbs.AST.Node;
type Expr = hbs.AST.Expression;

/**
 * Checks every paragraph of a snippet without rendering it: helper names, the number of
 * arguments, and every literal argument (question, answer, measure, group, product, segment).
 * Unlike rendering, this also sees text behind an {{#if}} that is false for this year's data.
 */
export function checkSnippetSyntax(snippet: Snippet, home: SnippetHome, ctx: SyntaxContext): InputProblem[] {
  const out: InputProblem[] = [];
  snippet.paragraphs.forEach((source, index) => {
    let program: hbs.AST.Program;
    try {
      program = parseParagraph(source);
    } catch (e) {
      out.push(...toInputError(e, snippet, index, ctx.variables).problems);
      return;
    }
    new ParagraphWalker(snippet, index, source, home, ctx, out).program(program, { perProduct: false, opaque: false });
  });
  return out;
}

/**
 * Paragraphs parsed before in this process, by source, and what parsing gave (the tree or the
 * error). `watch` checks every snippet on every save, nearly all unchanged: parsing them all again
 * cost ≈ 20 ms a rebuild. The tree is a pure function of the source and is only read here.
 */
const parsed = new Map<string, hbs.AST.Program | { failed: unknown }>();
const PARSED_KEPT = 20_000;

function parseParagraph(source: string): hbs.AST.Program {
  let p = parsed.get(source);
  if (!p) {
    try {
      p = Handlebars.parse(source);
    } catch (e) {
      p = { failed: e };
    }
    if (parsed.size >= PARSED_KEPT) parsed.clear();
    parsed.set(source, p);
  }
  if ('failed' in p) throw p.failed;
  return p;
}

interface WalkScope {
  /** Inside {{#per_product}}: {{naam}} and {{sleutel}} exist. */
  perProduct: boolean;
  /** Inside {{#each}} / {{#with}}: names depend on data we do not model; not checked. */
  opaque: boolean;
}

class ParagraphWalker {
  private readonly lineStarts: number[];

  constructor(
    private readonly snippet: Snippet,
    private readonly index: number,
    private readonly source: string,
    private readonly home: SnippetHome,
    private readonly ctx: SyntaxContext,
    private readonly out: InputProblem[],
  ) {
    this.lineStarts = [0];
    for (let i = 0; i < source.length; i++) if (source[i] === '\n') this.lineStarts.push(i + 1);
  }

  program(p: hbs.AST.Program | undefined, scope: WalkScope): void {
    for (const s of p?.body ?? []) this.statement(s, scope);
  }

  private statement(node: hbs.AST.Statement, scope: WalkScope): void {
    if (node.type === 'MustacheStatement') {
      const m = node as hbs.AST.MustacheStatement;
      this.call(m.path, m.params, m.hash, m, false, scope);
    } else if (node.type === 'BlockStatement') {
      const b = node as hbs.AST.BlockStatement;
      this.call(b.path, b.params, b.hash, b, true, scope);
      const name = b.path.original;
      const inner: WalkScope = {
        perProduct: scope.perProduct || name === 'per_product',
        opaque: scope.opaque || name === 'each' || name === 'with',
      };
      this.program(b.program, inner);
      this.program(b.inverse, scope);
    } else if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
      this.report(node, '{{>', '{{> … }} (een deelsjabloon) wordt niet ondersteund.', HELP);
    }
  }

  private call(path: hbs.AST.PathExpression | hbs.AST.Literal, params: Expr[], hash: hbs.AST.Hash | undefined, node: Node, block: boolean, scope: WalkScope): void {
    if (path.type !== 'PathExpression') return;
    const p = path as hbs.AST.PathExpression;
    const name = p.original;
    const pairs = hash?.pairs ?? [];
    const isCall = params.length > 0 || pairs.length > 0 || block;
    if (p.data) {
      if (DATA_NAMES.includes(p.parts[0] ?? '') && p.parts.length === 1) return;
      const e = unknownDataName(name.replace(/^@/, ''));
      this.report(node, name, e.message, e.hint);
      return;
    }
    if (p.depth > 0 || p.parts.length !== 1 || name === 'this') return;
    if (BUILTINS.has(name)) {
      params.forEach((x) => this.expression(x, scope));
      return;
    }
    if (!isHelperName(name)) {
      if (scope.opaque && !isCall) return;
      const allowed = [...this.ctx.variables, ...(scope.perProduct ? PER_PRODUCT_NAMES : [])];
      if (!isCall && allowed.includes(name)) return;
      const hint = suggest(name, isCall ? HELPER_NAMES : [...HELPER_NAMES, ...allowed]);
      const what = isCall ? 'helper' : 'naam';
      this.report(node, name, `onbekende ${what} '${name}'.`, hint ? `${hint} ${HELP}` : isCall ? HELP : `Controleer de spelling van de helper of variabele. ${HELP}`);
      return;
    }
    const spec = HELPERS[name];
    if (spec.block && !block) {
      this.report(node, name, `{{${name}}} is een blok.`, `Schrijf {{#${name}}} … {{/${name}}}.`);
      return;
    }
    const min = spec.args.length - (spec.optional ?? 0);
    if (params.length < min || params.length > spec.args.length) {
      const expected = spec.optional ? `${min} of ${spec.args.length}` : String(spec.args.length);
      const list = spec.args.length ? ` (${spec.args.join(', ')})` : '';
      this.report(node, name, `'${name}' verwacht ${expected} ${spec.args.length === 1 && !spec.optional ? 'argument' : 'argumenten'}${list}, maar krijgt er ${params.length}.`, HELP);
    }
    const scopeHash = pairs.find((x) => x.key === 'scope')?.value;
    const explicitScope = scopeHash?.type === 'StringLiteral' ? (scopeHash as hbs.AST.StringLiteral).value : scopeHash ? '?' : null;
    let question: string | null = null;
    params.forEach((param, i) => {
      const kind = spec.args[i];
      if (param.type === 'SubExpression') return this.expression(param, scope);
      if (param.type === 'PathExpression') return this.expression(param, scope);
      if (!kind) return;
      if (param.type === 'StringLiteral') {
        const value = (param as hbs.AST.StringLiteral).value;
        if (kind === 'vraag') question = value;
        this.literal(kind, value, param, { question, explicitScope, helper: name });
      } else if (param.type === 'NumberLiteral' && kind !== 'aantal' && kind !== 'tekst') {
        this.report(param, String((param as hbs.AST.NumberLiteral).value), `'${name}' verwacht hier een ${kind} tussen aanhalingstekens.`, HELP);
      }
    });
    for (const pair of pairs) {
      if (!spec.hash.includes(pair.key)) {
        const hint = suggest(pair.key, spec.hash);
        this.report(pair, `${pair.key}=`, `onbekende optie '${pair.key}' bij '${name}'.`, hint ?? (spec.hash.length ? `Mogelijke opties: ${spec.hash.join(', ')}.` : `'${name}' heeft geen opties.`));
        continue;
      }
      if (pair.value.type === 'SubExpression' || pair.value.type === 'PathExpression') {
        this.expression(pair.value, scope);
        continue;
      }
      if (pair.value.type !== 'StringLiteral' && pair.value.type !== 'NumberLiteral') continue;
      const value = String((pair.value as hbs.AST.StringLiteral).value);
      this.option(pair.key, value, pair.value);
    }
  }

  private expression(e: Expr, scope: WalkScope): void {
    if (e.type === 'SubExpression') {
      const s = e as hbs.AST.SubExpression;
      this.call(s.path, s.params, s.hash, s, false, scope);
    } else if (e.type === 'PathExpression') {
      this.call(e as hbs.AST.PathExpression, [], undefined, e, false, scope);
    }
  }

  private literal(kind: ArgKind, value: string, node: Node, at: { question: string | null; explicitScope: string | null; helper: HelperName }): void {
    const { questionnaire, edition } = this.ctx;
    const oneOf = (known: readonly string[], message: string) => {
      if (known.includes(value)) return;
      this.report(node, value, message, suggest(value, known) ?? `Kies uit: ${known.join(', ')}.`);
    };
    switch (kind) {
      case 'vraag': {
        const q = questionnaire.byKey.get(value);
        if (!q) {
          this.report(node, value, `onbekende vraag '${value}'.`, suggest(value, [...questionnaire.byKey.keys()]));
          return;
        }
        const home = this.home;
        if (at.explicitScope !== null) {
          const s = at.explicitScope;
          const product = edition.products.find((p) => p.key === s || p.name === s);
          if (product && !askedIn(q, product.key) && at.helper !== 'voldoende') this.report(node, value, `vraag '${value}' is niet gesteld voor ${product.name}.`);
          if ((s === 'organisatie' || s === 'organisation') && !askedIn(q, null) && at.helper !== 'voldoende') this.report(node, value, `vraag '${value}' is niet gesteld voor ${wholeOrganisation(edition)}.`);
          return;
        }
        if (home.kind === 'override' && !askedIn(q, home.product.key)) {
          const asked = questionnaire.questions.filter((x) => askedIn(x, home.product.key)).map((x) => x.key);
          this.report(
            node,
            value,
            `vraag '${value}' wordt niet gesteld voor ${home.product.name}; de eigen tekst van ${home.product.name} kan haar niet noemen.`,
            suggest(value, asked) ?? 'Noem een vraag die dit product heeft, of zet de zin in product.yaml binnen {{#if (voldoende "…")}}.',
          );
        } else if (at.helper !== 'voldoende' && home.kind === 'organisation' && !askedIn(q, null)) {
          this.report(node, value, `vraag '${value}' is niet gesteld voor ${wholeOrganisation(edition)}.`, 'Gebruik scope="<product>" of noem een vraag die de hele organisatie kreeg.');
        } else if (at.helper !== 'voldoende' && home.kind === 'products' && !edition.products.some((p) => askedIn(q, p.key))) {
          this.report(node, value, `vraag '${value}' wordt bij geen enkel product gesteld.`, 'Deze tekst staat in product.yaml; noem een vraag die producten kregen.');
        }
        return;
      }
      case 'antwoord': {
        const q = at.question ? questionnaire.byKey.get(at.question) : undefined;
        if (!q) return;
        const labels = [...q.answers.filter((a) => a.substantive).map((a) => a.label), ...(q.options ?? []).map((o) => o.label)];
        if (!labels.includes(value)) this.report(node, value, `'${value}' is geen antwoord op '${q.key}'.`, suggest(value, labels) ?? `Kies uit: ${labels.join(', ')}.`);
        return;
      }
      case 'maat':
        return oneOf(MEASURES, `onbekende maat '${value}'.`);
      case 'groep':
        return oneOf(questionnaire.groups.map((g) => g.key), `onbekende groep '${value}'.`);
      case 'responsmaat':
        return oneOf(RESPONSE_MEASURES, `onbekende responsmaat '${value}'.`);
      case 'hoofdstuk':
        return oneOf(CHAPTER_WORDS, `onbekend hoofdstuk '${value}'.`);
      case 'richting':
        return oneOf(at.helper === 'grootste_verandering' ? DIRECTION_WORDS.filter((w) => w !== 'vergelijkbaar') : DIRECTION_WORDS, `onbekende richting '${value}'.`);
      case 'uiterste':
        return oneOf(EXTREME_WORDS, `'${at.helper}' verwacht "hoogste" of "laagste", niet '${value}'.`);
      case 'aantal':
        if (Number.isNaN(parseDutchNumber(value))) this.report(node, value, `'${value}' is geen aantal.`, 'Bijvoorbeeld {{meervoud 3 "product" "producten"}}.');
        return;
      case 'tekst':
        return;
    }
  }

  private option(key: string, value: string, node: Node): void {
    const { edition, questionnaire } = this.ctx;
    if (key === 'scope') {
      const known = ['organisatie', ...edition.products.map((p) => p.key)];
      if (value === 'organisation' || known.includes(value) || edition.products.some((p) => p.name === value)) return;
      this.report(node, value, `onbekend product '${value}'.`, suggest(value, known) ?? `Kies uit: ${known.join(', ')}.`);
    } else if (key === 'groep') {
      const known = questionnaire.groups.map((g) => g.key);
      if (!known.includes(value)) this.report(node, value, `onbekende groep '${value}'.`, suggest(value, known) ?? `Kies uit: ${known.join(', ')}.`);
    } else if (key === 'soort') {
      if (!KIND_WORDS.includes(value)) this.report(node, value, `onbekende soort '${value}'.`, suggest(value, KIND_WORDS) ?? `Kies uit: ${KIND_WORDS.join(', ')}.`);
    } else if (key === 'segment') {
      const known = [...new Set(edition.products.flatMap((p) => p.segments.map((s) => s.key)))];
      if (value !== 'all' && !known.includes(value)) this.report(node, value, `onbekend segment '${value}'.`, suggest(value, known) ?? (known.length ? `Kies uit: ${known.join(', ')}.` : 'Geen product in deze editie heeft segmenten.'));
    } else if (key === 'drempel') {
      const t = parseDutchNumber(value);
      if (Number.isNaN(t) || t < 0) this.report(node, value, `drempel moet een aantal procentpunten zijn, niet '${value}'.`, 'Bijvoorbeeld {{vergelijking "afspraken-nakomen" drempel=10}}.');
    }
  }

  private report(node: Node, needle: string, message: string, hint?: string): void {
    const pos = node.loc?.start;
    const offset = pos ? (this.lineStarts[pos.line - 1] ?? 0) + pos.column : 0;
    const occurrence = occurrencesBefore(this.source, needle, offset);
    const at = this.ctx.sources.find(this.snippet, this.index, needle, occurrence);
    this.out.push(problem({ file: this.snippet.file, ...at }, `in tekst '${this.snippet.key}': ${message}`, hint));
  }
}
