import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileTemplate, handlebarsCompiler, handlebarsRuntime, templateStoreVersion } from '../../load/template-store.ts';
import { InputError, problem, type InputProblem } from '../../load/input-error.ts';
import type { Snippet } from '../../load/content.ts';
import type { FigureRef, ParagraphBlock } from '../report-types.ts';
import { HELPER_NAMES, HELPERS, NarrativeError, registerHelpers, renderFrame, type NarrativeEnv } from './helpers.ts';
import { suggest } from './suggest.ts';

/** One isolated Handlebars instance (the runtime: templates are compiled by template-store.ts): our helpers only, strict about unknown names. */
const hb = handlebarsRuntime.create();
registerHelpers(hb);
checkArguments(hb);
// Templates write into the report only: no console output from {{log}}.
hb.unregisterHelper('log');
const knownHelpers = { ...Object.fromEntries(HELPER_NAMES.map((h) => [h, true])), log: false };
const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** The @-names Handlebars gives inside {{#each}}; every other @-name is refused. */
export const DATA_NAMES = ['index', 'key', 'first', 'last'];

/** A template sees its variables and the helpers; `@…` names other than DATA_NAMES are refused. */
export function unknownDataName(name: string): NarrativeError {
  return new NarrativeError(
    `onbekende naam '@${name}'.`,
    `Een tekst ziet alleen zijn variabelen (zoals {{product}}) en de helpers; met @ zijn alleen ${DATA_NAMES.map((n) => `@${n}`).join(', ')} binnen {{#each}} te gebruiken. Zie docs/tekst-schrijven.md.`,
  );
}

function refuseDataNames(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const n = node as { type?: string; data?: boolean; parts?: string[]; original?: string };
  if (n.type === 'PathExpression' && n.data) {
    const head = n.parts?.[0] ?? '';
    if (!DATA_NAMES.includes(head) || (n.parts?.length ?? 0) > 1) throw unknownDataName(n.original?.replace(/^@/, '') ?? head);
  }
  for (const [k, v] of Object.entries(node)) if (k !== 'loc') (Array.isArray(v) ? v : [v]).forEach(refuseDataNames);
}

// noEscape: the output is PDF text, not HTML. strict: an unknown variable is an error, not "".
const OPTIONS = { noEscape: true, strict: true, knownHelpers, knownHelpersOnly: false };

function compile(source: string): HandlebarsTemplateDelegate {
  let t = compiled.get(source);
  if (!t) {
    // Compiled once, and kept between builds (template-store.ts); only a template with no unknown @-name is.
    t = compileTemplate(source, OPTIONS, hb, refuseDataNames);
    compiled.set(source, t);
  }
  return t;
}

/** Compiled templates of an earlier build, how many this process compiled, and which it used: template-store.ts. */
export { addStoredTemplates, compiledTemplateCount, usedTemplates } from '../../load/template-store.ts';

/**
 * What a compiled template depends on besides its source and options: Handlebars and the template
 * store, and this module (the check a template passes before it is compiled and kept).
 */
export function templateVersion(): string {
  const self = readFileSync(fileURLToPath(import.meta.url));
  return `${templateStoreVersion()} ${createHash('sha256').update(self).update(JSON.stringify(knownHelpers)).digest('base64url')}`;
}

/**
 * Every helper call is checked against its specification (its entry in HELPERS, the one `check` uses)
 * before it runs: as many arguments as it takes, each a text or number. Without this, {{positief}}
 * without a question failed inside the helper with a JavaScript message.
 */
function checkArguments(instance: typeof hb): void {
  for (const name of HELPER_NAMES) {
    const helper = instance.helpers[name] as (...args: unknown[]) => unknown;
    const spec = HELPERS[name];
    instance.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const given = args.slice(0, -1);
      const options = args[args.length - 1] as { fn?: unknown } | undefined;
      if (spec.block && typeof options?.fn !== 'function') {
        throw new NarrativeError(`{{${name}}} omsluit tekst: schrijf {{#${name} …}}…{{/${name}}}.`, 'Zie docs/tekst-schrijven.md.');
      }
      const required = spec.args.length - (spec.optional ?? 0);
      const expected = required === spec.args.length ? `${required}` : `${required} tot ${spec.args.length}`;
      const what = spec.args.map((a) => `een ${a}`).join(', ');
      if (given.length < required || given.length > spec.args.length) {
        throw new NarrativeError(
          `{{${name}}} krijgt ${given.length} ${given.length === 1 ? 'argument' : 'argumenten'}, maar verwacht er ${expected}${what ? ` (${what})` : ''}.`,
          `Bijvoorbeeld: {{${name}${spec.args.map((a) => ` "${a}"`).join('')}}}. Zie docs/tekst-schrijven.md.`,
        );
      }
      for (const [i, arg] of given.entries()) {
        if (typeof arg !== 'string' && typeof arg !== 'number' && typeof arg !== 'boolean') {
          throw new NarrativeError(`argument ${i + 1} van {{${name}}} is geen tekst of getal (verwacht ${spec.args[i] ? `een ${spec.args[i]}` : 'een waarde'}).`, 'Zet de waarde tussen aanhalingstekens, of gebruik een helper die een tekst geeft.');
        }
      }
      return helper.apply(this, args);
    });
  }
  // Handlebars' own block helpers fail with a JavaScript message when written without '#'.
  for (const name of ['if', 'unless', 'each', 'with']) {
    const builtin = instance.helpers[name] as ((...args: unknown[]) => unknown) | undefined;
    if (!builtin) continue;
    instance.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const options = args[args.length - 1] as { fn?: unknown } | undefined;
      if (typeof options?.fn !== 'function') throw new NarrativeError(`{{${name}}} omsluit tekst: schrijf {{#${name} …}}…{{/${name}}}.`, 'Zie docs/tekst-schrijven.md.');
      if (args.length !== 2) throw new NarrativeError(`{{#${name}}} verwacht precies één waarde, maar krijgt er ${args.length - 1}.`, 'Zie docs/tekst-schrijven.md.');
      return builtin.apply(this, args);
    });
  }
}

