import Handlebars from 'handlebars';
import { InputError, problem } from '../../load/input-error.ts';
import type { Snippet } from '../../load/content.ts';
import type { ParagraphBlock } from '../report-types.ts';
import { HELPER_NAMES, NarrativeError, registerHelpers, type NarrativeEnv, type RenderData } from './helpers.ts';

/** One isolated Handlebars instance: our helpers only, strict about unknown names. */
const hb = Handlebars.create();
registerHelpers(hb);
const knownHelpers = Object.fromEntries(HELPER_NAMES.map((h) => [h, true]));
const compiled = new Map<string, HandlebarsTemplateDelegate>();

function compile(source: string): HandlebarsTemplateDelegate {
  let t = compiled.get(source);
  if (!t) {
    // noEscape: the output is PDF text, not HTML. strict: an unknown variable is an error, not "".
    t = hb.compile(source, { noEscape: true, strict: true, knownHelpers, knownHelpersOnly: false });
    compiled.set(source, t);
  }
  return t;
}

export interface SnippetScope {
  scope: string;
  group: string | null;
  /** Variables the snippet may use, e.g. {{product}}. */
  variables: Record<string, unknown>;
}


/** Renders a snippet's paragraphs; empty results (all text behind a false {{#if}}) are dropped. */
export function renderSnippet(env: NarrativeEnv, snippet: Snippet, scope: SnippetScope, idPrefix: string): ParagraphBlock[] {
  const blocks: ParagraphBlock[] = [];
  snippet.paragraphs.forEach((source, i) => {
    const figures: ParagraphBlock['figures'] = [];
    const data: RenderData = { env, scope: scope.scope, group: scope.group, figures };
    let text: string;
    try {
      text = compile(source)(scope.variables, { data });
    } catch (e) {
      throw toInputError(e, snippet, i);
    }
    text = text.replace(/\s+/g, ' ').trim();
    if (!text) return;
    blocks.push({ type: 'paragraph', id: `${idPrefix}-p${i + 1}`, text, figures, source: { file: snippet.file, key: snippet.key } });
  });
  return blocks;
}

function toInputError(e: unknown, snippet: Snippet, paragraph: number): InputError {
  const at = { file: snippet.file, line: snippet.lines[paragraph] };
  if (e instanceof NarrativeError) return new InputError(problem(at, `in tekst '${snippet.key}': ${e.message}`, e.hint));
  const message = e instanceof Error ? e.message : String(e);
  const missing = /"(\w+)" not defined in/.exec(message);
  if (missing) {
    return new InputError(problem(at, `in tekst '${snippet.key}': onbekende naam '${missing[1]}'.`, 'Controleer de spelling van de helper of variabele; zie docs/tekst-schrijven.md.'));
  }
  const missingHelper = /Missing helper: "([^"]+)"/.exec(message);
  if (missingHelper) {
    return new InputError(problem(at, `in tekst '${snippet.key}': onbekende helper '${missingHelper[1]}'.`, 'Zie docs/tekst-schrijven.md voor de helpers.'));
  }
  return new InputError(problem(at, `in tekst '${snippet.key}': de tekst kan niet worden verwerkt (${message.split('\n')[0]}).`, 'Controleer de {{ }}-haakjes.'));
}
