import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

type Handlebars = typeof import('handlebars');
type CompileOptions = NonNullable<Parameters<Handlebars['precompile']>[1]>;
type TemplateSpec = Parameters<Handlebars['template']>[0];

const require = createRequire(import.meta.url);

/**
 * Handlebars templates (the narrative, the fixed texts, the web page) compiled once and kept
 * between builds. A template runs on Handlebars' runtime; the compiler — the whole of Handlebars,
 * with its parser, code generator and source maps — is loaded only when a template has to be
 * compiled from its source, so a build whose templates all come from the cache on disk does
 * without it. A compiled template is the JavaScript that Handlebars' own `compile` makes (its
 * precompiled spec), kept by its source and compile options; build.ts stores them per edition
 * (src/output/chart-cache.ts, `sjablonen-…json`) under the version of render-snippet.ts.
 */
export const handlebarsRuntime = require('handlebars/runtime') as Handlebars;

let compiler: Handlebars | undefined;

/** The whole of Handlebars, to parse or compile a template's source; loaded on first use. */
export function handlebarsCompiler(): Handlebars {
  return (compiler ??= require('handlebars') as Handlebars);
}

/** Compiled templates (Handlebars' JavaScript) by options and source: read from an earlier build, and made or used in this process. */
const stored = new Map<string, string>();
const used = new Map<string, string>();
let compiledCount = 0;

/**
 * The template of `source`, bound to `instance` (a Handlebars runtime with its helpers): made from
 * its stored spec, or compiled now once `check` has passed on its syntax tree (as parsed, before
 * Handlebars' whitespace control), so a template that fails the check is never stored. `check`
 * inspects the template's expressions: a source without any (no
 * `{{`) is plain text, which Handlebars outputs as it is whatever the options, so it needs no
 * compiler, no check and no stored spec.
 */
export function compileTemplate(source: string, options: CompileOptions, instance: Handlebars = handlebarsRuntime, check?: (program: hbs.AST.Program) => void): HandlebarsTemplateDelegate {
  if (isPlainText(source)) return () => source;
  const key = `${optionsKey(options)}\n${source}`;
  let spec = stored.get(key) ?? used.get(key);
  if (spec === undefined) {
    const hb = handlebarsCompiler();
    // Parsed once, for the check and the compiler: precompile applies its whitespace control to an
    // unprocessed tree as it does to the tree it parses from the source, so the spec is the same.
    const program = hb.parseWithoutProcessing(source);
    check?.(program);
    // What Handlebars' compile does, as text: precompile fills in defaults on the options it is given.
    spec = hb.precompile(program, { ...options }) as unknown as string;
    compiledCount++;
  }
  used.set(key, spec);
  return instance.template(new Function(`return ${spec}`)() as TemplateSpec);
}

/**
 * Text Handlebars reads as one piece of content: no `{{` (where every expression, comment and
 * escape starts) and no NUL character (which Handlebars' lexer refuses).
 */
function isPlainText(source: string): boolean {
  return !source.includes('{{') && !source.includes('\0');
}

const optionsKeys = new WeakMap<CompileOptions, string>();

/** A short name for a set of compile options (a hash), so the stored key stays short. */
function optionsKey(options: CompileOptions): string {
  let key = optionsKeys.get(options);
  if (key === undefined) {
    key = createHash('sha256').update(JSON.stringify(options)).digest('base64url').slice(0, 16);
    optionsKeys.set(options, key);
  }
  return key;
}

/** Compiled templates of an earlier build (kept where only this program writes): used instead of compiling their source. */
export function addStoredTemplates(entries: Iterable<[string, string]>): void {
  for (const [key, spec] of entries) if (typeof key === 'string' && typeof spec === 'string') stored.set(key, spec);
}

/** How many templates this process compiled from their source. */
export function compiledTemplateCount(): number {
  return compiledCount;
}

/** Every template compiled or used in this process, for the cache on disk. */
export function usedTemplates(): [string, string][] {
  return [...used];
}

/** Handlebars' version and this module: what a stored template depends on besides its source and options. */
export function templateStoreVersion(): string {
  return `handlebars@${handlebarsRuntime.VERSION} ${createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('base64url')}`;
}
