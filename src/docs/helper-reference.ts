import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HELPER_NAMES, HELPERS, type HelperName } from '../model/narrative/helpers.ts';
import { generatedBegin, spliceGenerated } from './generated-section.ts';

/**
 * The table of narrative helpers in docs/tekst-schrijven.md, generated from the helper registry
 * (src/model/narrative/helpers.ts) that the renderer and `eindrapport check` use too.
 */
export const GUIDE_DOC = 'docs/tekst-schrijven.md';
const BEGIN = generatedBegin('de helpers in src/model/narrative/helpers.ts');

/** How an editor writes a call: {{positief "vraag"}}, {{tendens ["vraag"]}}, {{#per_product}}…{{/per_product}}. */
export function helperSignature(name: HelperName): string {
  const h = HELPERS[name];
  if (h.block) return `{{#${name}}}…{{/${name}}}`;
  const required = h.args.length - (h.optional ?? 0);
  const args = h.args.map((a, i) => {
    const written = a === 'aantal' ? a : `"${a}"`;
    return i < required ? written : `[${written}]`;
  });
  return `{{${[name, ...args].join(' ')}}}`;
}

export function helperTable(): string {
  const cell = (t: string) => t.replaceAll('|', '\\|');
  const rows = HELPER_NAMES.map((name) => {
    const h = HELPERS[name];
    const options = h.hash.map((o) => `\`${o}\``).join(', ') || '–';
    return `| \`${cell(helperSignature(name))}\` | ${cell(h.doc)} | ${options} | ${h.printsNumber ? 'ja' : 'nee'} |`;
  });
  return ['| helper | schrijft | opties | cijfer uit de data |', '|---|---|---|---|', ...rows].join('\n');
}

/** docs/tekst-schrijven.md with its helper table brought up to date. */
export function helperReferenceFiles(root: string): Map<string, string> {
  return new Map([[GUIDE_DOC, spliceGenerated(readFileSync(join(root, GUIDE_DOC), 'utf8'), GUIDE_DOC, BEGIN, helperTable())]]);
}
