import { z } from './zod-nl.ts';
import { compileTemplate, handlebarsCompiler } from './template-store.ts';

/**
 * A fixed text that communications staff edit in templates/ (YAML): plain Dutch with {{naam}}
 * placeholders, of which only the names the program fills are allowed. A broken `{{ }}`, an
 * unknown name or anything else between braces is a validation issue of the entry, so
 * `readYamlFile` reports it with the file, line and column of that entry — never a stack trace.
 */
export function textTemplate(...names: string[]): z.ZodString {
  return checkedText(names, []);
}

/** A {@link textTemplate} that must use each of its names (a count that may not drop out of the sentence). */
export function textTemplateWith(...names: string[]): z.ZodString {
  return checkedText(names, names);
}

function checkedText(names: readonly string[], required: readonly string[]): z.ZodString {
  return z.string().superRefine((text, ctx) => {
    const issue = placeholderIssue(text, names, required);
    if (issue) ctx.addIssue({ code: 'custom', message: issue });
  }) as unknown as z.ZodString;
}

/**
 * `{naam}` with single braces: another placeholder syntax (the chart theme and the web edition's
 * labels once had it). Handlebars would print it as it stands, so it is named as a mistake.
 */
const SINGLE_BRACES = /(?<!\{)\{\s*([\p{L}_][\p{L}\p{N}_]*)\s*\}(?!\})/u;

/**
 * What is wrong with the placeholders of `text` (only {{naam}} with one of `names`, each of
 * `required` at least once), or null.
 */
export function placeholderIssue(text: string, names: readonly string[], required: readonly string[] = []): string | null {
  const allowed = names.length ? `hier kan ${names.map((n) => `{{${n}}}`).join(', ')}` : 'deze tekst heeft geen plaatshouders';
  const single = SINGLE_BRACES.exec(text);
  if (single) return `een plaatshouder schrijf je met dubbele accolades: schrijf {{${single[1]}}} in plaats van {${single[1]}}; ${allowed}`;
  let program: hbs.AST.Program;
  try {
    program = handlebarsCompiler().parse(text);
  } catch (e) {
    const line = /line (\d+)/.exec(e instanceof Error ? e.message : '')?.[1];
    const where = line && text.includes('\n') ? ` (regel ${line} van de tekst)` : '';
    return `een plaatshouder is niet goed geschreven${where}: elke {{ moet worden gesloten met }} en er staat alleen een naam tussen; ${allowed}`;
  }
  for (const st of program.body) {
    if (st.type === 'ContentStatement' || st.type === 'CommentStatement') continue;
    const m = st as hbs.AST.MustacheStatement;
    const path = m.path as hbs.AST.PathExpression;
    const simple = st.type === 'MustacheStatement' && path.type === 'PathExpression' && !path.data && path.parts.length === 1 && !m.params.length && !m.hash;
    if (!simple) return `tussen {{ }} staat alleen een naam, geen ${describe(st)}; ${allowed}`;
    if (!names.includes(path.original)) return `onbekende plaatshouder {{${path.original}}}; ${allowed}`;
  }
  const used = new Set(program.body.flatMap((st) => (st.type === 'MustacheStatement' ? [((st as hbs.AST.MustacheStatement).path as hbs.AST.PathExpression).original] : [])));
  const missing = required.filter((n) => !used.has(n));
  if (missing.length) return `deze tekst moet ${missing.map((n) => `{{${n}}}`).join(' en ')} bevatten`;
  return null;
}

function describe(st: hbs.AST.Statement): string {
  if (st.type === 'BlockStatement') return 'blok ({{#…}})';
  if (st.type === 'PartialStatement' || st.type === 'PartialBlockStatement') return 'deelsjabloon ({{>…}})';
  return `'${(st as hbs.AST.MustacheStatement).path.type === 'PathExpression' ? ((st as hbs.AST.MustacheStatement).path as hbs.AST.PathExpression).original : '…'}' met iets erachter`;
}

const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** Fills a text template (checked by {@link textTemplate}) with its values. */
export function fillText(template: string, values: Record<string, string | number> = {}): string {
  let f = compiled.get(template);
  if (!f) {
    // Compiled once, and kept between builds (template-store.ts).
    f = compileTemplate(template, { noEscape: true, strict: true });
    compiled.set(template, f);
  }
  return f(values);
}