export interface SnippetScope {
  scope: string;
  group: string | null;
  /** Variables the snippet may use, e.g. {{product}}. */
  variables: Record<string, unknown>;
}

/** One paragraph as it was rendered, for `eindrapport check`. */
export interface RenderedParagraph {
  snippet: Snippet;
  /** 0-based paragraph index in the snippet. */
  index: number;
  scope: string;
  group: string | null;
  idPrefix: string;
  /** The variables the snippet could use here. */
  variables: string[];
  /** The rendered text ('' when everything sat behind a false {{#if}}); null when rendering failed. */
  text: string | null;
  figures: FigureRef[];
}

/** A snippet rendered: its paragraph blocks, every paragraph as `check` sees it, and every mistake. */
export interface SnippetRendering {
  blocks: ParagraphBlock[];
  paragraphs: RenderedParagraph[];
  /** A paragraph with a mistake is left out of `blocks` and reported here. */
  problems: InputProblem[];
}

/** `narrative/producten/<key>.yaml`: a product's own version of a snippet. */
const OVERRIDE_FILE = /(?:^|[\\/])producten[\\/]([^\\/]+)\.yaml$/;

/**
 * Renders a snippet's paragraphs; empty results (all text behind a false {{#if}}) are dropped. A
 * mistake is a value: the paragraph is left out and the problem returned, so the model build can
 * report every mistake at once.
 */
export function renderParagraphs(env: NarrativeEnv, snippet: Snippet, scope: SnippetScope, idPrefix: string): SnippetRendering {
  const out: SnippetRendering = { blocks: [], paragraphs: [], problems: [] };
  const overrideKey = OVERRIDE_FILE.exec(snippet.file)?.[1];
  const override = overrideKey ? env.edition.products.find((p) => p.key === overrideKey && p.name === scope.scope) : undefined;
  const variables = Object.keys(scope.variables);
  snippet.paragraphs.forEach((source, i) => {
    const figures: ParagraphBlock['figures'] = [];
    const data = renderFrame({ env, scope: scope.scope, group: scope.group, figures, ...(override ? { override } : {}) });
    const seen = { snippet, index: i, scope: scope.scope, group: scope.group, idPrefix, variables, figures };
    let text: string;
    try {
      text = compile(source)(scope.variables, { data });
      assertPrintable(text);
    } catch (e) {
      out.problems.push(...toInputError(e, snippet, i, variables).problems);
      out.paragraphs.push({ ...seen, text: null, figures: [] });
      return;
    }
    text = text.replace(/\s+/g, ' ').trim();
    out.paragraphs.push({ ...seen, text });
    if (!text) return;
    out.blocks.push({ type: 'paragraph', id: `${idPrefix}-p${i + 1}`, role: 'P', text, figures, source: { file: snippet.file, key: snippet.key } });
  });
  return out;
}

/** {@link renderParagraphs} for one snippet on its own: the first mistakes throw. */
export function renderSnippet(env: NarrativeEnv, snippet: Snippet, scope: SnippetScope, idPrefix: string): ParagraphBlock[] {
  const { blocks, problems } = renderParagraphs(env, snippet, scope, idPrefix);
  if (problems.length) throw new InputError(problems);
  return blocks;
}

const HELP = 'Zie docs/tekst-schrijven.md voor de helpers.';

/** What a value that is not text prints as: never into the report, where it would read as a figure. */
const NOT_TEXT = /\[object \w+\]|\bNaN\b|\bundefined\b|-?\bInfinity\b|\bfunction\s*\w*\s*\(/;

function assertPrintable(text: string): void {
  const m = NOT_TEXT.exec(text);
  if (m) {
    throw new NarrativeError(`de tekst zou '${m[0]}' afdrukken: een {{ }} geeft hier geen tekst of getal.`, 'Gebruik alleen de helpers en variabelen uit docs/tekst-schrijven.md ({{this}} en {{@…}} zijn geen tekst).');
  }
}

/** A mistake in a snippet as a plain sentence at the paragraph's line. */
export function toInputError(e: unknown, snippet: Snippet, paragraph: number, variables: string[]): InputError {
  const at = { file: snippet.file, line: snippet.lines[paragraph] };
  if (e instanceof NarrativeError) return new InputError(problem(at, `in tekst '${snippet.key}': ${e.message}`, e.hint));
  const message = e instanceof Error ? e.message : String(e);
  const missing = /"([^"]+)" not defined in/.exec(message);
  if (missing) {
    const name = missing[1]!;
    const hint = suggest(name, [...HELPER_NAMES, ...variables]);
    return new InputError(problem(at, `in tekst '${snippet.key}': onbekende naam '${name}'.`, hint ? `${hint} ${HELP}` : `Controleer de spelling van de helper of variabele. ${HELP}`));
  }
  const missingHelper = /Missing helper: "([^"]+)"/.exec(message);
  if (missingHelper) {
    const name = missingHelper[1]!;
    const hint = suggest(name, HELPER_NAMES);
    return new InputError(problem(at, `in tekst '${snippet.key}': onbekende helper '${name}'.`, hint ? `${hint} ${HELP}` : HELP));
  }
  const parse = /^Parse error on line (\d+):[\s\S]*?Expecting (.+?), got '([^']+)'/.exec(message);
  if (parse || /^Parse error/.test(message)) {
    const got = parse?.[3];
    const what =
      got === 'EOF'
        ? 'de tekst houdt op terwijl een {{ … }} of {{#…}} nog niet gesloten is'
        : got === 'INVALID'
          ? 'binnen {{ }} staat een teken dat daar niet kan, of een aanhalingsteken zonder tegenhanger'
          : got === 'CLOSE'
            ? 'vóór }} ontbreekt iets'
            : 'de {{ }}-code klopt niet';
    return new InputError(problem(at, `in tekst '${snippet.key}': ${what}.`, 'Controleer of elke {{ een }} heeft, elke aanhalingsteken een tegenhanger, en elke {{#if}} een {{/if}}.'));
  }
  const unclosed = /^(\w+) doesn't match (\w+)/.exec(message);
  if (unclosed) {
    return new InputError(problem(at, `in tekst '${snippet.key}': {{#${unclosed[1]}}} wordt gesloten met {{/${unclosed[2]}}}.`, `Sluit {{#${unclosed[1]}}} af met {{/${unclosed[1]}}}.`));
  }
  // A JavaScript error from inside a helper says nothing to an editor: name the paragraph instead.
  const internal = e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError;
  const detail = internal ? '' : ` (${message.split('\n')[0]})`;
  return new InputError(problem(at, `in tekst '${snippet.key}': de tekst kan niet worden verwerkt${detail}.`, 'Controleer de {{ }}-haakjes en of elke helper de argumenten krijgt die docs/tekst-schrijven.md noemt.'));
}
